/**
 * Which list a task is in, and a move to another: a select of the Inbox and the lists
 * the person may add tasks to, and Move (a select that sent on change would move the
 * task while a keyboard user walks the options). PATCH `listId`; `null` is the Inbox.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { useId, useState } from "react";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useLists } from "../lists/queries";
import { useUpdateTask } from "../tasks/queries";
import { FormAlert } from "./FormAlert";

const INBOX = "";

export function MoveToList({ task }: { task: Task }) {
  const id = useId();
  const lists = useLists();
  const update = useUpdateTask();
  const current = task.listId ?? INBOX;
  const [target, setTarget] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const choices = (lists.data?.items ?? []).filter(
    (list) => list.role !== "viewer" || list.listId === current,
  );
  const nameOf = (listId: string) =>
    listId === INBOX ? "Inbox" : (choices.find((l) => l.listId === listId)?.name ?? "a list");
  return (
    <div className="move-to-list">
      <label htmlFor={`${id}-list`}>List</label>
      <select
        id={`${id}-list`}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value={INBOX}>Inbox</option>
        {choices.map((list) => (
          <option key={list.listId} value={list.listId}>
            {list.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={target === current || update.isPending}
        onClick={() => {
          setError(null);
          update.mutate(
            {
              taskId: task.taskId,
              input: { version: task.version, listId: target === INBOX ? null : target },
            },
            {
              onSuccess: () => announce(`Moved to ${nameOf(target)}.`),
              onError: (failure) => setError(describeError(failure)),
            },
          );
        }}
      >
        Move
      </button>
      <FormAlert id={`${id}-error`} message={error} />
    </div>
  );
}
