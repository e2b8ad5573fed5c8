/**
 * Expiry: signed URLs stop working after their 15 minutes, and an upload never
 * completed disappears by itself (the table's TTL, then the stream's cleanup).
 */
import * as Attachment from "@taskmanager/core/attachment";
import * as Task from "@taskmanager/core/task";
import { afterEach, expect, test, vi } from "vitest";
import { AttachmentEntity } from "../src/attachment/entity";
import { SIGNED_URL_SECONDS } from "../src/attachment/schema";
import * as Storage from "../src/attachment/storage";
import { newUserId } from "./helpers";

afterEach(() => {
  vi.useRealTimers();
});

/** Signs as if `secondsAgo` had passed since (the signature carries its own date). */
async function signedAgo<T>(secondsAgo: number, sign: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - secondsAgo * 1000);
  try {
    return await sign();
  } finally {
    vi.useRealTimers();
  }
}

async function uploaded(userId: string, taskId: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const created = await Attachment.create(userId, taskId, {
    filename: "a.txt",
    contentType: "text/plain",
    size: bytes.length,
  });
  const sent = await fetch(created.upload.url, {
    method: "PUT",
    headers: created.upload.headers,
    body: bytes,
  });
  expect(sent.status).toBe(200);
  return created;
}

test("a download URL works within its 15 minutes and is refused after", async () => {
  const userId = newUserId();
  const task = await Task.create(userId, { title: "expiry" });
  const created = await uploaded(userId, task.taskId, "hello");
  await Attachment.complete(userId, task.taskId, created.attachment.attachmentId);
  const key = Attachment.objectKeyOf(userId, task.taskId, created.attachment.attachmentId);

  const fresh = await signedAgo(SIGNED_URL_SECONDS - 60, () =>
    Storage.signDownload(key, "a.txt", "text/plain"),
  );
  expect((await fetch(fresh.url)).status).toBe(200);
  const stale = await signedAgo(SIGNED_URL_SECONDS + 60, () =>
    Storage.signDownload(key, "a.txt", "text/plain"),
  );
  expect((await fetch(stale.url)).status).toBe(403);
});

test("an upload URL past its 15 minutes is refused", async () => {
  const key = `${newUserId()}/task/attachment`;
  const stale = await signedAgo(SIGNED_URL_SECONDS + 60, () =>
    Storage.signUpload(key, "text/plain", 2),
  );
  const sent = await fetch(stale.url, { method: "PUT", headers: stale.headers, body: "hi" });
  expect(sent.status).toBe(403);
  expect(await Storage.headObject(key)).toBeNull();
});

test("a pending upload never completed disappears by itself and gives its place back", async () => {
  const userId = newUserId();
  const task = await Task.create(userId, { title: "abandoned" });
  const created = await uploaded(userId, task.taskId, "left behind");
  const { attachmentId } = created.attachment;
  const key = Attachment.objectKeyOf(userId, task.taskId, attachmentId);
  expect((await Task.get(userId, task.taskId)).attachmentCount).toBe(1);

  // As if its time had run out.
  await AttachmentEntity.patch({ userId, taskId: task.taskId, attachmentId })
    .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
    .go();
  // Reads treat it as gone at once (DynamoDB deletes expired items some time later).
  expect((await Attachment.list(userId, task.taskId)).items).toEqual([]);

  const deadline = Date.now() + 20_000;
  for (;;) {
    const records = await Attachment.recordsOfTask(userId, task.taskId);
    const count = (await Task.get(userId, task.taskId)).attachmentCount;
    const stored = await Storage.headObject(key);
    if (records.length === 0 && count === 0 && stored === null) break;
    if (Date.now() > deadline)
      throw new Error(`still there: ${records.length}, ${count}, ${stored}`);
    await new Promise((done) => setTimeout(done, 250));
  }
});

test("a completed upload loses its expiry and stays", async () => {
  const userId = newUserId();
  const task = await Task.create(userId, { title: "kept" });
  const created = await uploaded(userId, task.taskId, "kept");
  await Attachment.complete(userId, task.taskId, created.attachment.attachmentId);
  const [record] = await Attachment.recordsOfTask(userId, task.taskId);
  expect(record?.status).toBe("uploaded");
  expect(record?.expiresAt).toBeUndefined();
});
