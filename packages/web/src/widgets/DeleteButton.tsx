/**
 * Delete asks first, in place, so a stray click or key press cannot lose a task or
 * a file; Escape or Keep backs out and returns focus to Delete. A task's delete
 * itself comes with Undo (see tasks/deletion.ts).
 */
import type { Task } from "@taskmanager/core/task/schema";
import { useEffect, useRef, useState } from "react";

type Props = {
  onConfirm: () => void;
  disabled?: boolean;
  /** The verb, when it is not a delete (removing a member: "Remove"). */
  action?: string;
} & (
  | { task: Task; name?: never; question?: never }
  /** Something else than a task: its name, and what to ask ("Delete this file?"). */
  | { task?: never; name: string; question: string }
);

export function DeleteButton({
  task,
  name = task?.title ?? "",
  question,
  onConfirm,
  disabled,
  action = "Delete",
}: Props) {
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
        title={action}
        ref={opener}
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        <span className="action-icon" aria-hidden="true" data-icon="✕" />
        <span className="action-label">{action}</span>
        <span className="visually-hidden"> “{name}”</span>
      </button>
    );
  }
  return (
    <fieldset
      className="confirm"
      aria-label={
        action === "Delete"
          ? `Confirm deleting “${name}”`
          : `Confirm: ${action.toLowerCase()} “${name}”`
      }
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          keep();
        }
      }}
    >
      <span>{question ?? "Delete this task?"}</span>
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
        Yes, {action.toLowerCase()}
      </button>
      <button type="button" onClick={keep}>
        Keep
      </button>
    </fieldset>
  );
}
