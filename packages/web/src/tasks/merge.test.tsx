import { TASK_PRIORITIES, TASK_STATUSES } from "@taskmanager/core/task/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TaskFormValues } from "./form";
import { FIELDS, mergeTask, retryStatus, sameValue } from "./merge";

// Small alphabets so the generated sides often agree, differ, or return to the base.
const values: fc.Arbitrary<TaskFormValues> = fc.record({
  title: fc.constantFrom("a", "b", "c"),
  description: fc.constantFrom("", "x", "y"),
  status: fc.constantFrom(...TASK_STATUSES),
  priority: fc.constantFrom(...TASK_PRIORITIES),
  dueDate: fc.constantFrom("", "2026-01-01", "2026-02-02"),
  tags: fc.constantFrom([], ["work"], ["work", "home"], ["home", "work"]),
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
    const base: TaskFormValues = {
      title: "Plan",
      description: "",
      status: "todo",
      priority: "medium",
      dueDate: "",
      tags: [],
    };
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
