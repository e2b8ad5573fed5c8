/**
 * What the task form edits, and how it becomes API input. Validation is the core
 * schemas' own, so the form and the API can never disagree about what is valid.
 */
import type { RecurrenceInput } from "@taskmanager/core/recurrence/schema";
import { type Reminder, reminderKey } from "@taskmanager/core/reminder/schema";
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
  /** "" means due all day; only meaningful with a due date. */
  dueTime: string;
  /** null means it does not repeat. */
  recurrence: RecurrenceInput | null;
  reminders: Reminder[];
}

export type FieldErrors = Partial<Record<keyof TaskFormValues | "form", string>>;

export const emptyValues: TaskFormValues = {
  title: "",
  description: "",
  status: "todo",
  priority: "medium",
  dueDate: "",
  tags: [],
  dueTime: "",
  recurrence: null,
  reminders: [],
};

export function valuesFromTask(task: Task): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueDate: task.dueDate ?? "",
    tags: task.tags,
    dueTime: task.dueTime ?? "",
    recurrence: task.recurrence ?? null,
    reminders: task.reminders ?? [],
  };
}

/** A time of day means nothing without a date: clearing the date clears it. */
const timeOf = (values: TaskFormValues) => (values.dueDate === "" ? "" : values.dueTime);

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

/** A new task carries the schedule fields only when they are set. */
function scheduleForCreate(values: TaskFormValues) {
  const dueTime = timeOf(values);
  return {
    ...(dueTime ? { dueTime } : {}),
    ...(values.recurrence ? { recurrence: values.recurrence } : {}),
    ...(values.reminders.length > 0 ? { reminders: values.reminders } : {}),
  };
}

/**
 * An edit sends a schedule field only when it differs from the version edited
 * (`saved`): a changed rule applies from the next occurrence, so a title fix must
 * not send the rule again; `null` clears a time or stops repeating.
 */
function scheduleForUpdate(values: TaskFormValues, saved: TaskFormValues | undefined) {
  const dueTime = timeOf(values);
  const changed = (field: "recurrence" | "reminders") =>
    !saved || !sameSchedule(field, values[field], saved[field]);
  return {
    ...(!saved || dueTime !== timeOf(saved) ? { dueTime: dueTime || null } : {}),
    ...(changed("recurrence") ? { recurrence: values.recurrence } : {}),
    ...(changed("reminders") ? { reminders: values.reminders } : {}),
  };
}

/** The rule with its defaults written out, so {freq: "daily"} and its stored form compare equal. */
export const fullRule = (rule: RecurrenceInput): RecurrenceInput => ({
  ...rule,
  interval: rule.interval ?? 1,
  mode: rule.mode ?? "schedule",
});

const ruleText = (rule: RecurrenceInput | null) => {
  if (!rule) return "none";
  const full = fullRule(rule);
  // Keys in a fixed order: two rules are the same when they say the same.
  return JSON.stringify([
    full.freq,
    full.interval,
    full.mode,
    full.byWeekday ? [...full.byWeekday].sort() : null,
    full.byMonthDay ?? null,
    full.bySetPos ?? null,
  ]);
};

/** Reminders compare as what they say (their keys), in any order. */
const remindersText = (reminders: Reminder[]) => JSON.stringify(reminders.map(reminderKey).sort());

export function sameSchedule<K extends "dueTime" | "recurrence" | "reminders">(
  field: K,
  a: TaskFormValues[K],
  b: TaskFormValues[K],
): boolean {
  if (field === "recurrence") {
    return ruleText(a as RecurrenceInput | null) === ruleText(b as RecurrenceInput | null);
  }
  if (field === "reminders")
    return remindersText(a as Reminder[]) === remindersText(b as Reminder[]);
  return a === b;
}

export function parseCreate(values: TaskFormValues): Parsed<CreateTaskInput> {
  const input = { ...fields(values), ...scheduleForCreate(values) };
  return parse(CreateTaskInput.safeParse(input), input);
}

/** `saved`: the version being edited, so only the schedule fields changed from it are sent. */
export function parseUpdate(
  values: TaskFormValues,
  version: number,
  saved?: TaskFormValues,
): Parsed<UpdateTaskInput> {
  const input = { version, ...fields(values), ...scheduleForUpdate(values, saved) };
  return parse(UpdateTaskInput.safeParse(input), input);
}
