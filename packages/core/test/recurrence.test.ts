/**
 * Repeating tasks: the next date against the `rrule` library and against what each
 * rule means, over month ends and DST changes; the completion transaction under 20
 * simultaneous completions; skip and stop repeating.
 */
import { hasCause } from "@taskmanager/core/error";
import * as Recurrence from "@taskmanager/core/recurrence";
import { nextDueDate } from "@taskmanager/core/recurrence";
import {
  type RecurrenceInput,
  Recurrence as RecurrenceSchema,
  toRRuleText,
  WEEKDAYS,
} from "@taskmanager/core/recurrence/schema";
import * as Task from "@taskmanager/core/task";
import { addDays, instantOf, wallTimeAt } from "@taskmanager/core/time/schema";
import fc from "fast-check";
import * as rruleModule from "rrule";
import { describe, expect, test } from "vitest";
import { TaskEntity } from "../src/task/entity";
import { conflict, newUserId } from "./helpers";

const { RRule } = (
  "RRule" in rruleModule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default
) as typeof rruleModule;

const DAY = 86_400_000;
const zone = "Europe/Paris";
const date = fc
  .integer({ min: Date.UTC(2020, 0, 1) / DAY, max: Date.UTC(2035, 11, 31) / DAY })
  .map((day) => new Date(day * DAY).toISOString().slice(0, 10));
