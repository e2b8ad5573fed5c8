/**
 * A task's attachments: the list (name, size, type, date), adding files by drag
 * and drop or a picker with a progress bar each, download and delete. A file the
 * API would refuse (type, size, name) is refused here first, before any upload.
 * Delete asks first, like a task's; once the file is gone, focus moves to the row
 * now in its place (or the file picker when none is left), never to the page.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type Attachment,
  checkFile,
  MAX_ATTACHMENTS_PER_TASK,
} from "@taskmanager/core/attachment/schema";
import { useId, useState } from "react";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import {
  completeUpload,
  deleteAttachment,
  getAttachment,
  listAttachments,
  sendFile,
  startUpload,
} from "../attachments/endpoints";
import { taskKeys } from "../tasks/queries";
import { DeleteButton } from "./DeleteButton";

const attachmentsKey = (taskId: string) => ["tasks", "attachments", taskId] as const;

interface Upload {
  id: number;
  name: string;
  progress: number;
  error?: string;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let nextUploadId = 0;

export function Attachments({ taskId }: { taskId: string }) {
  const client = useQueryClient();
  const inputId = useId();
  const list = useQuery({
    queryKey: attachmentsKey(taskId),
    queryFn: () => listAttachments(taskId),
  });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const changed = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: attachmentsKey(taskId) }),
      client.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      client.invalidateQueries({ queryKey: taskKeys.lists }),
    ]);
  const patch = (id: number, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));

  async function upload(file: File) {
    const id = ++nextUploadId;
    const checked = checkFile(file);
    setUploads((all) => [
      ...all,
      { id, name: file.name, progress: 0, ...(checked.ok ? {} : { error: checked.message }) },
    ]);
    if (!checked.ok) return;
    try {
      const created = await startUpload(taskId, checked.input);
      await sendFile(created.upload, file, (progress) => patch(id, { progress }));
      await completeUpload(taskId, created.attachment.attachmentId);
      setUploads((all) => all.filter((u) => u.id !== id));
    } catch (error) {
      patch(id, { error: describeError(error) });
    } finally {
      await changed();
    }
  }

  const remove = useMutation({
    mutationFn: (attachment: Attachment) => deleteAttachment(taskId, attachment.attachmentId),
    onSuccess: async (_, attachment) => {
      const rows = items.map((a) => a.attachmentId);
      const at = rows.indexOf(attachment.attachmentId);
      const next = rows[at + 1] ?? rows[at - 1];
      await changed();
      announce(`Deleted ${attachment.filename}.`);
      // The row (and its Delete) are gone: focus what took its place.
      const row = next && document.querySelector(`[data-attachment-id="${next}"] button`);
      (row instanceof HTMLElement ? row : document.getElementById(inputId))?.focus();
    },
    onError: (error) => setActionError(describeError(error)),
  });

  async function download(attachment: Attachment) {
    setActionError(null);
    try {
      const { download: signed } = await getAttachment(taskId, attachment.attachmentId);
      if (!signed) throw new Error("This file is not uploaded yet.");
      // The signed URL answers `Content-Disposition: attachment`: the browser saves it.
      const link = document.createElement("a");
      link.href = signed.url;
      link.rel = "noopener";
      link.click();
    } catch (error) {
      setActionError(describeError(error));
    }
  }

  const addFiles = (files: FileList | null) => {
    setActionError(null);
    for (const file of Array.from(files ?? [])) void upload(file);
  };
  const items = list.data?.items ?? [];

  return (
    <section aria-labelledby="attachments-heading" className="attachments">
      <h2 id="attachments-heading">Attachments</h2>
      {list.isPending ? <p role="status">Loading attachments…</p> : null}
      {list.isError ? (
        <p role="alert" className="error">
          {describeError(list.error)}
        </p>
      ) : null}
      {list.isSuccess && items.length === 0 ? <p>No attachments yet.</p> : null}
      {items.length > 0 ? (
        <ul className="attachment-list" aria-label="Attachments">
          {items.map((attachment) => (
            <li
              key={attachment.attachmentId}
              className="attachment"
              data-attachment-id={attachment.attachmentId}
            >
              <span className="attachment-name">{attachment.filename}</span>
              <span className="meta">
                {formatSize(attachment.size)} · {attachment.contentType} ·{" "}
                {new Date(attachment.createdAt).toLocaleString()}
                {attachment.status === "uploaded" ? "" : ` · ${attachment.status}`}
              </span>
              {attachment.status === "uploaded" ? (
                <button type="button" onClick={() => void download(attachment)}>
                  Download<span className="visually-hidden"> {attachment.filename}</span>
                </button>
              ) : null}
              <DeleteButton
                name={attachment.filename}
                question="Delete this file?"
                disabled={remove.isPending}
                onConfirm={() => remove.mutate(attachment)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {actionError ? (
        <p role="alert" className="error">
          {actionError}
        </p>
      ) : null}
      {uploads.length > 0 ? (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.id}>
              <span>{u.name}</span>
              {u.error ? (
                <>
                  <span role="alert" className="error">
                    {u.name}: {u.error}
                  </span>
                  <button
                    type="button"
                    onClick={() => setUploads((all) => all.filter((x) => x.id !== u.id))}
                  >
                    Dismiss
                  </button>
                </>
              ) : (
                <progress max={1} value={u.progress} aria-label={`Uploading ${u.name}`} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the picker below is the accessible way in; dropping is a shortcut */}
      <div
        className={dragging ? "dropzone dragging" : "dropzone"}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          addFiles(e.dataTransfer.files);
        }}
      >
        <label htmlFor={inputId}>Add files</label>{" "}
        <input
          id={inputId}
          type="file"
          multiple
          onChange={(e) => {
            addFiles(e.target.files);
            e.target.value = "";
          }}
        />
        <p className="meta">
          Or drop files here. Images, PDF, text, CSV or office documents, up to 25 MB each,{" "}
          {MAX_ATTACHMENTS_PER_TASK} a task.
        </p>
      </div>
    </section>
  );
}
