/**
 * After a conflict, one question per field both sides changed: keep what was typed
 * here, or take the latest saved value. Both values are shown in full, in words.
 */
import type { RecurrenceInput } from "@taskmanager/core/recurrence/schema";
import type { Reminder } from "@taskmanager/core/reminder/schema";
import { formatDay } from "../tasks/dates";
import type { TaskFormValues } from "../tasks/form";
import { priorityLabel, statusLabel } from "../tasks/labels";
import type { Conflict, Field } from "../tasks/merge";
import { describeRecurrence, describeReminder, formatTime } from "../tasks/schedule-words";

export type Side = "mine" | "theirs";
export type Picks = Partial<Record<Field, Side>>;

export const fieldLabel: Record<Field, string> = {
  title: "Title",
  description: "Description",
  status: "Status",
  priority: "Priority",
  dueDate: "Due date",
  tags: "Tags",
  dueTime: "Due time",
  recurrence: "Repeat",
  reminders: "Reminders",
};

export function formatValue(field: Field, value: TaskFormValues[Field]): string {
  if (field === "status") return statusLabel[value as TaskFormValues["status"]];
  if (field === "priority") return priorityLabel[value as TaskFormValues["priority"]];
  if (field === "dueDate") return value ? formatDay(value as string) : "No due date";
  if (field === "tags") return (value as string[]).join(", ") || "No tags";
  if (field === "dueTime") return value ? formatTime(value as string) : "All day";
  if (field === "recurrence") {
    return value ? describeRecurrence(value as RecurrenceInput) : "Does not repeat";
  }
  if (field === "reminders") {
    return (value as Reminder[]).map((r) => describeReminder(r)).join(", ") || "No reminders";
  }
  return (value as string) || "(empty)";
}

export const choiceId = (prefix: string, field: Field) => `${prefix}-${field}-mine`;

interface Props {
  idPrefix: string;
  conflicts: Conflict[];
  picks: Picks;
  onPick: (conflict: Conflict, side: Side) => void;
}

export function ConflictChoices({ idPrefix, conflicts, picks, onPick }: Props) {
  return conflicts.map((conflict) => {
    const label = fieldLabel[conflict.field];
    const name = `${idPrefix}-${conflict.field}`;
    return (
      <fieldset key={conflict.field} className="conflict-choice">
        <legend>{label} was changed both here and elsewhere: keep which?</legend>
        {(["mine", "theirs"] as const).map((side) => (
          <label key={side} className="choice">
            <input
              type="radio"
              id={side === "mine" ? choiceId(idPrefix, conflict.field) : undefined}
              name={name}
              checked={picks[conflict.field] === side}
              onChange={() => onPick(conflict, side)}
            />{" "}
            {side === "mine" ? "Yours: " : "Saved elsewhere: "}
            <span className="choice-value">{formatValue(conflict.field, conflict[side])}</span>
          </label>
        ))}
      </fieldset>
    );
  });
}
