/**
 * Quick add at the top of the list: a title and Enter makes a task without leaving
 * the list (due date and priority optional in the same row). The task shows at
 * once; if the server refuses, it goes again and the title comes back with why.
 */
import {
  CreateTaskInput,
  TASK_PRIORITIES,
  type Task,
  type TaskPriority,
} from "@taskmanager/core/task/schema";
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import type * as z from "zod/mini";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { QUICK_ADD_ID, useRequestedFocus } from "../app/screen";
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

export function QuickAdd() {
  const create = useCreateTask();
  const id = useId();
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [priority, setPriority] = useState<z.infer<typeof TaskPriority>>("medium");
  const [error, setError] = useState<{ field: "title" | "dueDate" | "form"; text: string } | null>(
    null,
  );
  const dateInput = useRef<HTMLInputElement>(null);
  useRequestedFocus(QUICK_ADD_ID);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dateInput.current?.validity.badInput) {
      setError({ field: "dueDate", text: `Due date ${INCOMPLETE_DATE}.` });
      dateInput.current.focus();
      return;
    }
    const parsed = CreateTaskInput.safeParse({ title, priority, dueDate: dueDate || null });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues);
      const field = errors.title ? "title" : errors.dueDate ? "dueDate" : "form";
      setError({ field, text: `${field === "dueDate" ? "Due date" : "Title"} ${errors[field]}.` });
      return;
    }
    const placeholder = placeholderTask(parsed.data);
    setError(null);
    // Ready for the next task straight away; the row shows "Saving…" meanwhile.
    setTitle("");
    setDueDate("");
    setPriority("medium");
    create.mutate(
      { input: parsed.data, placeholder },
      {
        onSuccess: (task) => announce(`Created “${task.title}”.`),
        onError: (failure) => {
          setTitle((current) => (current === "" ? parsed.data.title : current));
          setError({
            field: "form",
            text: `“${parsed.data.title}” was not added: ${describeError(failure)}`,
          });
          announce(`“${parsed.data.title}” was not added.`);
        },
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
      setTitle("");
      setDueDate("");
      setPriority("medium");
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
          onChange={(e) => setTitle(e.target.value)}
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
          onChange={(e) => setDueDate(e.target.value)}
          aria-invalid={error?.field === "dueDate" || undefined}
          aria-describedby={describe("dueDate")}
        />
      </div>
      <div>
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select
          id={`${id}-priority`}
          value={priority}
          onChange={(e) => setPriority(e.target.value as typeof priority)}
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
