/**
 * The task form's repeat rule, in native controls only (select, number, checkboxes,
 * radios) inside fieldsets with legends, so the keyboard and screen readers work as
 * everywhere else. It edits the API's readable rule (core's recurrence schema); the
 * schema checks it, and its errors show under the fieldset.
 */
import type { RecurrenceInput } from "@taskmanager/core/recurrence/schema";
import { useState } from "react";
import {
  describeRecurrence,
  positionWord,
  WEEKDAY_ORDER,
  type WeekdayCode,
  weekdayName,
} from "../tasks/schedule-words";

type Rule = RecurrenceInput;
type Kind = "none" | "daily" | "weekdays" | "weekly" | "monthly" | "yearly";

const KINDS: Array<[Kind, string]> = [
  ["none", "Does not repeat"],
  ["daily", "Daily"],
  ["weekdays", "Every weekday (Monday to Friday)"],
  ["weekly", "Weekly"],
  ["monthly", "Monthly"],
  ["yearly", "Yearly"],
];
const UNIT: Record<Rule["freq"], string> = {
  daily: "days",
  weekly: "weeks",
  monthly: "months",
  yearly: "years",
};
const WORKDAYS: WeekdayCode[] = ["MO", "TU", "WE", "TH", "FR"];
const POSITIONS = [1, 2, 3, 4, -1];

const isWorkdays = (rule: Rule) =>
  rule.freq === "weekly" &&
  (rule.interval ?? 1) === 1 &&
  rule.mode !== "afterCompletion" &&
  rule.byWeekday?.length === 5 &&
  WORKDAYS.every((day) => rule.byWeekday?.includes(day));

function kindOf(rule: Rule | null): Kind {
  if (!rule) return "none";
  return isWorkdays(rule) ? "weekdays" : rule.freq;
}

/** Whether the kind picked still describes the rule (checking Mon-Fri one by one stays "Weekly"). */
function fits(kind: Kind, rule: Rule | null): boolean {
  if (!rule) return kind === "none";
  if (kind === "weekdays") return isWorkdays(rule);
  return kind === rule.freq;
}

