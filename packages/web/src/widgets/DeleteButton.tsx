/**
 * Delete asks first, in place, so a stray click or key press cannot lose a task;
 * Escape or Keep backs out and returns focus to Delete. The delete itself comes
 * with Undo (see tasks/deletion.ts).
 */
import type { Task } from "@taskmanager/core/task/schema";
import { useEffect, useRef, useState } from "react";

interface Props {
  task: Task;
  onConfirm: () => void;
  disabled?: boolean;
}

export function DeleteButton({ task, onConfirm, disabled }: Props) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const backedOut = useRef(false);
  useEffect(() => {
    if (!confirming && backedOut.current) {
      backedOut.current = false;
      opener.current?.focus();
    }
  }, [confirming]);
  const keep = () => {
    backedOut.current = true;
    setConfirming(false);
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="danger"
        title="Delete"
        ref={opener}
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        <span className="action-icon" aria-hidden="true" data-icon="✕" />
        <span className="action-label">Delete</span>
        <span className="visually-hidden"> “{task.title}”</span>
      </button>
    );
  }
  return (
    <fieldset
      className="confirm"
      aria-label={`Confirm deleting “${task.title}”`}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          keep();
        }
      }}
    >
      <span>Delete this task?</span>
      <button
        type="button"
        className="danger"
        // biome-ignore lint/a11y/noAutofocus: focus moves to the choice the person must make
        autoFocus
        onClick={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        Yes, delete
      </button>
      <button type="button" onClick={keep}>
        Keep
      </button>
    </fieldset>
  );
}
