/** The attachment endpoints, and the upload itself: straight to storage, with progress. */
import {
  Attachment,
  AttachmentDownload,
  AttachmentList,
  type CreateAttachmentInput,
  CreatedAttachment,
  type UploadInstruction,
} from "@taskmanager/core/attachment/schema";
import { ApiError, apiRequest } from "../api-client";

const base = (taskId: string) => `/tasks/${encodeURIComponent(taskId)}/attachments`;
const one = (taskId: string, attachmentId: string) =>
  `${base(taskId)}/${encodeURIComponent(attachmentId)}`;

export const listAttachments = (taskId: string) =>
  apiRequest(base(taskId), { schema: AttachmentList });

export const startUpload = (taskId: string, input: CreateAttachmentInput) =>
  apiRequest(base(taskId), { method: "POST", body: input, schema: CreatedAttachment });

export const completeUpload = (taskId: string, attachmentId: string) =>
  apiRequest(`${one(taskId, attachmentId)}/complete`, { method: "POST", schema: Attachment });

export const getAttachment = (taskId: string, attachmentId: string) =>
  apiRequest(one(taskId, attachmentId), { schema: AttachmentDownload });

export const deleteAttachment = (taskId: string, attachmentId: string) =>
  apiRequest(one(taskId, attachmentId), { method: "DELETE" });

/** The storage could not be reached: a connection problem, worded as one. */
export const STORAGE_UNREACHABLE = "Can't reach the file storage. Check your connection and retry.";

/**
 * Sends the file exactly as the instruction says. XMLHttpRequest, not fetch: only
 * it reports upload progress. Resolves on 2xx. A lost connection rejects with a
 * `network` ApiError, a refusal with the storage's status, and `signal` aborting
 * (Cancel) with an AbortError.
 */
export function sendFile(
  instruction: UploadInstruction,
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    if (signal?.aborted) return cancelled();
    const request = new XMLHttpRequest();
    request.open(instruction.method, instruction.url);
    for (const [name, value] of Object.entries(instruction.headers)) {
      request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    const unreachable = () => reject(new ApiError("network", STORAGE_UNREACHABLE, 0));
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(
            new ApiError(
              "forbidden",
              `The file storage refused the file (${request.status}); retry.`,
              request.status,
            ),
          );
    request.onerror = unreachable;
    request.ontimeout = unreachable;
    request.onabort = cancelled;
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}
