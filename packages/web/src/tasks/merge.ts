/**
 * A three-way merge of a task's fields, for an edit that lost a race (409): the
 * version the person started from (base), what they have now (mine) and the
 * latest saved version (theirs). A field only one side changed takes that
 * side's value; a field both changed to different values is a conflict the
 * person decides. Pure, so the rules are tested alone (merge.test.tsx).
 */
import { sameSchedule, type TaskFormValues } from "./form";

export type Field = keyof TaskFormValues;

export const FIELDS = [
  "title",
  "description",
  "status",
  "priority",
  "dueDate",
  "tags",
  "dueTime",
  "recurrence",
  "reminders",
] as const satisfies readonly Field[];

export interface Conflict<K extends Field = Field> {
  field: K;
  mine: TaskFormValues[K];
  theirs: TaskFormValues[K];
}

export interface Merged {
  /** Every field merged; a conflicting field holds mine until the person picks. */
  values: TaskFormValues;
  /** Fields both sides changed, to different values. */
  conflicts: Conflict[];
  /** Fields the other side changed whose new value was taken. */
  taken: Field[];
}

/**
 * Values compare by content: tags are a list, in order (their order is shown); a
 * repeat rule by what it says, reminders as a set.
 */
export function sameValue<K extends Field>(a: TaskFormValues[K], b: TaskFormValues[K]): boolean {
  const isRule = (v: unknown) => v === null || (typeof v === "object" && !Array.isArray(v));
  if (isRule(a) || isRule(b)) return sameSchedule("recurrence", a as never, b as never);
  const isReminders = (v: unknown) =>
    Array.isArray(v) && v.some((item) => typeof item === "object");
  if (isReminders(a) || isReminders(b)) return sameSchedule("reminders", a as never, b as never);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

export type FieldOutcome<T> =
  | { kind: "mine"; value: T }
  | { kind: "theirs"; value: T }
  | {
      kind: "conflict";
    };

/**
 * One field. Without a base (a draft kept before bases were), every difference is
 * a conflict: nothing is overwritten on a guess.
 */
export function mergeField<T>(
  base: T | undefined,
  mine: T,
  theirs: T,
  same: (a: T, b: T) => boolean,
): FieldOutcome<T> {
  if (same(mine, theirs)) return { kind: "mine", value: mine };
  if (base === undefined) return { kind: "conflict" };
  if (same(base, mine)) return { kind: "theirs", value: theirs };
  if (same(base, theirs)) return { kind: "mine", value: mine };
  return { kind: "conflict" };
}

export function mergeTask(
  base: TaskFormValues | undefined,
  mine: TaskFormValues,
  theirs: TaskFormValues,
): Merged {
  const values = { ...mine };
  const conflicts: Conflict[] = [];
  const taken: Field[] = [];
  for (const field of FIELDS) {
    const outcome = mergeField<TaskFormValues[typeof field]>(
      base?.[field],
      mine[field],
      theirs[field],
      sameValue,
    );
    if (outcome.kind === "conflict") {
      conflicts.push({ field, mine: mine[field], theirs: theirs[field] } as Conflict);
    } else if (outcome.kind === "theirs") {
      taken.push(field);
      (values as Record<Field, unknown>)[field] = outcome.value;
    }
  }
  return { values, conflicts, taken };
}

/**
 * A status change made from a stale row: retry it on the latest version unless
 * the other side changed the status too. "done" means the latest already has it.
 */
export function retryStatus<T extends string>(
  shown: T,
  wanted: T,
  latest: T,
): "done" | "retry" | "conflict" {
  if (latest === wanted) return "done";
  return latest === shown ? "retry" : "conflict";
}
