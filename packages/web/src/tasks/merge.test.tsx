import { TASK_PRIORITIES, TASK_STATUSES } from "@taskmanager/core/task/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyValues, parseUpdate, type TaskFormValues } from "./form";
import { FIELDS, mergeTask, retryStatus, sameValue } from "./merge";

// Small alphabets so the generated sides often agree, differ, or return to the base.
const values: fc.Arbitrary<TaskFormValues> = fc.record({
  title: fc.constantFrom("a", "b", "c"),
  description: fc.constantFrom("", "x", "y"),
  status: fc.constantFrom(...TASK_STATUSES),
  priority: fc.constantFrom(...TASK_PRIORITIES),
  dueDate: fc.constantFrom("", "2026-01-01", "2026-02-02"),
  tags: fc.constantFrom([], ["work"], ["work", "home"], ["home", "work"]),
  dueTime: fc.constantFrom("", "09:00", "17:30"),
  // Spellings of one rule (defaults left out or written, days in another order) are one value.
  recurrence: fc.constantFrom<TaskFormValues["recurrence"]>(
    null,
    { freq: "daily" },
    { freq: "daily", interval: 1, mode: "schedule" },
    { freq: "weekly", byWeekday: ["MO", "TH"] },
    { freq: "weekly", interval: 1, byWeekday: ["TH", "MO"], mode: "schedule" },
    { freq: "daily", interval: 10, mode: "afterCompletion" },
  ),
  reminders: fc.constantFrom<TaskFormValues["reminders"]>(
    [],
    [{ before: 60 }],
    [{ before: 60 }, { before: 0 }],
    [{ before: 0 }, { before: 60 }],
    [{ at: "2026-12-24T09:00:00.000Z" }],
    [{ at: "2026-12-24T10:00:00+01:00" }],
  ),
});

const changed = (a: TaskFormValues, b: TaskFormValues) =>
  FIELDS.filter((field) => !sameValue(a[field], b[field]));

describe("merging an edit onto the latest version", () => {
  it("keeps every field only I changed", () => {
    fc.assert(
      fc.property(values, values, values, (base, mine, theirs) => {
        const merged = mergeTask(base, mine, theirs);
        for (const field of changed(base, mine)) {
          if (sameValue(base[field], theirs[field])) {
            expect(merged.values[field]).toEqual(mine[field]);
          }
        }
      }),
    );
  });

  it("keeps every field only the other side changed", () => {
    fc.assert(
      fc.property(values, values, values, (base, mine, theirs) => {
        const merged = mergeTask(base, mine, theirs);
        for (const field of changed(base, theirs)) {
          if (sameValue(base[field], mine[field])) {
            expect(merged.values[field]).toEqual(theirs[field]);
            expect(merged.taken).toContain(field);
          }
        }
      }),
    );
  });

  it("asks exactly about the fields both changed to different values", () => {
    fc.assert(
      fc.property(values, values, values, (base, mine, theirs) => {
        const asked = mergeTask(base, mine, theirs).conflicts.map((c) => c.field);
        const both = changed(base, mine).filter(
          (field) =>
            changed(base, theirs).includes(field) && !sameValue(mine[field], theirs[field]),
        );
        expect(asked).toEqual(both);
      }),
    );
  });

  it("changes nothing when the other side changed nothing", () => {
    fc.assert(
      fc.property(values, values, (base, mine) => {
        expect(mergeTask(base, mine, base)).toEqual({ values: mine, conflicts: [], taken: [] });
      }),
    );
  });

  it("the issue's case: a title there, description and priority here, no question", () => {
    const base: TaskFormValues = { ...emptyValues, title: "Plan" };
    const mine = { ...base, description: "Notes", priority: "high" as const };
    const theirs = { ...base, title: "Plan the trip" };
    expect(mergeTask(base, mine, theirs)).toEqual({
      values: { ...base, title: "Plan the trip", description: "Notes", priority: "high" },
      conflicts: [],
      taken: ["title"],
    });
    const both = mergeTask(base, { ...mine, title: "Plan it" }, theirs);
    expect(both.conflicts).toEqual([{ field: "title", mine: "Plan it", theirs: "Plan the trip" }]);
    // A conflicting field holds what was typed until the person picks.
    expect(both.values.title).toBe("Plan it");
  });

  it("without the base it started from, every difference is a question", () => {
    fc.assert(
      fc.property(values, values, (mine, theirs) => {
        const merged = mergeTask(undefined, mine, theirs);
        expect(merged.conflicts.map((c) => c.field)).toEqual(changed(mine, theirs));
        expect(merged.taken).toEqual([]);
      }),
    );
  });
});

