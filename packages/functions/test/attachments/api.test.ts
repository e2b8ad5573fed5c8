/** Attachments over real HTTP against the local stack: DynamoDB Local, S3 (s3rver behind a signature check) and the stream. */

import { objectKeyOf, recordsOfTask } from "@taskmanager/core/attachment";
import {
  Attachment,
  AttachmentDownload,
  AttachmentList,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_TASK,
} from "@taskmanager/core/attachment/schema";
import { Task } from "@taskmanager/core/task/schema";
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod/mini";
import { api, expectError, newPerson, type Person } from "../helpers/api";
import {
  attachmentsPath,
  complete,
  eventually,
  newTask,
  objectExists,
  sendFile,
  startUpload,
  storeDirectly,
  uploadFile,
} from "../helpers/attachments";

let alice: Person;
let bob: Person;
beforeAll(async () => {
  [alice, bob] = await Promise.all([newPerson("att-alice"), newPerson("att-bob")]);
});

const storedKey = (task: Task, attachmentId: string) =>
  objectKeyOf(task.userId, task.taskId, attachmentId);

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe("the upload flow", () => {
  test("start, PUT with fetch, complete, list, download the same bytes", async () => {
    const task = await newTask(alice);
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    const created = await startUpload(alice, task.taskId, {
      filename: "report.pdf",
      contentType: "application/pdf",
      size: bytes.length,
    });
    expect(created.attachment).toMatchObject({ status: "pending", size: 4096, uploadedAt: null });
    // The signature binds the type, the exact length, the pending tag and single use
    // (If-None-Match: *); 15 minutes at most.
    const signed = new URL(created.upload.url);
    expect(signed.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(
      expect.arrayContaining([
        "content-length",
        "content-type",
        "host",
        "if-none-match",
        "x-amz-tagging",
      ]),
    );
    expect(Number(signed.searchParams.get("X-Amz-Expires"))).toBeLessThanOrEqual(900);
    expect(Date.parse(created.upload.expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
    expect(created.upload.headers).toEqual({
      "content-type": "application/pdf",
      "x-amz-tagging": "attachment-state=pending",
      "if-none-match": "*",
    });

    expect((await sendFile(created, bytes)).status).toBe(200);
    const done = await complete(alice, task.taskId, created.attachment.attachmentId);
    expect(done.status, done.text).toBe(200);
    const uploaded = z.strictObject(Attachment.shape).parse(done.json);
    expect(uploaded.status).toBe("uploaded");
    expect(uploaded.uploadedAt).not.toBeNull();

    const listed = AttachmentList.parse(
      (await api(attachmentsPath(task.taskId), { token: alice.token })).json,
    );
    expect(listed.items).toEqual([uploaded]);
    const readTask = Task.parse((await api(`/tasks/${task.taskId}`, { token: alice.token })).json);
    expect(readTask.attachmentCount).toBe(1);

    const read = await api(attachmentsPath(task.taskId, uploaded.attachmentId), {
      token: alice.token,
    });
    const { download } = AttachmentDownload.parse(read.json);
    const file = await fetch(download?.url as string);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  test("any file name is kept exactly and offered safely for download", async () => {
    const task = await newTask(alice);
    const name = 'Größe "Q3"; 100% ✓.txt';
    const attachment = await uploadFile(alice, task.taskId, name, "text/plain", bytesOf("hi"));
    expect(attachment.filename).toBe(name);
    const { download } = AttachmentDownload.parse(
      (await api(attachmentsPath(task.taskId, attachment.attachmentId), { token: alice.token }))
        .json,
    );
    const disposition = (await fetch(download?.url as string)).headers.get("content-disposition");
    expect(disposition).toBe(
      `attachment; filename="Gr__e _Q3_; 100_ _.txt"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(decodeURIComponent(disposition?.split("''")[1] as string)).toBe(name);
  });

  test("a pending attachment has no download; completing before the upload is refused", async () => {
    const task = await newTask(alice);
    const created = await startUpload(alice, task.taskId, {
      filename: "later.png",
      contentType: "image/png",
      size: 10,
    });
    const id = created.attachment.attachmentId;
    const error = expectError(await complete(alice, task.taskId, id), 400, "validation_failed");
    expect(error.issues).toEqual([{ path: "file", message: "not uploaded" }]);
    const read = AttachmentDownload.parse(
      (await api(attachmentsPath(task.taskId, id), { token: alice.token })).json,
    );
    expect(read).toEqual({ attachment: created.attachment, download: null });
  });
});

describe("limits, checked before anything is signed", () => {
  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ["a file over 25 MiB", { size: MAX_ATTACHMENT_BYTES + 1 }, "size"],
    ["an empty file", { size: 0 }, "size"],
    ["HTML", { contentType: "text/html" }, "contentType"],
    ["SVG", { contentType: "image/svg+xml" }, "contentType"],
    ["an empty name", { filename: "" }, "filename"],
    ["a 256-character name", { filename: `${"a".repeat(252)}.txt` }, "filename"],
    ["a path", { filename: "../etc/passwd" }, "filename"],
    ["a Windows path", { filename: "C:\\x.txt" }, "filename"],
    ["a control character", { filename: "a\nb.txt" }, "filename"],
    ["DEL", { filename: "a\u007fb.txt" }, "filename"],
    ["a C1 control character (NEL)", { filename: "a\u0085b.txt" }, "filename"],
    ["a C1 control character (CSI)", { filename: "a\u009b31mb.txt" }, "filename"],
    ["the last C1 control character", { filename: "a\u009fb.txt" }, "filename"],
  ];
  test.each(refusals)("%s is a 400 naming the limit", async (_, change, path) => {
    const task = await newTask(alice);
    const response = await api(attachmentsPath(task.taskId), {
      method: "POST",
      token: alice.token,
      body: { filename: "ok.txt", contentType: "text/plain", size: 10, ...change },
    });
    const error = expectError(response, 400, "validation_failed");
    expect(error.issues?.map((issue) => issue.path)).toEqual([path]);
    const listed = AttachmentList.parse(
      (await api(attachmentsPath(task.taskId), { token: alice.token })).json,
    );
    expect(listed.items).toEqual([]);
  });

  test(`at most ${MAX_ATTACHMENTS_PER_TASK} a task, even when asked for at once`, async () => {
    const task = await newTask(alice);
    const file = { filename: "a.txt", contentType: "text/plain", size: 1 };
    const responses = await Promise.all(
      Array.from({ length: MAX_ATTACHMENTS_PER_TASK + 5 }, () =>
        api(attachmentsPath(task.taskId), { method: "POST", token: alice.token, body: file }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_ATTACHMENTS_PER_TASK);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      const error = expectError(refused, 400, "validation_failed");
      expect(error.issues).toEqual([{ path: "attachments", message: "at most 20 a task" }]);
    }
    const readTask = Task.parse((await api(`/tasks/${task.taskId}`, { token: alice.token })).json);
    expect(readTask.attachmentCount).toBe(MAX_ATTACHMENTS_PER_TASK);
  });
});

describe("the completion check trusts the stored object only", () => {
  test("another content type than declared: rejected and deleted", async () => {
    const task = await newTask(alice);
    const created = await startUpload(alice, task.taskId, {
      filename: "photo.png",
      contentType: "image/png",
      size: 5,
    });
    // The type is signed, so S3 (and the local S3's signature check) refuses this...
    const sent = await sendFile(created, bytesOf("<svg>"), {
      ...created.upload.headers,
      "content-type": "text/html",
    });
    expect(sent.status).toBe(403);
    const id = created.attachment.attachmentId;
    // ...but completion trusts only what is stored: as if a storage had let it through.
    await storeDirectly(storedKey(task, id), bytesOf("<svg>"), "text/html");
    const error = expectError(await complete(alice, task.taskId, id), 400, "validation_failed");
    expect(error.issues).toEqual([
      { path: "contentType", message: "declared image/png, stored text/html" },
    ]);
    const read = AttachmentDownload.parse(
      (await api(attachmentsPath(task.taskId, id), { token: alice.token })).json,
    );
    expect(read.attachment.status).toBe("rejected");
    expect(read.download).toBeNull();
    expect(await objectExists(storedKey(task, id))).toBe(false);
    expectError(await complete(alice, task.taskId, id), 400, "validation_failed");
  });

  test("a larger body than declared: rejected and deleted", async () => {
    const task = await newTask(alice);
    const created = await startUpload(alice, task.taskId, {
      filename: "notes.txt",
      contentType: "text/plain",
      size: 4,
    });
    expect(new URL(created.upload.url).searchParams.get("X-Amz-SignedHeaders")).toContain(
      "content-length",
    );
    // The length is signed, so S3 (and the local S3's signature check) refuses this...
    expect((await sendFile(created, bytesOf("far more than four bytes"))).status).toBe(403);
    const id = created.attachment.attachmentId;
    // ...but completion trusts only what is stored: as if a storage had let it through.
    await storeDirectly(storedKey(task, id), bytesOf("far more than four bytes"), "text/plain");
    const error = expectError(await complete(alice, task.taskId, id), 400, "validation_failed");
    expect(error.issues).toEqual([{ path: "size", message: "declared 4 bytes, stored 24" }]);
    expect(await objectExists(storedKey(task, id))).toBe(false);
  });
});

describe("deleting", () => {
  test("DELETE removes the record and the object (204), then 404", async () => {
    const task = await newTask(alice);
    const attachment = await uploadFile(alice, task.taskId, "a.csv", "text/csv", bytesOf("a,b"));
    const key = storedKey(task, attachment.attachmentId);
    expect(await objectExists(key)).toBe(true);
    const path = attachmentsPath(task.taskId, attachment.attachmentId);
    const removed = await api(path, { method: "DELETE", token: alice.token });
    expect(removed.status).toBe(204);
    expect(removed.text).toBe("");
    expect(await objectExists(key)).toBe(false);
    expectError(await api(path, { token: alice.token }), 404, "not_found");
    expectError(await api(path, { method: "DELETE", token: alice.token }), 404, "not_found");
    const readTask = Task.parse((await api(`/tasks/${task.taskId}`, { token: alice.token })).json);
    expect(readTask.attachmentCount).toBe(0);
  });

  test("deleting a task leaves no object and no record behind (through the stream)", async () => {
    const task = await newTask(alice);
    const kept = [
      await uploadFile(alice, task.taskId, "one.txt", "text/plain", bytesOf("one")),
      await uploadFile(alice, task.taskId, "two.txt", "text/plain", bytesOf("two")),
    ];
    const pending = await startUpload(alice, task.taskId, {
      filename: "three.txt",
      contentType: "text/plain",
      size: 5,
    });
    await sendFile(pending, bytesOf("three"));
    const keys = [...kept, pending.attachment].map((a) => storedKey(task, a.attachmentId));
    for (const key of keys) expect(await objectExists(key)).toBe(true);

    expect(
      (await api(`/tasks/${task.taskId}`, { method: "DELETE", token: alice.token })).status,
    ).toBe(204);
    const userId = task.userId;
    await eventually(async () => {
      const data = await recordsOfTask(userId, task.taskId);
      const objects = await Promise.all(keys.map(objectExists));
      return data.length === 0 && objects.every((exists) => !exists);
    });
    expectError(await api(attachmentsPath(task.taskId), { token: alice.token }), 404, "not_found");
  });
});

describe("another person's attachment is a 404, exactly like a missing one", () => {
  test("on every attachment route, and nothing of A's changes", async () => {
    const task = await newTask(alice);
    const attachment = await uploadFile(alice, task.taskId, "a.txt", "text/plain", bytesOf("A"));
    const one = attachmentsPath(task.taskId, attachment.attachmentId);
    const file = { filename: "b.txt", contentType: "text/plain", size: 1 };
    const attempts = [
      api(attachmentsPath(task.taskId), { token: bob.token }),
      api(attachmentsPath(task.taskId), { method: "POST", token: bob.token, body: file }),
      api(one, { token: bob.token }),
      api(`${one}/complete`, { method: "POST", token: bob.token }),
      api(one, { method: "DELETE", token: bob.token }),
    ];
    for (const response of await Promise.all(attempts)) expectError(response, 404, "not_found");
    const listed = AttachmentList.parse(
      (await api(attachmentsPath(task.taskId), { token: alice.token })).json,
    );
    expect(listed.items).toEqual([attachment]);
  });
});
