/**
 * The uploads this page started. Each file goes through three steps: ask the API
 * (a pending record and a signed URL), send it to storage (cancellable), and
 * complete. One that failed or was cancelled stays listed with its File, so Retry
 * sends the same file again; its pending record is deleted (on Cancel, Remove,
 * and before a Retry) so nothing half-made is left behind.
 */
import { type Attachment, checkFile } from "@taskmanager/core/attachment/schema";
import { useRef, useState } from "react";
import { describeError } from "../app/error-message";
import { completeUpload, deleteAttachment, sendFile, startUpload } from "./endpoints";

export type UploadState = "refused" | "sending" | "failed" | "cancelled";

export interface Upload {
  id: number;
  name: string;
  file: File;
  state: UploadState;
  /** 0 to 1, while sending. */
  progress: number;
  /** Why it was refused or failed, in words. */
  error?: string;
  /** The pending record the API made for it, while one exists. */
  attachmentId?: string;
}

let nextUploadId = 0;

export function useUploads(taskId: string, changed: () => Promise<unknown>) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<number, AbortController>());

  const patch = (id: number, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));
  const drop = (id: number) => setUploads((all) => all.filter((u) => u.id !== id));

  /** Deletes a pending record; if that fails too, the list shows it as unfinished. */
  const discard = (attachmentId: string) =>
    deleteAttachment(taskId, attachmentId).then(
      () => true,
      () => false,
    );

  async function send(id: number, file: File) {
    const checked = checkFile(file);
    if (!checked.ok) {
      patch(id, { state: "refused", error: checked.message });
      return;
    }
    const controller = new AbortController();
    controllers.current.set(id, controller);
    patch(id, { state: "sending", progress: 0, error: undefined, attachmentId: undefined });
    let attachmentId: string | undefined;
    try {
      const created = await startUpload(taskId, checked.input);
      attachmentId = created.attachment.attachmentId;
      patch(id, { attachmentId });
      await sendFile(
        created.upload,
        file,
        (progress) => patch(id, { progress }),
        controller.signal,
      );
      await completeUpload(taskId, attachmentId);
      drop(id);
    } catch (error) {
      if (controller.signal.aborted) {
        // Cancelled: the record made for it goes too.
        const gone = attachmentId ? await discard(attachmentId) : true;
        patch(id, { state: "cancelled", ...(gone ? { attachmentId: undefined } : {}) });
      } else {
        patch(id, { state: "failed", error: describeError(error) });
      }
    } finally {
      controllers.current.delete(id);
      await changed();
    }
  }

  function add(files: Iterable<File>) {
    for (const file of files) {
      const id = ++nextUploadId;
      setUploads((all) => [...all, { id, name: file.name, file, state: "sending", progress: 0 }]);
      void send(id, file);
    }
  }

  async function retry(upload: Upload) {
    if (upload.attachmentId) await discard(upload.attachmentId);
    await send(upload.id, upload.file);
  }

  function cancel(upload: Upload) {
    controllers.current.get(upload.id)?.abort();
  }

  async function remove(upload: Upload) {
    if (upload.attachmentId && !(await discard(upload.attachmentId))) {
      patch(upload.id, { error: "It could not be removed: check your connection and retry." });
      return false;
    }
    drop(upload.id);
    await changed();
    return true;
  }

  /** A pending record from before (a reload, another tab) replaced by a file picked again. */
  async function replace(stalled: Attachment, file: File) {
    await discard(stalled.attachmentId);
    add([file]);
  }

  async function removeStalled(stalled: Attachment) {
    const gone = await discard(stalled.attachmentId);
    await changed();
    return gone;
  }

  /**
   * Whether a pending record belongs to an upload on this page (listed with it, not
   * as unfinished): by its id, or by name while the API has not yet told us the id.
   */
  const ours = (record: Attachment) =>
    uploads.some(
      (u) =>
        u.attachmentId === record.attachmentId ||
        (u.state === "sending" && !u.attachmentId && u.name === record.filename),
    );
  return { uploads, ours, add, retry, cancel, remove, replace, removeStalled };
}
