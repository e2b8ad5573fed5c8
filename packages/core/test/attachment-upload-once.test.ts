/**
 * A signed upload is single use: once a file is stored under its key, the same
 * URL (valid 15 minutes) cannot replace it. S3 enforces this with the signed
 * `If-None-Match: *` (a conditional write); so does the local stack's S3 front
 * (s3rver itself ignores the header).
 */
import { randomUUID } from "node:crypto";
import * as Attachment from "@taskmanager/core/attachment";
import * as Task from "@taskmanager/core/task";
import { expect, test } from "vitest";
import * as Storage from "../src/attachment/storage";

test("the upload's signature covers If-None-Match: *, and the client is told to send it", async () => {
  const signed = await Storage.signUpload(`once-${randomUUID()}/t/a`, "text/plain", 5);
  expect(signed.headers["if-none-match"]).toBe("*");
  const signedHeaders = new URL(signed.url).searchParams.get("X-Amz-SignedHeaders")?.split(";");
  expect(signedHeaders).toEqual(expect.arrayContaining(["if-none-match", "x-amz-tagging"]));
});

test("replaying the upload after completion is refused, and the completed file is unchanged", async () => {
  const userId = `once-${randomUUID()}`;
  const task = await Task.create(userId, { title: "replay" });
  const created = await Attachment.create(userId, task.taskId, {
    filename: "a.txt",
    contentType: "text/plain",
    size: 5,
  });
  const put = (body: string) =>
    fetch(created.upload.url, { method: "PUT", headers: created.upload.headers, body });
  expect((await put("hello")).status).toBe(200);
  const { attachmentId } = created.attachment;
  expect((await Attachment.complete(userId, task.taskId, attachmentId)).status).toBe("uploaded");

  const replay = await put("HIJAK");
  expect(replay.status).toBe(412);
  const key = Attachment.objectKeyOf(userId, task.taskId, attachmentId);
  const download = await Storage.signDownload(key, "a.txt", "text/plain");
  expect(await (await fetch(download.url)).text()).toBe("hello");
});
