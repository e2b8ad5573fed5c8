/** The task list: filter by status, sort, and page through with "Load more". */
import { TASK_STATUSES, type Task } from "@taskmanager/core/task/schema";
import { useId, useState } from "react";
import { ApiError } from "../api-client";
import { navigate } from "../router";
import type { ListFilter } from "../tasks/endpoints";
import { useTaskList, useUpdateTask } from "../tasks/queries";
import { DeleteButton } from "./DeleteButton";
import { describeError } from "./error-message";
import { LabelledOptions } from "./LabelledOptions";
import { priorityLabel, statusLabel } from "./labels";

export function TaskList() {
  const [filter, setFilter] = useState<ListFilter>({ sort: "created" });
  const list = useTaskList(filter);
  const id = useId();
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="list-header">
        <h1 id={`${id}-heading`} tabIndex={-1}>
          Tasks
        </h1>
        <button type="button" className="primary" onClick={() => navigate("/new")}>
          New task
        </button>
      </div>
      <div className="filters">
        <div>
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filter.status ?? ""}
            onChange={(e) => {
              const status = e.target.value as ListFilter["status"] | "";
              setFilter({ sort: filter.sort, ...(status ? { status } : {}) });
            }}
          >
            <option value="">All</option>
            <LabelledOptions values={TASK_STATUSES} labels={statusLabel} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select
            id={`${id}-sort`}
            value={filter.sort}
            onChange={(e) => setFilter({ ...filter, sort: e.target.value as ListFilter["sort"] })}
          >
            <option value="created">Newest first</option>
            <option value="due">Due date</option>
          </select>
        </div>
      </div>

      {list.isPending ? (
        <p role="status">
          {list.fetchStatus === "paused"
            ? "Waiting for a connection to load your tasks…"
            : "Loading tasks…"}
        </p>
      ) : list.isError && tasks.length === 0 ? (
        <div role="alert" className="error">
          <p>{describeError(list.error)}</p>
          <button type="button" onClick={() => void list.refetch()}>
            Retry
          </button>
        </div>
      ) : tasks.length === 0 ? (
        <p className="empty">
          {filter.status
            ? `No tasks are “${statusLabel[filter.status]}”. Choose “All” to see every task.`
            : "No tasks yet. Choose “New task” to add your first one."}
        </p>
      ) : (
        <ul className="tasks" aria-label="Tasks">
          {tasks.map((task) => (
            <TaskRow key={task.taskId} task={task} />
          ))}
        </ul>
      )}

      {list.isFetchNextPageError ? (
        <p role="alert" className="error">
          {describeError(list.error)}
        </p>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="load-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading more…" : "Load more"}
        </button>
      ) : null}
    </section>
  );
}

function TaskRow({ task }: { task: Task }) {
  const update = useUpdateTask();
  const done = task.status === "done";
  const conflict = update.error instanceof ApiError && update.error.code === "conflict";

  return (
    <li className={done ? "task done" : "task"}>
      <div className="task-main">
        <a
          href={`/tasks/${task.taskId}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/tasks/${task.taskId}`);
          }}
        >
          {task.title}
        </a>
        <span className="meta">
          {statusLabel[task.status]} · {priorityLabel[task.priority]}
          {task.dueDate ? ` · due ${task.dueDate}` : ""}
          {task.tags.length > 0 ? ` · ${task.tags.join(", ")}` : ""}
        </span>
      </div>
      <div className="task-actions">
        {done ? null : (
          <button
            type="button"
            disabled={update.isPending}
            onClick={() =>
              update.mutate({
                taskId: task.taskId,
                input: { version: task.version, status: "done" },
              })
            }
          >
            Mark done<span className="visually-hidden"> “{task.title}”</span>
          </button>
        )}
        <DeleteButton task={task} />
      </div>
      {update.isError ? (
        <p role="alert" className="error">
          {conflict
            ? "This task was changed elsewhere; the list now shows its latest version. Try again."
            : describeError(update.error)}
        </p>
      ) : null}
    </li>
  );
}
