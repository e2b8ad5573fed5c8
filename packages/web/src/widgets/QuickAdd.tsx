/**
 * Quick add at the top of the list: a title and Enter makes a task without leaving
 * the list (due date and priority optional in the same row). The task shows at
 * once; if the server refuses, it goes again and every field comes back with why.
 * What is typed is kept as a draft (tasks/draft.ts) until the server has the task,
 * so a reload or an expired sign-in loses nothing.
 */
import { CreateTaskInput, TASK_PRIORITIES, type Task } from "@taskmanager/core/task/schema";
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import type * as z from "zod/mini";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { QUICK_ADD_ID, useRequestedFocus } from "../app/screen";
import {
  emptyQuickDraft,
  loadQuickDraft,
  type QuickDraft,
  sameQuickDraft,
  saveQuickDraft,
} from "../tasks/draft";
import { INCOMPLETE_DATE, toFieldErrors } from "../tasks/form";
import { priorityLabel } from "../tasks/labels";
import { useCreateTask } from "../tasks/queries";
import { LabelledOptions } from "./LabelledOptions";
import { PLACEHOLDER_PREFIX } from "./TaskRows";

let placeholders = 0;

function placeholderTask(input: z.output<typeof CreateTaskInput>): Task {
  const now = new Date().toISOString();
  placeholders += 1;
  return {
    ...input,
    taskId: `${PLACEHOLDER_PREFIX}${placeholders}`,
    userId: "",
    createdAt: now,
    updatedAt: now,
    version: 0,
    attachmentCount: 0,
  };
}

/** `listId`: the list in view, which quick add creates into; without it, the Inbox. */
export function QuickAdd({ listId }: { listId?: string } = {}) {
  const create = useCreateTask();
  const id = useId();
  // What was typed comes back after a reload or a sign-in round trip.
  const [fields, setFields] = useState<QuickDraft>(() => loadQuickDraft() ?? emptyQuickDraft);
  const { title, dueDate, priority } = fields;
  /** The fields as typed now, also for answers that arrive after quick add has gone. */
  const typed = useRef(fields);
  /** Adds sent and not yet answered: kept as the draft while nothing new is typed. */
  const unanswered = useRef<QuickDraft[]>([]);
  const [error, setError] = useState<{ field: "title" | "dueDate" | "form"; text: string } | null>(
    null,
  );
  const dateInput = useRef<HTMLInputElement>(null);
  useRequestedFocus(QUICK_ADD_ID);

  const keep = (now: QuickDraft) =>
    saveQuickDraft(sameQuickDraft(now, emptyQuickDraft) ? (unanswered.current.at(-1) ?? now) : now);
  function update(change: Partial<QuickDraft>) {
    const next = { ...typed.current, ...change };
    typed.current = next;
    setFields(next);
    keep(next);
  }
  function answered(sent: QuickDraft) {
    unanswered.current = unanswered.current.filter((d) => d !== sent);
    keep(typed.current);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateInput.current?.validity.badInput) {
      setError({ field: "dueDate", text: `Due date ${INCOMPLETE_DATE}.` });
      dateInput.current.focus();
      return;
    }
    const parsed = CreateTaskInput.safeParse({
      title,
      priority,
      dueDate: dueDate || null,
      ...(listId ? { listId } : {}),
    });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues);
      const field = errors.title ? "title" : errors.dueDate ? "dueDate" : "form";
      setError({ field, text: `${field === "dueDate" ? "Due date" : "Title"} ${errors[field]}.` });
      return;
    }
    const placeholder = placeholderTask(parsed.data);
    const sent = fields;
    setError(null);
    // Ready for the next task straight away; the row shows "Saving…" meanwhile. The
    // draft keeps what was sent until the server has it (a sign-in may come first).
    unanswered.current.push(sent);
    update(emptyQuickDraft);
    // mutateAsync, not mutate's callbacks: those are dropped if quick add unmounts first.
    create.mutateAsync({ input: parsed.data, placeholder }).then(
      (task) => {
        answered(sent);
        announce(`Created “${task.title}”.`);
      },
      (failure: unknown) => {
        answered(sent);
        // Every field comes back, unless something new was typed meanwhile.
        if (sameQuickDraft(typed.current, emptyQuickDraft)) update(sent);
        setError({
          field: "form",
          text: `“${parsed.data.title}” was not added: ${describeError(failure)}`,
        });
        announce(`“${parsed.data.title}” was not added.`);
      },
    );
  }

  /**
   * Escape empties quick add when it holds something (the person chose to, so it is
   * said aloud, not silent); when it is empty, Escape leaves it for the list's heading.
   */
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (title || dueDate || priority !== "medium") {
      update(emptyQuickDraft);
      setError(null);
      announce("Quick add cleared.");
      document.getElementById(QUICK_ADD_ID)?.focus();
      return;
    }
    event.currentTarget.closest("section")?.querySelector<HTMLElement>("h1")?.focus();
  }

  const errorId = `${id}-error`;
  const describe = (field: "title" | "dueDate") =>
    error && (error.field === field || error.field === "form") ? errorId : undefined;
  return (
    <form
      className="quick-add"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label="Quick add"
      // On a phone, due and priority show while quick add is in use or holds a value.
      data-filled={title || dueDate || priority !== "medium" ? "" : undefined}
    >
      <div className="quick-title">
        <label htmlFor={QUICK_ADD_ID}>Add a task</label>
        <input
          id={QUICK_ADD_ID}
          value={title}
          onChange={(e) => update({ title: e.target.value })}
          placeholder="e.g. Renew passport"
          autoComplete="off"
          aria-keyshortcuts="n"
          aria-invalid={error?.field === "title" || undefined}
          aria-describedby={describe("title")}
        />
      </div>
      <div>
        <label htmlFor={`${id}-due`}>Due</label>
        <input
          id={`${id}-due`}
          ref={dateInput}
          type="date"
          value={dueDate}
          onChange={(e) => update({ dueDate: e.target.value })}
          aria-invalid={error?.field === "dueDate" || undefined}
          aria-describedby={describe("dueDate")}
        />
      </div>
      <div>
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={priority}
          onChange={(e) => update({ priority: e.target.value as typeof priority })}
        >
          <LabelledOptions values={TASK_PRIORITIES} labels={priorityLabel} />
        </select>
      </div>
      <button type="submit" className="primary">
        Add
      </button>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error.text}
        </p>
      ) : null}
    </form>
  );
}
