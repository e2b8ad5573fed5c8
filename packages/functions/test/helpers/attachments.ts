/** Shared by the attachment tests: a task to attach to, and the upload a browser would do. */
import { HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Attachment, CreatedAttachment } from "@taskmanager/core/attachment/schema";
import { Task } from "@taskmanager/core/task/schema";
import { Resource } from "sst";
import { expect } from "vitest";
import { api, type Person } from "./api";

export async function newTask(person: Person, title = "with files"): Promise<Task> {
  const response = await api("/tasks", { method: "POST", token: person.token, body: { title } });
  expect(response.status, response.text).toBe(201);
  return Task.parse(response.json);
}

export const attachmentsPath = (taskId: string, attachmentId?: string) =>
  `/tasks/${taskId}/attachments${attachmentId ? `/${attachmentId}` : ""}`;

export async function startUpload(
  person: Person,
  taskId: string,
  file: { filename: string; contentType: string; size: number },
): Promise<CreatedAttachment> {
  const response = await api(attachmentsPath(taskId), {
    method: "POST",
    token: person.token,
    body: file,
  });
  expect(response.status, response.text).toBe(201);
  return CreatedAttachment.parse(response.json);
}

/** Sends the bytes exactly as the instruction says, with plain fetch (as a browser would). */
export async function sendFile(
  created: CreatedAttachment,
  bytes: Uint8Array,
  headers: Record<string, string> = created.upload.headers,
): Promise<Response> {
  return fetch(created.upload.url, { method: created.upload.method, headers, body: bytes });
}

export const complete = (person: Person, taskId: string, attachmentId: string) =>
  api(`${attachmentsPath(taskId, attachmentId)}/complete`, { method: "POST", token: person.token });

/** Starts, sends and completes an upload of `bytes`. */
export async function uploadFile(
  person: Person,
  taskId: string,
  filename: string,
  contentType: string,
  bytes: Uint8Array,
) {
  const created = await startUpload(person, taskId, { filename, contentType, size: bytes.length });
  const sent = await sendFile(created, bytes);
  expect(sent.status, await sent.clone().text()).toBe(200);
  const done = await complete(person, taskId, created.attachment.attachmentId);
  expect(done.status, done.text).toBe(200);
  return Attachment.parse(done.json);
}

/** Waits until `check` holds, polling; the stream is asynchronous by design. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

const s3 = new S3Client({ forcePathStyle: true });

/** Whether the bucket holds an object under `key` (asked of the storage itself). */
/**
 * Stores `bytes` under `key` with the server's own credentials, bypassing the signed
 * upload: what a storage that did not enforce the signed conditions would hold.
 */
export async function storeDirectly(key: string, bytes: Uint8Array, contentType: string) {
  await s3.send(
    new PutObjectCommand({
      Bucket: Resource.Attachments.name,
      Key: key,
      Body: bytes,
      ContentType: contentType,
    }),
  );
}

export async function objectExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: Resource.Attachments.name, Key: key }));
    return true;
  } catch (error) {
    if ((error as Error).name === "NotFound") return false;
    throw error;
  }
}
