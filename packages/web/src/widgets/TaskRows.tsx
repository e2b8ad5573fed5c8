/**
 * The rows of the list, and where focus goes when they change: a row that leaves
 * while it holds focus (completed out of a filter, deleted) hands focus to the row
 * now in its place, or the heading; "Load more" moves focus to the first new row.
 */
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Task } from "@taskmanager/core/task/schema";
import { useLayoutEffect, useRef } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { describeDue, localToday } from "../tasks/dates";
import { isHidden, pendingDeletes, resumePendingDeletes, scheduleDelete } from "../tasks/deletion";
import { priorityLabel, statusLabel } from "../tasks/labels";
import { useSetStatus } from "../tasks/queries";
import { currentEmail } from "../tokens";
import { DeleteButton } from "./DeleteButton";
import { dueTimeSuffix, ScheduleMeta } from "./ScheduleMeta";

/** Quick add's stand-in rows have ids of their own until the server answers. */
export const PLACEHOLDER_PREFIX = "pending-";

interface Props {
  tasks: Task[];
  headingId: string;
  empty: string;
  /** Said instead of `empty` while more could still match (a search read in part). */
  emptySoFar?: string;
  more?: { loading: boolean; load: () => Promise<void> };
  moreError?: string;
}

const rowLink = (list: HTMLElement | null, index: number) =>
  list?.querySelectorAll<HTMLElement>(":scope > li .task-title")[index] ?? null;

export function TaskRows({ tasks: all, headingId, empty, emptySoFar, more, moreError }: Props) {
  const client = useQueryClient();
  // Deletes a previous page left unconfirmed stay hidden, and are sent (before paint).
  useLayoutEffect(() => resumePendingDeletes(client), [client]);
  const hidden = pendingDeletes.use();
  const tasks = all.filter((task) => !isHidden(hidden, task));
  const list = useRef<HTMLUListElement>(null);
  const focusedIndex = useRef<number | null>(null);
  /** Set by Load more: the index of the first new row, focused once it is rendered. */
  const firstNewRow = useRef<number | null>(null);
  const today = localToday();

  // After the rows change: if focus was in the list and fell out with a row, put it back.
  const ids = tasks.map((t) => t.taskId).join();
  useLayoutEffect(() => {
    void ids;
    const loaded = firstNewRow.current;
    const newRow = loaded === null ? null : rowLink(list.current, loaded);
    if (newRow) {
      firstNewRow.current = null;
      newRow.focus();
      return;
    }
    const index = focusedIndex.current;
    if (index === null) return;
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    const target =
      rowLink(list.current, Math.min(index, tasks.length - 1)) ??
      document.getElementById(headingId);
    target?.focus();
  }, [ids, headingId, tasks.length]);

  return (
    <>
      {tasks.length === 0 ? (
        <p className="empty">
          {more ? (emptySoFar ?? "No matches in the tasks searched so far.") : empty}
        </p>
      ) : (
        <ul
          className="tasks"
          aria-label="Tasks"
          ref={list}
          onFocus={(event) => {
            const row = (event.target as HTMLElement).closest("li.task");
            focusedIndex.current = row
              ? Array.from(list.current?.children ?? []).indexOf(row)
              : null;
          }}
          onBlur={(event) => {
            // Focus moved elsewhere on purpose (not lost with a removed row).
            if (event.relatedTarget && !list.current?.contains(event.relatedTarget as Node)) {
              focusedIndex.current = null;
            }
          }}
        >
          {tasks.map((task) => (
            <TaskRow key={task.taskId} task={task} today={today} />
          ))}
        </ul>
      )}
      {moreError ? (
        <p role="alert" className="error">
          {moreError}
        </p>
      ) : null}
      {more ? (
        <button
          type="button"
          className="load-more"
          disabled={more.loading}
          onClick={() => {
            firstNewRow.current = tasks.length;
            void more.load();
          }}
        >
          {more.loading ? "Loading more…" : "Load more"}
        </button>
      ) : null}
    </>
  );
}

