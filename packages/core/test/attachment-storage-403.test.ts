/**
 * S3 as AWS answers our functions: they may GetObject but not ListBucket, so a
 * missing key is 403, not the 404 s3rver gives. Completing an attachment before
 * its upload must still say "not uploaded" (a 400), not fail (a 500).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { type S3AsAws, startS3AsAws } from "./s3-as-aws";

let front: S3AsAws;
let Storage: typeof import("../src/attachment/storage");
let Attachment: typeof import("@taskmanager/core/attachment");
let Task: typeof import("@taskmanager/core/task");

beforeAll(async () => {
  front = await startS3AsAws(process.env.AWS_ENDPOINT_URL_S3 ?? "");
  // Read when the S3 client is made: the modules are loaded after this.
  process.env.AWS_ENDPOINT_URL_S3 = front.url;
  vi.resetModules();
  Storage = await import("../src/attachment/storage");
  Attachment = await import("@taskmanager/core/attachment");
  Task = await import("@taskmanager/core/task");
});

afterAll(async () => {
  await front?.stop();
});

const newUserId = () => `s3-403-${randomUUID()}`;

test("the front answers a missing key as S3 answers a role without ListBucket: 403", async () => {
  const key = `${newUserId()}/task/missing`;
  const head = await Storage.signDownload(key, "a.txt", "text/plain");
  expect((await fetch(head.url, { method: "HEAD" })).status).toBe(403);
  const get = await fetch(head.url);
  expect(get.status).toBe(403);
  expect(await get.text()).toContain("<Code>AccessDenied</Code>");
});

test("a missing object is null, not an error", async () => {
  expect(await Storage.headObject(`${newUserId()}/task/missing`)).toBeNull();
});

test("completing before the upload is a refusal saying 'not uploaded', not a failure", async () => {
  const userId = newUserId();
  const task = await Task.create(userId, { title: "403" });
  const created = await Attachment.create(userId, task.taskId, {
    filename: "a.txt",
    contentType: "text/plain",
    size: 5,
  });
  await expect(
    Attachment.complete(userId, task.taskId, created.attachment.attachmentId),
  ).rejects.toMatchObject({
    name: "VisibleError",
    code: "validation_failed",
    issues: [{ path: "file", message: "not uploaded" }],
  });

  // And once the file is there, the same completion succeeds through the same S3.
  const sent = await fetch(created.upload.url, {
    method: "PUT",
    headers: created.upload.headers,
    body: "hello",
  });
  expect(sent.status).toBe(200);
  const done = await Attachment.complete(userId, task.taskId, created.attachment.attachmentId);
  expect(done.status).toBe("uploaded");
});
