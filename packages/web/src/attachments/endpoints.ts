/** The attachment endpoints, and the upload itself: straight to storage, with progress. */
import {
  Attachment,
  AttachmentDownload,
  AttachmentList,
  type CreateAttachmentInput,
  CreatedAttachment,
  type UploadInstruction,
} from "@taskmanager/core/attachment/schema";
import { apiRequest } from "../api-client";

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

/**
 * Sends the file exactly as the instruction says. XMLHttpRequest, not fetch: only
 * it reports upload progress. Resolves on 2xx; rejects with a message otherwise.
 */
export function sendFile(
  instruction: UploadInstruction,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(instruction.method, instruction.url);
    for (const [name, value] of Object.entries(instruction.headers)) {
      request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new Error(`The storage refused the file (${request.status}).`));
    request.onerror = () => reject(new Error("The upload was interrupted; try again."));
    request.send(file);
  });
}
