/**
 * What a task row says about its schedule, in words: the time it is due (beside
 * the due date), how it repeats ("Repeats every weekday") and how many reminders
 * it has. The rule's words are the task page's own (tasks/schedule-words.ts).
 */
import type { Task } from "@taskmanager/core/task/schema";
import { describeRecurrence, formatTime } from "../tasks/schedule-words";

/** " at 9:00 AM" after the due date's words, or nothing for a task due all day. */
export const dueTimeSuffix = (task: Task) =>
  task.dueDate && task.dueTime ? ` at ${formatTime(task.dueTime)}` : null;

export function ScheduleMeta({ task }: { task: Task }) {
  const reminders = task.reminders?.length ?? 0;
  return (
    <>
      {task.recurrence ? (
        <span className="repeats">
          <span aria-hidden="true">↻ </span>Repeats {describeRecurrence(task.recurrence)}
        </span>
      ) : null}
      {reminders > 0 ? (
        <span className="reminder-count">
          <span aria-hidden="true">🔔</span> {reminders}
          <span className="visually-hidden"> {reminders === 1 ? "reminder" : "reminders"}</span>
        </span>
      ) : null}
    </>
  );
}
