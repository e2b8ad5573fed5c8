/**
 * The task form's reminders: the ones set, each with its own Remove, and a small
 * "Add a reminder" group (at due time, some minutes, hours or days before, or at a
 * date and time), up to the API's five. Native controls in fieldsets; Enter in the
 * group adds the reminder instead of sending the whole form.
 */
import {
  MAX_MINUTES_BEFORE,
  MAX_REMINDERS,
  type Reminder,
  reminderKey,
} from "@taskmanager/core/reminder/schema";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { describeReminder } from "../tasks/schedule-words";

type When = "due" | "before" | "at";
const UNITS = [
  ["minutes", 1],
  ["hours", 60],
  ["days", 24 * 60],
] as const;
type Unit = (typeof UNITS)[number][0];

interface Props {
  idPrefix: string;
  value: Reminder[];
  onChange: (reminders: Reminder[]) => void;
  dueDate: string;
  error?: string | undefined;
}

/** The reminder the add group describes, or why it is not one. */
function candidate(when: When, amount: string, unit: Unit, at: string): Reminder | string {
  if (when === "due") return { before: 0 };
  if (when === "at") {
    // datetime-local is the browser's wall clock; the API takes the instant.
    const moment = at ? new Date(at) : null;
    if (!moment || Number.isNaN(moment.getTime())) return "Pick a date and a time.";
    return { at: moment.toISOString() };
  }
  const count = Number(amount);
  if (!Number.isInteger(count) || count < 1) return "Give a whole number, 1 or more.";
  const minutes = count * (UNITS.find(([name]) => name === unit)?.[1] ?? 1);
  if (minutes > MAX_MINUTES_BEFORE) return "A reminder can be at most a week before.";
  return { before: minutes };
}

export function ReminderPicker({ idPrefix, value, onChange, dueDate, error }: Props) {
  const id = `${idPrefix}-reminders`;
  const [when, setWhen] = useState<When>("before");
  const [amount, setAmount] = useState("1");
  const [unit, setUnit] = useState<Unit>("hours");
  const [at, setAt] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const full = value.length >= MAX_REMINDERS;
  const relative = value.some((reminder) => "before" in reminder) || when !== "at";
  // A Remove button goes with its reminder: focus moves to the add group, not the page.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    document.getElementById(id)?.focus();
  });

  function add() {
    const next = candidate(when, amount, unit, at);
    if (typeof next === "string") {
      setProblem(next);
      return;
    }
    if (value.some((reminder) => reminderKey(reminder) === reminderKey(next))) {
      setProblem("That reminder is already set.");
      return;
    }
    setProblem(null);
    onChange([...value, next]);
  }

  /** Enter adds the reminder being described; the form is sent with its own button. */
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "Enter" || event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    add();
  }

  const problemId = `${id}-add-error`;
  return (
    <fieldset className="picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Reminders</legend>
      {value.length > 0 ? (
        <ul className="reminders" aria-label="Reminders set">
          {value.map((reminder, index) => {
            const words = describeReminder(reminder);
            return (
              <li key={reminderKey(reminder)}>
                <span>{words.charAt(0).toUpperCase() + words.slice(1)}</span>{" "}
                <button
                  type="button"
                  className="quiet"
                  onClick={() => {
                    refocus.current = true;
                    onChange(value.filter((_, i) => i !== index));
                    setProblem(null);
                  }}
                >
                  Remove<span className="visually-hidden"> the reminder {words}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="hint">No reminders.</p>
      )}
      {full ? (
        <p className="hint">That is the most a task can have ({MAX_REMINDERS}).</p>
      ) : (
        <fieldset className="choices add-reminder" onKeyDown={onKeyDown}>
          <legend>Add a reminder</legend>
          <label htmlFor={id}>When</label>
          <select
            id={id}
            value={when}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setWhen(event.target.value as When);
              setProblem(null);
            }}
          >
            <option value="due">At the due time</option>
            <option value="before">Before it is due</option>
            <option value="at">At a date and time</option>
          </select>
          {when === "before" ? (
            <div className="row">
              <div>
                <label htmlFor={`${id}-amount`}>How long before</label>
                <input
                  id={`${id}-amount`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  value={amount}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(event) => setAmount(event.target.value)}
                />
              </div>
              <div>
                <label htmlFor={`${id}-unit`}>Unit</label>
                <select
                  id={`${id}-unit`}
                  value={unit}
                  onChange={(event) => setUnit(event.target.value as Unit)}
                >
                  {UNITS.map(([name]) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ) : null}
          {when === "at" ? (
            <>
              <label htmlFor={`${id}-at`}>Date and time</label>
              <input
                id={`${id}-at`}
                type="datetime-local"
                value={at}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                onChange={(event) => setAt(event.target.value)}
              />
            </>
          ) : null}
          <button type="button" onClick={add}>
            Add reminder
          </button>
          {problem ? (
            <p className="field-error" id={problemId} role="alert">
              {problem}
            </p>
          ) : null}
        </fieldset>
      )}
      {relative && !dueDate ? (
        <p className="hint">
          Reminders before the due time need a due date (without a time, they count from 9:00).
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
