/**
 * What the task form edits, and how it becomes API input. Validation is the core
 * schemas' own, so the form and the API can never disagree about what is valid.
 */
import {
  CreateTaskInput,
  type TASK_PRIORITIES,
  type TASK_STATUSES,
  type Task,
  UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import type * as z from "zod/mini";

export interface TaskFormValues {
  title: string;
  description: string;
  status: (typeof TASK_STATUSES)[number];
  priority: (typeof TASK_PRIORITIES)[number];
  /** "" means no due date. */
  dueDate: string;
  tags: string[];
}

export type FieldErrors = Partial<Record<keyof TaskFormValues | "form", string>>;

export const emptyValues: TaskFormValues = {
  title: "",
  description: "",
  status: "todo",
  priority: "medium",
  dueDate: "",
  tags: [],
};

export function valuesFromTask(task: Task): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueDate: task.dueDate ?? "",
    tags: task.tags,
  };
}

function fields(values: TaskFormValues) {
  return {
    title: values.title,
    description: values.description,
    status: values.status,
    priority: values.priority,
    dueDate: values.dueDate === "" ? null : values.dueDate,
    tags: values.tags,
  };
}

export function toFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string; message: string }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const head = typeof issue.path === "string" ? issue.path.split(".")[0] : issue.path[0];
    const key = (
      typeof head === "string" && head in emptyValues ? head : "form"
    ) as keyof FieldErrors;
    errors[key] ??= issue.message;
  }
  return errors;
}

type Parsed<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

function parse<T>(result: z.core.util.SafeParseResult<unknown>, input: T): Parsed<T> {
  return result.success
    ? { ok: true, input }
    : { ok: false, errors: toFieldErrors(result.error.issues) };
}

/** Shown when the date field holds text that is not a whole, real date (e.g. 02/30/2026). */
export const INCOMPLETE_DATE = "must be a complete, real date (or leave it empty)";

export function parseCreate(values: TaskFormValues): Parsed<CreateTaskInput> {
  const input = fields(values);
  return parse(CreateTaskInput.safeParse(input), input);
}

export function parseUpdate(values: TaskFormValues, version: number): Parsed<UpdateTaskInput> {
  const input = { version, ...fields(values) };
  return parse(UpdateTaskInput.safeParse(input), input);
}
