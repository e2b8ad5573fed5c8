/**
 * Delete with Undo: the task leaves every list at once, but the DELETE is only sent
 * when the Undo toast expires. Undo before then and nothing was ever deleted; close
 * the tab before then and the task is kept (the safe side).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { Task } from "@taskmanager/core/task/schema";
import { ApiError } from "../api-error";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { createStore } from "../app/store";
import { showToast } from "../app/toast";
import { deleteTask } from "./endpoints";
import { taskKeys } from "./queries";

/** Ids hidden from every list while their Undo is still possible or their DELETE in flight. */
export const pendingDeletes = createStore<ReadonlySet<string>>(new Set());

function setPending(taskId: string, pending: boolean) {
  const next = new Set(pendingDeletes.get());
  if (pending) next.add(taskId);
  else next.delete(taskId);
  pendingDeletes.set(next);
}

export function scheduleDelete(client: QueryClient, task: Task) {
  setPending(task.taskId, true);
  announce(`Deleted “${task.title}”.`);
  showToast({
    message: `Deleted “${task.title}”.`,
    action: {
      label: "Undo",
      run: () => {
        setPending(task.taskId, false);
        announce(`Restored “${task.title}”.`);
        // The Undo button is gone: focus the restored row, if the list is showing.
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(`li[data-task-id="${task.taskId}"] .task-title`)
            ?.focus(),
        );
      },
    },
    onExpire: () => {
      deleteTask(task.taskId)
        // Already gone (deleted elsewhere) is what was asked for.
        .catch((error: unknown) => {
          if (!(error instanceof ApiError && error.code === "not_found")) throw error;
        })
        .then(() => {
          client.removeQueries({ queryKey: taskKeys.detail(task.taskId) });
          return client.invalidateQueries({ queryKey: taskKeys.lists });
        })
        .catch((error: unknown) => {
          showToast({ message: `“${task.title}” was not deleted: ${describeError(error)}` });
          announce(`“${task.title}” was not deleted.`);
        })
        .finally(() => setPending(task.taskId, false));
    },
  });
}