/** The due date's weekday and day of the month: what a new weekly or monthly rule starts from. */
function dueParts(dueDate: string): { weekday: WeekdayCode; day: number } {
  const date = dueDate ? new Date(`${dueDate}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) return { weekday: "MO", day: 1 };
  return {
    weekday: WEEKDAY_ORDER[(date.getUTCDay() + 6) % 7] ?? "MO",
    day: date.getUTCDate(),
  };
}

/** A rule of `kind`, keeping what the previous one had that still applies. */
function ruleOf(kind: Kind, previous: Rule | null, dueDate: string): Rule | null {
  const { weekday, day } = dueParts(dueDate);
  const interval = previous?.interval ?? 1;
  const mode = previous?.mode ?? "schedule";
  const after = mode === "afterCompletion";
  switch (kind) {
    case "none":
      return null;
    case "weekdays":
      return { freq: "weekly", interval: 1, byWeekday: [...WORKDAYS], mode: "schedule" };
    case "weekly":
      return after
        ? { freq: "weekly", interval, mode }
        : { freq: "weekly", interval, byWeekday: [weekday], mode };
    case "monthly":
      return after
        ? { freq: "monthly", interval, mode }
        : { freq: "monthly", interval, byMonthDay: day, mode };
    default:
      return { freq: kind, interval, mode };
  }
}

interface Props {
  idPrefix: string;
  value: Rule | null;
  onChange: (rule: Rule | null) => void;
  dueDate: string;
  error?: string | undefined;
}

export function RepeatPicker({ idPrefix: id, value, onChange, dueDate, error }: Props) {
  const [picked, setPicked] = useState<Kind>(() => kindOf(value));
  // A rule set from outside (a merge, a restored draft) shows as its own kind.
  const kind = fits(picked, value) ? picked : kindOf(value);
  const errorId = `${id}-recurrence-error`;

  function pickKind(next: Kind) {
    setPicked(next);
    onChange(ruleOf(next, value, dueDate));
  }

  function setMode(mode: "schedule" | "afterCompletion") {
    if (!value) return;
    const { byWeekday: _days, byMonthDay: _day, bySetPos: _pos, ...rest } = value;
    // Counted from completion, a rule is whole days, weeks, months or years: no days picked.
    if (mode === "afterCompletion") onChange({ ...rest, mode });
    else onChange(ruleOf(kind, { ...rest, mode }, dueDate));
  }

  return (
    <fieldset className="picker" aria-describedby={error ? errorId : undefined}>
      <legend>Repeat</legend>
      <label htmlFor={`${id}-recurrence`}>Repeats</label>
      <select
        id={`${id}-recurrence`}
        value={kind}
        aria-invalid={error ? true : undefined}
        onChange={(event) => pickKind(event.target.value as Kind)}
      >
        {KINDS.map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
      {value && kind !== "weekdays" ? (
        <>
          <div className="inline-field">
            <label htmlFor={`${id}-interval`}>Every</label>
            <input
              id={`${id}-interval`}
              type="number"
              inputMode="numeric"
              min={1}
              max={999}
              value={
                value.interval === undefined
                  ? 1
                  : Number.isFinite(value.interval)
                    ? value.interval
                    : ""
              }
              aria-describedby={`${id}-interval-unit`}
              onChange={(event) => onChange({ ...value, interval: event.target.valueAsNumber })}
            />
            <span id={`${id}-interval-unit`}>{UNIT[value.freq]}</span>
          </div>
          <fieldset className="choices">
            <legend>Counted</legend>
            {(
              [
                ["schedule", "On a fixed schedule"],
                ["afterCompletion", "From when it is completed"],
              ] as const
            ).map(([mode, label]) => (
              <label key={mode} className="choice">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={(value.mode ?? "schedule") === mode}
                  onChange={() => setMode(mode)}
                />{" "}
                {label}
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
      {value && kind === "weekly" && value.mode !== "afterCompletion" ? (
        <WeekdayChoices id={id} value={value} onChange={onChange} />
      ) : null}
      {value && kind === "monthly" && value.mode !== "afterCompletion" ? (
        <MonthlyChoices id={id} value={value} onChange={onChange} dueDate={dueDate} />
      ) : null}
      {value ? <p className="hint">Repeats {describeRecurrence(value)}.</p> : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function WeekdayChoices({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Rule;
  onChange: Props["onChange"];
}) {
  const days = value.byWeekday ?? [];
  return (
    <fieldset className="choices weekdays">
      <legend>On</legend>
      {WEEKDAY_ORDER.map((day) => (
        <label key={day} className="choice">
          <input
            type="checkbox"
            name={`${id}-weekday`}
            value={day}
            checked={days.includes(day)}
            onChange={(event) => {
              const next = event.target.checked ? [...days, day] : days.filter((d) => d !== day);
              onChange({ ...value, byWeekday: WEEKDAY_ORDER.filter((d) => next.includes(d)) });
            }}
          />{" "}
          {weekdayName(day)}
        </label>
      ))}
    </fieldset>
  );
}

function MonthlyChoices({
  id,
  value,
  onChange,
  dueDate,
}: {
  id: string;
  value: Rule;
  onChange: Props["onChange"];
  dueDate: string;
}) {
  const byWeekday = value.bySetPos !== undefined;
  const { weekday, day } = dueParts(dueDate);
  const { byWeekday: _days, byMonthDay: _day, bySetPos: _pos, ...rest } = value;
  const onDay = (monthDay: number) => onChange({ ...rest, byMonthDay: monthDay });
  const onWeekday = (position: number, weekdayCode: WeekdayCode) =>
    onChange({ ...rest, byWeekday: [weekdayCode], bySetPos: position });
  const position = value.bySetPos ?? -1;
  const setDay = value.byWeekday?.[0] ?? weekday;
  return (
    <fieldset className="choices">
      <legend>On</legend>
      <div className="choice-row">
        <label className="choice">
          <input
            type="radio"
            name={`${id}-monthly`}
            checked={!byWeekday}
            onChange={() => onDay(value.byMonthDay ?? day)}
          />{" "}
          A day of the month
        </label>
        <label htmlFor={`${id}-monthday`} className="visually-hidden">
          Day of the month
        </label>
        <select
          id={`${id}-monthday`}
          value={value.byMonthDay ?? day}
          disabled={byWeekday}
          onChange={(event) => onDay(Number(event.target.value))}
        >
          {Array.from({ length: 31 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          <option value={-1}>Last day</option>
        </select>
      </div>
      <div className="choice-row">
        <label className="choice">
          <input
            type="radio"
            name={`${id}-monthly`}
            checked={byWeekday}
            onChange={() => onWeekday(position, setDay)}
          />{" "}
          A weekday of the month
        </label>
        <label htmlFor={`${id}-setpos`} className="visually-hidden">
          Which one
        </label>
        <select
          id={`${id}-setpos`}
          value={position}
          disabled={!byWeekday}
          onChange={(event) => onWeekday(Number(event.target.value), setDay)}
        >
          {POSITIONS.map((n) => (
            <option key={n} value={n}>
              {positionWord(n)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-setday`} className="visually-hidden">
          Weekday
        </label>
        <select
          id={`${id}-setday`}
          value={setDay}
          disabled={!byWeekday}
          onChange={(event) => onWeekday(position, event.target.value as WeekdayCode)}
        >
          {WEEKDAY_ORDER.map((d) => (
            <option key={d} value={d}>
              {weekdayName(d)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
