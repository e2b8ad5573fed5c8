/** Delete asks first, in place, so a stray click or key press cannot lose a task. */
import type { Task } from "@taskmanager/core/task/schema";
import { useState } from "react";
import { useDeleteTask } from "../tasks/queries";
import { describeError } from "./error-message";

export function DeleteButton({ task, onDeleted }: { task: Task; onDeleted?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteTask();

  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete<span className="visually-hidden"> “{task.title}”</span>
      </button>
    );
  }
  return (
    <fieldset className="confirm" aria-label={`Confirm deleting “${task.title}”`}>
      <span>Delete this task?</span>
      <button
        type="button"
        className="danger"
        disabled={remove.isPending}
        // biome-ignore lint/a11y/noAutofocus: focus moves to the choice the person must make
        autoFocus
        onClick={() => remove.mutate(task.taskId, { onSuccess: () => onDeleted?.() })}
      >
        Yes, delete
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {remove.isError ? <span role="alert">{describeError(remove.error)}</span> : null}
    </fieldset>
  );
}
