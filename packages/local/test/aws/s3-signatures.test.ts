/**
 * The local S3 checks presigned requests as S3 does (s3rver, behind it, checks
 * none): a tampered signature, a changed signed header, an edited key, an expired
 * URL and a request with no signature are each refused with 403; the URLs the API
 * signs work. Against the run's stack, whose S3 endpoint is the checking front.
 */
import { randomUUID } from "node:crypto";
import * as Attachment from "@taskmanager/core/attachment";
import * as Task from "@taskmanager/core/task";
import { expect, test } from "vitest";
import { presignedRefusal } from "../../src/aws/s3-signatures";

const BYTES = "hello";

async function pending() {
  const userId = `sig-${randomUUID()}`;
  const task = await Task.create(userId, { title: "signatures" });
  const created = await Attachment.create(userId, task.taskId, {
    filename: "a.txt",
    contentType: "text/plain",
    size: BYTES.length,
  });
  return { userId, taskId: task.taskId, created };
}

const put = (url: string, headers: Record<string, string>, body = BYTES) =>
  fetch(url, { method: "PUT", headers, body });

/** The same URL with one hex digit of its signature changed. */
function tamperSignature(url: string): string {
  const u = new URL(url);
  const signature = u.searchParams.get("X-Amz-Signature") ?? "";
  const last = signature.at(-1) === "0" ? "1" : "0";
  u.searchParams.set("X-Amz-Signature", `${signature.slice(0, -1)}${last}`);
  return u.toString();
}

test("a tampered signature, a changed signed header and an edited key are refused; the real upload works", async () => {
  const { created } = await pending();
  const { url, headers } = created.upload;

  const tampered = await put(tamperSignature(url), headers);
  expect(tampered.status).toBe(403);
  expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

  expect((await put(url, { ...headers, "content-type": "text/csv" })).status).toBe(403);
  expect(
    (await put(url, { ...headers, "x-amz-tagging": "attachment-state=uploaded" })).status,
  ).toBe(403);
  expect((await put(url, headers, "hello!")).status).toBe(403);
  const { ["if-none-match"]: _, ...withoutCondition } = headers;
  expect((await put(url, withoutCondition)).status).toBe(403);

  const edited = new URL(url);
  edited.pathname = edited.pathname.replace(/[^/]+$/, "someone-elses");
  expect((await put(edited.toString(), headers)).status).toBe(403);

  expect((await put(url, headers)).status).toBe(200);
});

test("a download URL cannot be retargeted, and a request without a signature is refused", async () => {
  const { userId, taskId, created } = await pending();
  expect((await put(created.upload.url, created.upload.headers)).status).toBe(200);
  await Attachment.complete(userId, taskId, created.attachment.attachmentId);
  const read = await Attachment.get(userId, taskId, created.attachment.attachmentId);
  const url = read.download?.url ?? "";
  expect(url).not.toBe("");

  const ok = await fetch(url);
  expect(ok.status).toBe(200);
  expect(await ok.text()).toBe(BYTES);

  const other = await pending();
  const retargeted = new URL(url);
  retargeted.pathname = new URL(other.created.upload.url).pathname;
  expect((await fetch(retargeted.toString())).status).toBe(403);

  const unsigned = new URL(url);
  unsigned.search = "";
  const anonymous = await fetch(unsigned.toString());
  expect(anonymous.status).toBe(403);
  expect(await anonymous.text()).toContain("<Code>AccessDenied</Code>");
});

test("an expired URL is refused", () => {
  const signedAt = Date.UTC(2026, 0, 1, 12, 0, 0);
  const refusal = presignedRefusal(
    {
      method: "GET",
      url: "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=S3RVER%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T120000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=00",
      headers: { host: "127.0.0.1:1" },
    },
    { S3RVER: "S3RVER" },
    signedAt + 901_000,
  );
  expect(refusal).toEqual({ code: "AccessDenied", message: "Request has expired" });
});