function TaskRow({ task, today }: { task: Task; today: string }) {
  const client = useQueryClient();
  const setStatus = useSetStatus();
  const done = task.status === "done";
  const saving = task.taskId.startsWith(PLACEHOLDER_PREFIX);
  const due = task.dueDate && !done ? describeDue(task.dueDate, today) : null;
  const error = setStatus.error;
  const conflict = error instanceof ApiError && error.code === "conflict";
  // isPending is only true from the next render: a second click in the same instant must not send again.
  const sending = useRef(false);
  // In a shared list: someone else's change is named (one's own goes without saying).
  const by = task.updatedBy && task.updatedBy !== currentEmail() ? task.updatedBy : null;

  return (
    <li
      className={`task${done ? " done" : ""}${due ? ` due-${due.state}` : ""}`}
      data-task-id={task.taskId}
    >
      <div className="task-main">
        {saving ? (
          <span className="task-title" tabIndex={-1}>
            {task.title}
          </span>
        ) : (
          <Link to="/tasks/$taskId" params={{ taskId: task.taskId }} className="task-title">
            {task.title}
          </Link>
        )}
        <span className="meta">
          {saving ? <span>Saving…</span> : null}
          {due ? (
            <span className={`due due-${due.state}`}>
              {due.text}
              {dueTimeSuffix(task)}
              {due.state === "later" ? null : <span className="due-date"> · {due.date}</span>}
            </span>
          ) : null}
          {done ? (
            <span className="status-done">
              {statusLabel.done}
              {by ? ` by ${by}` : null}
            </span>
          ) : null}
          {by && !done ? <span>Changed by {by}</span> : null}
          {task.status === "in_progress" ? <span>{statusLabel.in_progress}</span> : null}
          {task.priority === "high" ? (
            <span className="priority-high">{priorityLabel.high} priority</span>
          ) : null}
          {task.tags.map((tag) => (
            // The view it is in, filtered by the tag (the Inbox, Today, a list...).
            <Link key={tag} to="." search={(prev) => ({ ...prev, tag })} className="chip chip-link">
              <span className="visually-hidden">Show tasks tagged </span>
              {tag}
            </Link>
          ))}
          {task.attachmentCount > 0 ? (
            <span className="paperclip" title={`${task.attachmentCount} attachments`}>
              <span aria-hidden="true">📎</span> {task.attachmentCount}
              <span className="visually-hidden"> attachments</span>
            </span>
          ) : null}
          <ScheduleMeta task={task} />
        </span>
      </div>
      <div className="task-actions">
        <button
          type="button"
          title={done ? "Reopen" : "Mark done"}
          // Not `disabled` while saving: that would throw the focus out of the button.
          disabled={saving}
          aria-disabled={setStatus.isPending || undefined}
          onClick={() => {
            if (sending.current) return;
            sending.current = true;
            const status = done ? "todo" : "done";
            setStatus.mutate(
              { task, status },
              {
                onSuccess: () =>
                  announce(done ? `Reopened “${task.title}”.` : `Completed “${task.title}”.`),
                onSettled: () => {
                  sending.current = false;
                },
              },
            );
          }}
        >
          <span className="action-icon" aria-hidden="true" data-icon={done ? "↺" : "✓"} />
          <span className="action-label">{done ? "Reopen" : "Mark done"}</span>
          <span className="visually-hidden"> “{task.title}”</span>
        </button>
        <DeleteButton
          task={task}
          disabled={saving}
          onConfirm={() => scheduleDelete(client, task)}
        />
      </div>
      {setStatus.isError ? (
        <p role="alert" className="error">
          {conflict
            ? "This task's status was changed elsewhere, so yours was not applied; the list now shows the latest."
            : describeError(error)}
        </p>
      ) : null}
    </li>
  );
}
