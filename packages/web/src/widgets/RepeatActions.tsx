/**
 * A repeating task's own actions on its page: "Skip this one" (it moves to the
 * rule's next date, nothing is completed) and "Stop repeating" (the rule goes, the
 * task stays). Both carry the version shown; a task changed elsewhere (409) is
 * read again and says so, and nothing is applied on a guess.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Task } from "@taskmanager/core/task/schema";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { formatDay } from "../tasks/dates";
import { skipOccurrence } from "../tasks/endpoints";
import { refreshKeys, taskKeys, useUpdateTask } from "../tasks/queries";

const CHANGED_ELSEWHERE =
  "This task was changed elsewhere, so nothing was done; it now shows the latest. Try again if you still want to.";

function useSkip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => skipOccurrence(task.taskId, task.version),
    onSuccess: (task) => {
      client.setQueryData(taskKeys.detail(task.taskId), task);
      for (const queryKey of refreshKeys) void client.invalidateQueries({ queryKey });
    },
    onError: (error, task) => {
      if (error instanceof ApiError && error.code === "conflict") {
        void client.invalidateQueries({ queryKey: taskKeys.detail(task.taskId) });
      }
    },
  });
}

export function RepeatActions({ task }: { task: Task }) {
  const skip = useSkip();
  const stop = useUpdateTask();
  const error = skip.error ?? stop.error;
  const busy = skip.isPending || stop.isPending;
  return (
    <div className="actions repeat-actions">
      <button
        type="button"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          stop.reset();
          skip.mutate(task, {
            onSuccess: (next) =>
              announce(
                next.dueDate
                  ? `Skipped. “${next.title}” is next due ${formatDay(next.dueDate)}.`
                  : `Skipped “${next.title}”.`,
              ),
          });
        }}
      >
        Skip this one
      </button>
      <button
        type="button"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          skip.reset();
          stop.mutate(
            { taskId: task.taskId, input: { version: task.version, recurrence: null } },
            { onSuccess: (saved) => announce(`“${saved.title}” no longer repeats.`) },
          );
        }}
      >
        Stop repeating
      </button>
      {error ? (
        <p role="alert" className="error">
          {error instanceof ApiError && error.code === "conflict"
            ? CHANGED_ELSEWHERE
            : describeError(error)}
        </p>
      ) : null}
    </div>
  );
}
