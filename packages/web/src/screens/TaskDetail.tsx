/**
 * One task: its details, its attachments, and editing it. An edit
 * carries the version it started from; if the task changed meanwhile the API
 * answers 409, and the edit is merged onto the latest version field by field
 * (tasks/merge.ts): nothing typed is lost, nothing saved elsewhere is overwritten,
 * and only fields both sides changed are asked about.
 */
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type Task, TaskId } from "@taskmanager/core/task/schema";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../api-client";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { useScreen } from "../app/screen";
import { lastListSearch } from "../search";
import { describeDue, formatMoment } from "../tasks/dates";
import { scheduleDelete } from "../tasks/deletion";
import { clearDraft, type Draft, loadDraft, saveDraft } from "../tasks/draft";
import { parseUpdate, type TaskFormValues, toFieldErrors, valuesFromTask } from "../tasks/form";
import { priorityLabel, statusLabel } from "../tasks/labels";
import { type Conflict, type Field, mergeTask } from "../tasks/merge";
import { fetchLatestTask, useTask, useUpdateTask } from "../tasks/queries";
import { withQueries } from "../tasks/query-client";
import { describeRecurrence, describeReminder, formatTime } from "../tasks/schedule-words";
import { Attachments } from "../widgets/Attachments";
import {
  ConflictChoices,
  choiceId,
  fieldLabel,
  type Picks,
  type Side,
} from "../widgets/ConflictChoices";
import { DeleteButton } from "../widgets/DeleteButton";
import { MoveToList } from "../widgets/MoveToList";
import { RepeatActions } from "../widgets/RepeatActions";
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
          task={current}
          draft={editing}
          onRebase={setEditing}
          onDone={() => {
            clearDraft(taskId);
            setEditing(null);
          }}
        />
      ) : (
        <TaskView
          task={current}
          onEdit={() => {
            const values = valuesFromTask(current);
            setEditing({ values, version: current.version, base: values });
          }}
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

const capitalize = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

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
              {task.dueTime ? ` at ${formatTime(task.dueTime)}` : null}
              {task.status !== "done" && due.state !== "later" ? (
                <span className={`due due-${due.state}`}> · {due.text}</span>
              ) : null}
            </>
          ) : (
            "No due date"
          )}
        </dd>
        <dt>Repeats</dt>
        <dd>
          {task.recurrence ? capitalize(describeRecurrence(task.recurrence)) : "Does not repeat"}
          {task.recurrence && task.status !== "done" ? <RepeatActions task={task} /> : null}
        </dd>
        <dt>Reminders</dt>
        <dd>
          {task.reminders && task.reminders.length > 0 ? (
            <ul className="reminders" aria-label="Reminders">
              {task.reminders.map((reminder) => {
                const words = describeReminder(reminder);
                return <li key={words}>{capitalize(words)}</li>;
              })}
            </ul>
          ) : (
            "None"
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
        <dd>
          {formatMoment(task.updatedAt)}
          {task.updatedBy ? ` by ${task.updatedBy}` : null}
        </dd>
        <dt>List</dt>
        <dd>
          <MoveToList task={task} />
        </dd>
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
  /** The edit now stands on a newer version (a merge, or a pick after one). */
  onRebase: (draft: Draft) => void;
  onDone: () => void;
}

interface MergeNotice {
  conflicts: Conflict[];
  taken: Field[];
  /** The latest version could not be loaded; nothing was merged. */
  failed?: string;
}

const isConflict = (error: unknown) => error instanceof ApiError && error.code === "conflict";

const fieldList = (fields: Field[]) => fields.map((f) => fieldLabel[f].toLowerCase()).join(", ");

function TaskEditor({ task, draft, onRebase, onDone }: EditorProps) {
  const client = useQueryClient();
  const update = useUpdateTask();
  const heading = useScreen(`Edit “${task.title}”`);
  const id = useId();
  const version = draft.version ?? task.version;
  /** What the form holds now: a pick changes one field of it. */
  const typed = useRef(draft.values);
  const [notice, setNotice] = useState<MergeNotice | null>(null);
  const [picks, setPicks] = useState<Picks>({});
  const [unpicked, setUnpicked] = useState(false);
  // Where focus was when Save was pressed: a merge must not throw it to the page.
  const refocus = useRef<Element | null>(null);
  const error = update.error;

  // After every render, but it only acts once a merge has set refocus.
  useEffect(() => {
    const target = refocus.current;
    refocus.current = null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && target instanceof HTMLElement && target.isConnected) target.focus();
  });

  function rebase(next: Draft) {
    typed.current = next.values;
    saveDraft(task.taskId, next);
    onRebase(next);
  }

  /** A 409: fetch the latest version and put what was typed on top of it, field by field. */
  async function mergeOntoLatest(mine: TaskFormValues, focused: Element | null) {
    refocus.current = focused;
    try {
      const latest = await fetchLatestTask(client, task.taskId);
      const theirs = valuesFromTask(latest);
      const merged = mergeTask(draft.base, mine, theirs);
      update.reset();
      setPicks({});
      setUnpicked(false);
      rebase({ values: merged.values, version: latest.version, base: theirs });
      setNotice({ conflicts: merged.conflicts, taken: merged.taken });
    } catch (failure) {
      setNotice({ conflicts: [], taken: [], failed: describeError(failure) });
    }
  }

  function pick(conflict: Conflict, side: Side) {
    setPicks((all) => ({ ...all, [conflict.field]: side }));
    setUnpicked(false);
    rebase({ ...draft, values: { ...typed.current, [conflict.field]: conflict[side] } });
  }

  const open = notice?.conflicts.filter((c) => !picks[c.field]) ?? [];
  return (
    <>
      <h1 id="task-heading" tabIndex={-1} ref={heading}>
        Edit task
      </h1>
      {notice ? (
        <div role="alert" className="conflict">
          <p>
            <strong>This task was changed elsewhere</strong> after you started editing, so nothing
            was saved yet.{" "}
            {notice.failed
              ? `Its latest version could not be loaded: ${notice.failed} Your changes are kept; save again to retry.`
              : [
                  notice.taken.length > 0
                    ? `Taken from the latest version: ${fieldList(notice.taken)}.`
                    : "",
                  notice.conflicts.length > 0
                    ? `Your changes are kept on the latest version, except where you both changed something (${fieldList(notice.conflicts.map((c) => c.field))}): choose which to keep below, then save again.`
                    : "Your changes are kept on the latest version: check them and save again.",
                ]
                  .filter(Boolean)
                  .join(" ")}
          </p>
        </div>
      ) : null}
      <TaskForm
        initial={draft.values}
        draftId={task.taskId}
        draftBase={{ version, ...(draft.base ? { base: draft.base } : {}) }}
        submitLabel="Save changes"
        busy={update.isPending}
        onValuesChange={(values) => {
          typed.current = values;
        }}
        validate={(values) => {
          const parsed = parseUpdate(values, version, draft.base);
          return parsed.ok ? null : parsed.errors;
        }}
        onSubmit={async (values) => {
          const [first] = open;
          if (first) {
            setUnpicked(true);
            document.getElementById(choiceId(id, first.field))?.focus();
            return;
          }
          const parsed = parseUpdate(values, version, draft.base);
          if (!parsed.ok) return;
          const focused = document.activeElement;
          const saved = await update
            .mutateAsync({ taskId: task.taskId, input: parsed.input })
            .catch(async (failure: unknown) => {
              if (isConflict(failure)) await mergeOntoLatest(values, focused);
              return null;
            });
          if (!saved) return;
          announce(`Saved “${saved.title}”.`);
          onDone();
        }}
        onCancel={onDone}
        saved={valuesFromTask(task)}
        serverErrors={
          !error || isConflict(error)
            ? undefined
            : error instanceof ApiError && error.issues.length > 0
              ? toFieldErrors(error.issues)
              : { form: describeError(error) }
        }
      >
        {notice && notice.conflicts.length > 0 ? (
          <div className="conflict-choices">
            <ConflictChoices
              idPrefix={id}
              conflicts={notice.conflicts}
              picks={picks}
              onPick={pick}
            />
            {unpicked ? (
              <p className="field-error" role="alert">
                Choose which to keep for {fieldList(open.map((c) => c.field))}.
              </p>
            ) : null}
          </div>
        ) : null}
      </TaskForm>
    </>
  );
}
