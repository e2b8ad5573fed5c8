/**
 * A task's attachments: the list (name, size, type, date), adding files by drag
 * and drop or a picker with a progress bar each (Cancel, and Retry or Remove when
 * one fails: widgets/Uploads.tsx), download and delete. A file the
 * API would refuse (type, size, name) is refused here first, before any upload.
 * Delete asks first, like a task's; once the file is gone, focus moves to the row
 * now in its place (or the file picker when none is left), never to the page.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Attachment, MAX_ATTACHMENTS_PER_TASK } from "@taskmanager/core/attachment/schema";
import { useId, useState } from "react";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { deleteAttachment, getAttachment, listAttachments } from "../attachments/endpoints";
import { useUploads } from "../attachments/uploads";
import { taskKeys } from "../tasks/queries";
import { DeleteButton } from "./DeleteButton";
import { Uploads } from "./Uploads";

const attachmentsKey = (taskId: string) => ["tasks", "attachments", taskId] as const;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function Attachments({ taskId }: { taskId: string }) {
  const client = useQueryClient();
  const inputId = useId();
  const list = useQuery({
    queryKey: attachmentsKey(taskId),
    queryFn: () => listAttachments(taskId),
  });
  const [dragging, setDragging] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const changed = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: attachmentsKey(taskId) }),
      client.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
      client.invalidateQueries({ queryKey: taskKeys.lists }),
    ]);
  const uploads = useUploads(taskId, changed);

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
    uploads.add(Array.from(files ?? []));
  };
  const records = list.data?.items ?? [];
  // A pending record is an upload: in progress here (listed with it below) or one
  // that never finished (shown as such, with Retry and Remove), never a file.
  const items = records.filter((a) => a.status !== "pending");
  const stalled = records.filter((a) => a.status === "pending" && !uploads.ours(a));

  return (
    <section aria-labelledby="attachments-heading" className="attachments">
      <h2 id="attachments-heading">Attachments</h2>
      {list.isPending ? <p role="status">Loading attachments…</p> : null}
      {list.isError ? (
        <p role="alert" className="error">
          {describeError(list.error)}
        </p>
      ) : null}
      {list.isSuccess && items.length === 0 && stalled.length === 0 && !uploads.uploads.length ? (
        <p>No attachments yet.</p>
      ) : null}
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
      <Uploads actions={uploads} stalled={stalled} pickerId={inputId} />
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
