/**
 * One task: its details (and, later, its attachments), and editing it. An edit
 * carries the version it started from; if the task changed meanwhile the API
 * answers 409 and we explain that instead of overwriting someone else's change.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { useState } from "react";
import { ApiError } from "../api-client";
import { navigate } from "../router";
import { clearDraft, type Draft, loadDraft } from "../tasks/draft";
import { parseUpdate, toFieldErrors, valuesFromTask } from "../tasks/form";
import { useTask, useUpdateTask } from "../tasks/queries";
import { DeleteButton } from "./DeleteButton";
import { describeError } from "./error-message";
import { priorityLabel, statusLabel } from "./labels";
import { TaskForm } from "./TaskForm";

export function TaskDetail({ taskId }: { taskId: string }) {
  const task = useTask(taskId);
  // A draft left by a forced sign-in reopens the editor where the person was.
  const [editing, setEditing] = useState<Draft | null>(() => loadDraft(taskId));

  if (task.isPending) return <p role="status">Loading task…</p>;
  if (task.isError) {
    return (
      <div role="alert" className="error">
        <p>{describeError(task.error)}</p>
        <button type="button" onClick={() => navigate("/")}>
          Back to tasks
        </button>
      </div>
    );
  }

  const current = task.data;
  return (
    <section aria-labelledby="task-heading">
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate("/");
          }}
        >
          ← All tasks
        </a>
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
        />
      )}
    </section>
  );
}

function TaskView({ task, onEdit }: { task: Task; onEdit: () => void }) {
  return (
    <article className="task-detail">
      <h1 id="task-heading" tabIndex={-1}>
        {task.title}
      </h1>
      <dl>
        <dt>Status</dt>
        <dd>{statusLabel[task.status]}</dd>
        <dt>Priority</dt>
        <dd>{priorityLabel[task.priority]}</dd>
        <dt>Due</dt>
        <dd>{task.dueDate ?? "No due date"}</dd>
        <dt>Tags</dt>
        <dd>{task.tags.length > 0 ? task.tags.join(", ") : "None"}</dd>
        <dt>Updated</dt>
        <dd>{new Date(task.updatedAt).toLocaleString()}</dd>
      </dl>
      {task.description ? <p className="description">{task.description}</p> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onEdit}>
          Edit
        </button>
        <DeleteButton task={task} onDeleted={() => navigate("/")} />
      </div>
      <section aria-labelledby="attachments-heading" className="attachments">
        <h2 id="attachments-heading">Attachments</h2>
        <p>No attachments yet.</p>
      </section>
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
  const version = draft.version ?? task.version;
  const error = update.error;
  const conflict = error instanceof ApiError && error.code === "conflict";

  return (
    <>
      <h1 id="task-heading" tabIndex={-1}>
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
        onSubmit={(values) => {
          const parsed = parseUpdate(values, version);
          if (!parsed.ok) return;
          update.mutate({ taskId: task.taskId, input: parsed.input }, { onSuccess: onDone });
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