describe("merging the schedule (issue 20)", () => {
  const base: TaskFormValues = {
    ...emptyValues,
    title: "Rent",
    dueDate: "2026-12-01",
    recurrence: { freq: "monthly", byMonthDay: 1 },
  };

  it("keeps a rule changed there and reminders and a time added here, asking nothing", () => {
    const theirs = { ...base, recurrence: { freq: "monthly" as const, byMonthDay: -1 } };
    const mine = { ...base, dueTime: "09:00", reminders: [{ before: 60 }] };
    expect(mergeTask(base, mine, theirs)).toEqual({
      values: { ...mine, recurrence: theirs.recurrence },
      conflicts: [],
      taken: ["recurrence"],
    });
  });

  it("asks when both changed the rule, and shows both", () => {
    const mine = { ...base, recurrence: { freq: "weekly" as const, byWeekday: ["FR" as const] } };
    const theirs = { ...base, recurrence: null };
    expect(mergeTask(base, mine, theirs).conflicts).toEqual([
      { field: "recurrence", mine: mine.recurrence, theirs: null },
    ]);
  });

  it("sees the server's spelling of an unchanged rule as unchanged", () => {
    const stored = {
      ...base,
      recurrence: {
        freq: "monthly" as const,
        byMonthDay: 1,
        interval: 1,
        mode: "schedule" as const,
      },
    };
    const mine = { ...base, reminders: [{ before: 0 }] };
    expect(mergeTask(base, mine, stored)).toEqual({ values: mine, conflicts: [], taken: [] });
  });
});

describe("an edit's body", () => {
  const saved: TaskFormValues = {
    ...emptyValues,
    title: "Rent",
    dueDate: "2026-12-01",
    dueTime: "09:00",
    recurrence: { freq: "monthly", byMonthDay: 1, interval: 1, mode: "schedule" },
    reminders: [{ before: 60 }],
  };
  const body = (values: TaskFormValues) => {
    const parsed = parseUpdate(values, 3, saved);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.input;
  };

  it("leaves the schedule out when only the title changed (the rule is not sent again)", () => {
    const input = body({
      ...saved,
      title: "Pay rent",
      recurrence: { freq: "monthly", byMonthDay: 1 },
    });
    expect(input).not.toHaveProperty("recurrence");
    expect(input).not.toHaveProperty("reminders");
    expect(input).not.toHaveProperty("dueTime");
    expect(input.title).toBe("Pay rent");
  });

  it("sends null to stop repeating and to clear the time, and the whole list of reminders", () => {
    expect(body({ ...saved, recurrence: null, dueTime: "", reminders: [] })).toMatchObject({
      recurrence: null,
      dueTime: null,
      reminders: [],
    });
  });

  it("clears the time with the date", () => {
    expect(body({ ...saved, dueDate: "" })).toMatchObject({ dueDate: null, dueTime: null });
  });
});

describe("a stale status change", () => {
  it("is retried when the status there is still the one shown", () => {
    expect(retryStatus("todo", "done", "todo")).toBe("retry");
  });
  it("is already made when the other side made it", () => {
    expect(retryStatus("todo", "done", "done")).toBe("done");
  });
  it("is not forced over a different status set elsewhere", () => {
    expect(retryStatus("todo", "done", "in_progress")).toBe("conflict");
  });
});
