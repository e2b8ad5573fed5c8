/**
 * One task: its details, its attachments, and editing it. An edit
 * carries the version it started from; if the task changed meanwhile the API
 * answers 409 and we explain that instead of overwriting someone else's change.
 */
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type Task, TaskId } from "@taskmanager/core/task/schema";
import { useState } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useScreen } from "../app/screen";
import { lastListSearch } from "../search";
import { describeDue, formatMoment } from "../tasks/dates";
import { scheduleDelete } from "../tasks/deletion";
import { clearDraft, type Draft, loadDraft } from "../tasks/draft";
import { parseUpdate, toFieldErrors, valuesFromTask } from "../tasks/form";
import { priorityLabel, statusLabel } from "../tasks/labels";
import { useTask, useUpdateTask } from "../tasks/queries";
import { withQueries } from "../tasks/query-client";
import { Attachments } from "../widgets/Attachments";
import { DeleteButton } from "../widgets/DeleteButton";
import { TaskForm } from "../widgets/TaskForm";
import { NotFound } from "./NotFound";

const route = getRouteApi("/tasks/$taskId");

/** The task's address is checked like any input: a malformed id is not found, without asking the API. */
export function TaskDetailScreen() {
  const { taskId } = route.useParams();
  if (!TaskId.safeParse(taskId).success) return <NotFound what="task" />;
  return <TaskDetailWithQueries key={taskId} taskId={taskId} />;
}

export function TaskDetail({ taskId }: { taskId: string }) {
  const task = useTask(taskId);
  const client = useQueryClient();
  const navigate = useNavigate();
  // A draft left by a forced sign-in reopens the editor where the person was.
  const [editing, setEditing] = useState<Draft | null>(() => loadDraft(taskId));

  if (task.isPending) return <p role="status">Loading task…</p>;
  if (task.isError) {
    if (task.error instanceof ApiError && task.error.code === "not_found") {
      return <NotFound what="task" />;
    }
    return (
      <div role="alert" className="error">
        <p>{describeError(task.error)}</p>
        <button type="button" onClick={() => void task.refetch()}>
          Retry
        </button>{" "}
        <Link to="/">Back to tasks</Link>
      </div>
    );
  }

  const current = task.data;
  return (
    <section aria-labelledby="task-heading">
      <p>
        <Link to="/" search={lastListSearch()}>
          ← All tasks
        </Link>
      </p>
      {editing ? (
        <TaskEditor
          key={editing.version}
          task={current}
          draft={editing}
          onReload={async () => {
            const latest = await task.refetch();
            if (latest.data) {
              clearDraft(taskId);
              setEditing({ values: valuesFromTask(latest.data), version: latest.data.version });
            }
          }}
          onDone={() => {
            clearDraft(taskId);
            setEditing(null);
          }}
        />
      ) : (
        <TaskView
          task={current}
          onEdit={() => setEditing({ values: valuesFromTask(current), version: current.version })}
          onDelete={() => {
            scheduleDelete(client, current);
            void navigate({ to: "/" });
          }}
        />
      )}
    </section>
  );
}

export const TaskDetailWithQueries = withQueries(TaskDetail);

interface ViewProps {
  task: Task;
  onEdit: () => void;
  onDelete: () => void;
}

function TaskView({ task, onEdit, onDelete }: ViewProps) {
  const heading = useScreen(task.title);
  const due = task.dueDate ? describeDue(task.dueDate) : null;
  return (
    <article className="task-detail">
      <h1 id="task-heading" tabIndex={-1} ref={heading}>
        {task.title}
      </h1>
      <dl>
        <dt>Status</dt>
        <dd>{statusLabel[task.status]}</dd>
        <dt>Priority</dt>
        <dd>{priorityLabel[task.priority]}</dd>
        <dt>Due</dt>
        <dd>
          {due ? (
            <>
              {due.date}
              {task.status !== "done" && due.state !== "later" ? (
                <span className={`due due-${due.state}`}> · {due.text}</span>
              ) : null}
            </>
          ) : (
            "No due date"
          )}
        </dd>
        <dt>Tags</dt>
        <dd>
          {task.tags.length > 0 ? (
            <ul className="chips" aria-label="Tags">
              {task.tags.map((tag) => (
                <li key={tag}>
                  <Link to="/" search={{ tag }} className="chip chip-link">
                    <span className="visually-hidden">Show tasks tagged </span>
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            "None"
          )}
        </dd>
        <dt>Updated</dt>
        <dd>{formatMoment(task.updatedAt)}</dd>
      </dl>
      {task.description ? <p className="description">{task.description}</p> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onEdit}>
          Edit
        </button>
        <DeleteButton task={task} onConfirm={onDelete} />
      </div>
      <Attachments taskId={task.taskId} />
    </article>
  );
}

interface EditorProps {
  task: Task;
  draft: Draft;
  onReload: () => Promise<void>;
  onDone: () => void;
}

function TaskEditor({ task, draft, onReload, onDone }: EditorProps) {
  const update = useUpdateTask();
  const heading = useScreen(`Edit “${task.title}”`);
  const version = draft.version ?? task.version;
  const error = update.error;
  const conflict = error instanceof ApiError && error.code === "conflict";

  return (
    <>
      <h1 id="task-heading" tabIndex={-1} ref={heading}>
        Edit task
      </h1>
      {conflict ? (
        <div role="alert" className="conflict">
          <p>
            <strong>This task was changed elsewhere</strong> after you started editing, so your
            changes were not saved. Load the latest version to see what changed, then make your
            edits again.
          </p>
          <button type="button" className="primary" onClick={() => void onReload()}>
            Load latest version
          </button>
        </div>
      ) : null}
      <TaskForm
        initial={draft.values}
        draftId={task.taskId}
        draftVersion={version}
        submitLabel="Save changes"
        busy={update.isPending}
        validate={(values) => {
          const parsed = parseUpdate(values, version);
          return parsed.ok ? null : parsed.errors;
        }}
        onSubmit={async (values) => {
          const parsed = parseUpdate(values, version);
          if (!parsed.ok) return;
          const saved = await update
            .mutateAsync({ taskId: task.taskId, input: parsed.input })
            .catch(() => null);
          if (!saved) return;
          announce(`Saved “${saved.title}”.`);
          onDone();
        }}
        onCancel={onDone}
        serverErrors={
          conflict
            ? undefined
            : error instanceof ApiError && error.issues.length > 0
              ? toFieldErrors(error.issues)
              : error
                ? { form: describeError(error) }
                : undefined
        }
      />
    </>
  );
}