const weekdays = fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 });
/** Every shape of rule the API takes. */
const rule: fc.Arbitrary<RecurrenceInput> = fc.oneof(
  fc.record({ freq: fc.constant("daily" as const), interval: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    freq: fc.constant("weekly" as const),
    interval: fc.integer({ min: 1, max: 5 }),
    byWeekday: weekdays,
  }),
  fc.record({
    freq: fc.constant("monthly" as const),
    interval: fc.integer({ min: 1, max: 13 }),
    byMonthDay: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -3, max: -1 })),
  }),
  fc.record({
    freq: fc.constant("monthly" as const),
    interval: fc.integer({ min: 1, max: 3 }),
    byWeekday: fc.constantFrom(...WEEKDAYS).map((d) => [d]),
    bySetPos: fc.constantFrom(1, 2, 3, 4, -1, -2),
  }),
  fc.record({ freq: fc.constant("yearly" as const), interval: fc.integer({ min: 1, max: 4 }) }),
);
const parse = (input: RecurrenceInput) => RecurrenceSchema.parse(input);
const weekdayOf = (d: string) => WEEKDAYS[(new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7];
const monthOf = (d: string) => d.slice(0, 7);
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

describe("the next date", () => {
  test("is the library's first occurrence after the due date and today, and the rule's text parses back to the same rule", () => {
    fc.assert(
      fc.property(rule, date, fc.integer({ min: -60, max: 60 }), (input, due, offset) => {
        const r = parse(input);
        const today = addDays(due, offset);
        const next = nextDueDate(r, due, today);
        // The library's own enumeration of the series, read independently of `after`.
        const bound = [due, today].sort()[1] as string;
        // Far enough for the rarest next date: every 3 years from Feb 29 is 12 years
        // on, every 13 months on the 31st up to 13; a shorter window read "none".
        const horizon = r.freq === "daily" || r.freq === "weekly" ? 1500 : 16 * 366;
        const series = new RRule({
          ...RRule.parseString(toRRuleText(r).replace(/^RRULE:/, "")),
          dtstart: new Date(`${due}T00:00:00Z`),
        }).between(
          new Date(`${bound}T00:00:00Z`),
          new Date(`${addDays(bound, horizon)}T00:00:00Z`),
          false,
        );
        expect(next).toBe(series[0]?.toISOString().slice(0, 10));
        if (next !== undefined) expect(next > due && next > today).toBe(true);
      }),
      // Found by a run: the next Feb 29 every 3 years is 2036.
      { numRuns: 1000, examples: [[{ freq: "yearly", interval: 3 }, "2024-02-29", 0]] },
    );
  });

  test("means what each rule says, over month ends and leap years", () => {
    fc.assert(
      fc.property(rule, date, (input, due) => {
        const r = parse(input);
        const next = nextDueDate(r, due, due);
        // A rule may have no next date at all (every 12 months on the 30th, from a
        // February): the first property holds it to the library's own answer.
        if (next === undefined) return;
        if (r.freq === "daily") expect(daysBetween(due, next)).toBe(r.interval);
        if (r.freq === "weekly") {
          expect(r.byWeekday).toContain(weekdayOf(next));
          expect(daysBetween(due, next)).toBeLessThanOrEqual(7 * r.interval);
        }
        if (r.freq === "monthly" && r.byMonthDay !== undefined) {
          if (r.byMonthDay > 0) expect(Number(next.slice(8))).toBe(r.byMonthDay);
          // -1 is the month's last day, -2 the one before.
          else expect(monthOf(addDays(next, -r.byMonthDay))).not.toBe(monthOf(next));
          if (r.byMonthDay < 0)
            expect(monthOf(addDays(next, -r.byMonthDay - 1))).toBe(monthOf(next));
        }
        if (r.freq === "monthly" && r.bySetPos !== undefined) {
          expect(weekdayOf(next)).toBe(r.byWeekday?.[0]);
          // The n-th such day: n-1 of them earlier in the month; the last: none later.
          if (r.bySetPos > 0) {
            expect(monthOf(addDays(next, -7 * (r.bySetPos - 1)))).toBe(monthOf(next));
            expect(monthOf(addDays(next, -7 * r.bySetPos))).not.toBe(monthOf(next));
          } else {
            expect(monthOf(addDays(next, 7 * (-r.bySetPos - 1)))).toBe(monthOf(next));
            expect(monthOf(addDays(next, -7 * r.bySetPos))).not.toBe(monthOf(next));
          }
        }
        if (r.freq === "yearly")
          expect(next.slice(5)).toBe(due.slice(5) === "02-29" ? "02-29" : due.slice(5));
      }),
      { numRuns: 3000 },
    );
  });

  test("examples people ask for", () => {
    const next = (input: RecurrenceInput, due: string, today = due) =>
      nextDueDate(parse(input), due, today);
    // Monthly on the last Friday, from January 2026.
    expect(next({ freq: "monthly", byWeekday: ["FR"], bySetPos: -1 }, "2026-01-30")).toBe(
      "2026-02-27",
    );
    // Monthly on the 31st skips months without one (RFC 5545); -1 is every month's last day.
    expect(next({ freq: "monthly", byMonthDay: 31 }, "2026-01-31")).toBe("2026-03-31");
    expect(next({ freq: "monthly", byMonthDay: -1 }, "2026-01-31")).toBe("2026-02-28");
    // Weekdays: Friday to Monday.
    expect(next({ freq: "weekly", byWeekday: ["MO", "TU", "WE", "TH", "FR"] }, "2026-12-04")).toBe(
      "2026-12-07",
    );
    // Every 2 weeks on Monday and Thursday keeps its phase.
    expect(next({ freq: "weekly", interval: 2, byWeekday: ["MO", "TH"] }, "2026-12-03")).toBe(
      "2026-12-14",
    );
    // Completed 5 days late: the next date after today, not one already overdue.
    expect(next({ freq: "daily" }, "2026-12-01", "2026-12-06")).toBe("2026-12-07");
    // Yearly on Feb 29: the next leap year.
    expect(next({ freq: "yearly" }, "2028-02-29")).toBe("2032-02-29");
    // After completion: counted from today; a month after Jan 31 is Feb's last day.
    expect(next({ freq: "monthly", mode: "afterCompletion" }, "2026-01-10", "2026-01-31")).toBe(
      "2026-02-28",
    );
    expect(
      next({ freq: "daily", interval: 10, mode: "afterCompletion" }, "2026-01-01", "2026-03-25"),
    ).toBe("2026-04-04");
  });

  test("a daily 09:00 task stays at 09:00 local across DST changes in every zone", () => {
    const zones = ["Europe/Paris", "America/New_York", "Australia/Sydney", "America/Sao_Paulo"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        date,
        fc.integer({ min: 0, max: 23 }),
        (zone, due, hour) => {
          const time = `${String(hour).padStart(2, "0")}:00`;
          const next = nextDueDate(parse({ freq: "daily" }), due, due) as string;
          const at = instantOf({ date: next, time }, zone);
          const read = wallTimeAt(at, zone);
          // The wall clock reads the due time, except when that hour was skipped.
          if (read.time !== time) expect(read.date).toBe(next);
          else expect(read).toEqual({ date: next, time });
          // The two occurrences are a day apart on the wall clock, 23 to 25 hours in fact.
          const gap = at - instantOf({ date: due, time }, zone);
          expect(gap).toBeGreaterThanOrEqual(22 * 3_600_000);
          expect(gap).toBeLessThanOrEqual(26 * 3_600_000);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("a rule with no next date ends the series with a clear refusal, not a task without a date", async () => {
    const never = parse({ freq: "monthly", interval: 12, byMonthDay: 30 });
    expect(nextDueDate(never, "2026-02-10", "2026-02-10")).toBeUndefined();
    const userId = newUserId("recur");
    const created = await Task.create(userId, {
      title: "never again",
      dueDate: "2026-02-10",
      recurrence: { freq: "monthly", interval: 12, byMonthDay: 30 },
    });
    const current = (
      await TaskEntity.get({ userId, taskId: created.taskId }).go({ consistent: true })
    ).data;
    if (!current) throw new Error("no task");
    await expect(Recurrence.complete(current, { version: 1 }, { zone })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect((await Task.list(userId, { limit: 10 })).items).toHaveLength(1);
  });

  test("the schema refuses rules that mean nothing", () => {
    for (const bad of [
      { freq: "daily", byWeekday: ["MO"] },
      { freq: "weekly", byMonthDay: 3 },
      { freq: "monthly", bySetPos: -1 },
      { freq: "monthly", byWeekday: ["FR", "MO"], bySetPos: -1 },
      { freq: "monthly", byWeekday: ["FR"] },
      { freq: "monthly", byMonthDay: 0 },
      { freq: "weekly", byWeekday: ["MO"], mode: "afterCompletion" },
      { freq: "hourly" },
      { freq: "daily", interval: 0 },
    ]) {
      expect(RecurrenceSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("completing an occurrence", () => {
  test("20 simultaneous completions make exactly one next occurrence", async () => {
    const userId = newUserId("recur");
    const created = await Task.create(userId, {
      title: "Pay rent",
      dueDate: "2026-12-01",
      dueTime: "09:00",
      recurrence: { freq: "monthly", byMonthDay: 1 },
      reminders: [{ before: 60 }, { at: "2026-12-01T07:00:00Z" }],
      tags: ["home"],
    });
    expect(created.recurrenceRule).toBe("RRULE:FREQ=MONTHLY;BYMONTHDAY=1");
    const current = (
      await TaskEntity.get({ userId, taskId: created.taskId }).go({ consistent: true })
    ).data;
    if (!current) throw new Error("no task");
    const now = Date.parse("2026-12-01T10:00:00Z");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => Recurrence.complete(current, { version: 1 }, { zone, now })),
    );
    const nexts = new Set<string>();
    for (const outcome of outcomes) {
      if (outcome.status === "fulfilled") nexts.add(outcome.value.next.taskId);
      // A loser is told of the conflict, or (DynamoDB Local on a busy machine) its
      // request timed out and the read after it did too: a retry gets the replay.
      else if (!hasCause(outcome.reason, ["TimeoutError"])) {
        expect(outcome.reason).toMatchObject(conflict);
      }
    }
    expect(nexts.size).toBe(1);
    const all = await Task.list(userId, { limit: 100 });
    expect(all.items).toHaveLength(2);
    const done = all.items.find((t) => t.taskId === created.taskId);
    const next = all.items.find((t) => t.taskId !== created.taskId);
    expect(done).toMatchObject({ status: "done", version: 2, nextTaskId: next?.taskId });
    expect(done?.recurrence).toBeUndefined();
    expect(next).toMatchObject({
      status: "todo",
      title: "Pay rent",
      dueDate: "2027-01-01",
      dueTime: "09:00",
      tags: ["home"],
      version: 1,
      recurrence: { freq: "monthly", interval: 1, byMonthDay: 1, mode: "schedule" },
      recurrenceRule: "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
      // The fixed-moment reminder was this occurrence's; the relative one moves on.
      reminders: [{ before: 60 }],
    });
  });

  test("a retried completion gets the first one's answer; an older version is a conflict", async () => {
    const userId = newUserId("recur");
    const created = await Task.create(userId, {
      title: "Weekly report",
      dueDate: "2026-12-04",
      recurrence: { freq: "weekly", byWeekday: ["FR"] },
    });
    const read = async () =>
      (await TaskEntity.get({ userId, taskId: created.taskId }).go({ consistent: true }))
        .data as NonNullable<Awaited<ReturnType<ReturnType<typeof TaskEntity.get>["go"]>>["data"]>;
    const before = await read();
    const now = Date.parse("2026-12-04T12:00:00Z");
    const first = await Recurrence.complete(before, { version: 1 }, { zone, now });
    expect(first.next.dueDate).toBe("2026-12-11");
    // The same request again, with the task as it was read the first time, or as now stored.
    expect(await Recurrence.complete(before, { version: 1 }, { zone, now })).toEqual(first);
    expect(await Recurrence.complete(await read(), { version: 1 }, { zone, now })).toEqual(first);
    expect((await Task.list(userId, { limit: 10 })).items).toHaveLength(2);
    // A version two behind is a plain conflict.
    await Task.update(userId, created.taskId, { version: 2, title: "Weekly report (sent)" });
    await expect(
      Recurrence.complete(await read(), { version: 1 }, { zone, now }),
    ).rejects.toMatchObject(conflict);
  });

  test("skip moves to the next date; stop repeating removes the rule and its text; editing the rule applies to the next", async () => {
    const userId = newUserId("recur");
    const created = await Task.create(userId, {
      title: "Water plants",
      dueDate: "2026-12-06",
      dueTime: "08:30",
      recurrence: { freq: "daily", interval: 3 },
    });
    const entity = async () =>
      (await TaskEntity.get({ userId, taskId: created.taskId }).go({ consistent: true }))
        .data as NonNullable<Awaited<ReturnType<ReturnType<typeof TaskEntity.get>["go"]>>["data"]>;
    const now = Date.parse("2026-12-06T06:00:00Z");
    const skipped = await Recurrence.skip(await entity(), { version: 1 }, { zone, now });
    expect(skipped).toMatchObject({
      dueDate: "2026-12-09",
      dueTime: "08:30",
      version: 2,
      status: "todo",
    });
    // A changed rule: the next completion follows it.
    const edited = await Task.update(userId, created.taskId, {
      version: 2,
      recurrence: { freq: "weekly", byWeekday: ["MO"] },
    });
    expect(edited.recurrenceRule).toBe("RRULE:FREQ=WEEKLY;BYDAY=MO");
    // Completing it now follows the new rule: from Wednesday the 9th, Monday the 14th.
    const { next } = await Recurrence.complete(await entity(), { version: 3 }, { zone, now });
    expect(next).toMatchObject({
      dueDate: "2026-12-14",
      recurrenceRule: "RRULE:FREQ=WEEKLY;BYDAY=MO",
    });
    const stopped = await Task.update(userId, next.taskId, {
      version: 1,
      recurrence: null,
      dueTime: null,
    });
    expect(stopped.recurrence).toBeUndefined();
    expect(stopped.recurrenceRule).toBeUndefined();
    expect(stopped.dueTime).toBeUndefined();
    const stoppedItem = (
      await TaskEntity.get({ userId, taskId: next.taskId }).go({ consistent: true })
    ).data;
    await expect(
      Recurrence.skip(
        stoppedItem as NonNullable<typeof stoppedItem>,
        { version: 2 },
        { zone, now },
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
