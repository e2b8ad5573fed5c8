/**
 * Uploads in progress, failed or cancelled on this page, and pending records left
 * by an upload that never finished (a reload, a closed tab). Each says what
 * happened and what can be done: Cancel while sending; Retry and Remove after.
 * A record from before has no file left to send, so its Retry asks for the file
 * again. Focus stays in the row, or goes to the file picker when the row goes.
 */
import type { Attachment } from "@taskmanager/core/attachment/schema";
import { useEffect, useRef, useState } from "react";
import type { Upload, useUploads } from "../attachments/uploads";

type Actions = ReturnType<typeof useUploads>;

interface Props {
  actions: Actions;
  /** Pending records no upload on this page is sending. */
  stalled: Attachment[];
  /** Where focus goes when a row goes: the file picker. */
  pickerId: string;
}

const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;

export function Uploads({ actions, stalled, pickerId }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const replacing = useRef<Attachment | null>(null);
  // Asked for before the row shows the control (e.g. Retry after a cancel lands).
  const [focus, setFocus] = useState<{ row: string; action: string } | null>(null);

  useEffect(() => {
    if (!focus) return;
    const target = focus.row
      ? document.querySelector(`[data-upload="${focus.row}"] [data-action="${focus.action}"]`)
      : document.getElementById(pickerId);
    if (target instanceof HTMLElement) {
      target.focus();
      setFocus(null);
    }
  });

  const rowGone = () => setFocus({ row: "", action: "" });
  if (actions.uploads.length === 0 && stalled.length === 0) return null;

  return (
    <>
      <ul className="uploads" aria-label="Uploads">
        {actions.uploads.map((u) => (
          <UploadRow
            key={u.id}
            upload={u}
            onCancel={() => {
              setFocus({ row: String(u.id), action: "retry" });
              actions.cancel(u);
            }}
            onRetry={() => {
              setFocus({ row: String(u.id), action: "cancel" });
              void actions.retry(u);
            }}
            onRemove={() => {
              void actions.remove(u).then((gone) => gone && rowGone());
            }}
          />
        ))}
        {stalled.map((record) => (
          <li key={record.attachmentId} data-upload={record.attachmentId}>
            <span className="attachment-name">{record.filename}</span>
            <span className="error">Upload did not finish.</span>
            <span className="upload-actions">
              <button
                type="button"
                data-action="retry"
                onClick={() => {
                  replacing.current = record;
                  picker.current?.click();
                }}
              >
                Retry{hidden(`uploading ${record.filename} (choose the file again)`)}
              </button>
              <button
                type="button"
                data-action="remove"
                onClick={() => void actions.removeStalled(record).then((gone) => gone && rowGone())}
              >
                Remove{hidden(record.filename)}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <input
        ref={picker}
        type="file"
        hidden
        tabIndex={-1}
        accept={replacing.current?.contentType}
        onChange={(e) => {
          const file = e.target.files?.[0];
          const record = replacing.current;
          e.target.value = "";
          replacing.current = null;
          if (file && record) void actions.replace(record, file);
        }}
      />
    </>
  );
}

interface RowProps {
  upload: Upload;
  onCancel: () => void;
  onRetry: () => void;
  onRemove: () => void;
}

function UploadRow({ upload: u, onCancel, onRetry, onRemove }: RowProps) {
  return (
    <li data-upload={u.id}>
      <span className="attachment-name">{u.name}</span>
      {u.state === "sending" ? (
        <>
          <progress max={1} value={u.progress} aria-label={`Uploading ${u.name}`} />
          <button type="button" data-action="cancel" onClick={onCancel}>
            Cancel{hidden(`uploading ${u.name}`)}
          </button>
        </>
      ) : u.state === "refused" ? (
        <>
          <span role="alert" className="error">
            {u.name}: {u.error}
          </span>
          <button type="button" data-action="remove" onClick={onRemove}>
            Dismiss
          </button>
        </>
      ) : (
        <>
          {u.state === "failed" ? (
            <span role="alert" className="error">
              {u.name}: {u.error}
            </span>
          ) : (
            <span role="status">Upload cancelled.{u.error ? ` ${u.error}` : ""}</span>
          )}
          <span className="upload-actions">
            <button type="button" data-action="retry" onClick={onRetry}>
              Retry{hidden(`uploading ${u.name}`)}
            </button>
            <button type="button" data-action="remove" onClick={onRemove}>
              Remove{hidden(u.name)}
            </button>
          </span>
        </>
      )}
    </li>
  );
}
