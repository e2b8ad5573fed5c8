/** The shared zod schemas: what a task may hold. */
import * as Task from "@taskmanager/core/task";
import {
  CreateTaskInput,
  DueDate,
  ListTasksQuery,
  Title,
  UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { invalidInput, newUserId } from "./helpers";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const daysIn = (year: number, month: number) =>
  [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1] as number;

describe("dueDate", () => {
  test("every real calendar date (YYYY-MM-DD) is accepted", () => {
    const date = fc
      .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })
      .chain(({ year, month }) =>
        fc.integer({ min: 1, max: daysIn(year, month) }).map((day) => ({ year, month, day })),
      );
    fc.assert(
      fc.property(date, ({ year, month, day }) => {
        const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        expect(DueDate.safeParse(value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("a day past the end of its month, month 00/13+ or day 00 is refused", () => {
    const bad = fc.oneof(
      fc
        .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })
        .chain(({ year, month }) =>
          fc
            .integer({ min: daysIn(year, month) + 1, max: 99 })
            .map((day) => ({ year, month, day })),
        ),
      fc.record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      fc.record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.constant(0),
      }),
    );
    fc.assert(
      fc.property(bad, ({ year, month, day }) => {
        const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        expect(DueDate.safeParse(value).success).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test.each(["2024-02-29", "2000-02-29", "2030-12-31", "0050-06-15"])("%s is a date", (value) => {
    expect(DueDate.parse(value)).toBe(value);
  });

  test.each([
    "2023-02-29",
    "1900-02-29",
    "2024-04-31",
    "2024-1-01",
    "24-01-01",
    "2024/01/01",
    "2024-01-01T00:00:00Z",
    " 2024-01-01",
    "",
    "tomorrow",
  ])("%j is not", (value) => {
    expect(DueDate.safeParse(value).success).toBe(false);
  });
});

describe("title", () => {
  test("is trimmed, and accepted when 1-200 characters remain", () => {
    const space = fc.constantFrom(" ", "\t", "\n");
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s.length > 0),
        fc.array(space, { maxLength: 5 }),
        fc.array(space, { maxLength: 5 }),
        (core, before, after) => {
          expect(Title.parse(before.join("") + core + after.join(""))).toBe(core);
        },
      ),
    );
  });

  test("blank or over 200 characters is refused", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom("", " ", "\t\n  "),
          fc.string({ minLength: 201, maxLength: 400 }).filter((s) => s.trim().length > 200),
        ),
        (title) => {
          expect(Title.safeParse(title).success).toBe(false);
        },
      ),
    );
  });

  test("200 characters is the limit, after trimming", () => {
    expect(Title.parse(`  ${"x".repeat(200)}  `)).toBe("x".repeat(200));
    expect(Title.safeParse("x".repeat(201)).success).toBe(false);
  });
});

describe("create input", () => {
  const valid = (extra: object) => CreateTaskInput.safeParse({ title: "t", ...extra }).success;

  test("description up to 5000 characters", () => {
    expect(valid({ description: "d".repeat(5000) })).toBe(true);
    expect(valid({ description: "d".repeat(5001) })).toBe(false);
  });

  test("at most 10 tags, each 1-32 characters, unique", () => {
    const tags = Array.from({ length: 10 }, (_, i) => `tag${i}`);
    expect(valid({ tags })).toBe(true);
    expect(valid({ tags: [...tags, "one-more"] })).toBe(false);
    expect(valid({ tags: ["x".repeat(32)] })).toBe(true);
    expect(valid({ tags: ["x".repeat(33)] })).toBe(false);
    expect(valid({ tags: [""] })).toBe(false);
    expect(valid({ tags: ["  "] })).toBe(false);
    expect(valid({ tags: ["a", "a"] })).toBe(false);
    expect(valid({ tags: ["a", " a "] })).toBe(false);
    expect(CreateTaskInput.parse({ title: "t", tags: [" a "] }).tags).toEqual(["a"]);
  });

  test("unique tags property: duplicates always refused", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,32}$/), { minLength: 1, maxLength: 9 }),
        fc.nat(),
        (tags, i) => {
          expect(valid({ tags })).toBe(true);
          expect(valid({ tags: [...tags, tags[i % tags.length]] })).toBe(false);
        },
      ),
    );
  });

  test("status, priority and unknown fields", () => {
    expect(valid({ status: "done", priority: "high" })).toBe(true);
    expect(valid({ status: "finished" })).toBe(false);
    expect(valid({ priority: "urgent" })).toBe(false);
    expect(valid({ owner: "someone-else" })).toBe(false);
    expect(valid({ userId: "someone-else" })).toBe(false);
    expect(valid({ version: 3 })).toBe(false);
    expect(CreateTaskInput.safeParse({}).success).toBe(false);
  });

  test("the domain refuses invalid input before writing, whatever a caller's types said", async () => {
    const userId = newUserId();
    await expect(Task.create(userId, { title: "   " })).rejects.toMatchObject(invalidInput);
    await expect(Task.create(userId, { title: "x", extra: 1 } as never)).rejects.toMatchObject(
      invalidInput,
    );
    await expect(Task.create(userId, { title: "x", dueDate: "2023-02-30" })).rejects.toMatchObject(
      invalidInput,
    );
    expect((await Task.list(userId)).items).toEqual([]);
  });
});

describe("update input", () => {
  test("needs a positive integer version and one change; unknown fields refused", () => {
    expect(UpdateTaskInput.safeParse({ version: 1, title: "x" }).success).toBe(true);
    expect(UpdateTaskInput.safeParse({ version: 1, dueDate: null }).success).toBe(true);
    expect(UpdateTaskInput.safeParse({ version: 1 }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ title: "x" }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ version: 0, title: "x" }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ version: 1.5, title: "x" }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ version: "1", title: "x" }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ version: 1, title: "x", taskId: "y" }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ version: 1, title: " " }).success).toBe(false);
    expect(UpdateTaskInput.safeParse({ version: 1, dueDate: "2023-02-29" }).success).toBe(false);
  });

  test("the domain refuses an invalid update and leaves the task as it was", async () => {
    const userId = newUserId();
    const task = await Task.create(userId, { title: "keep me" });
    for (const bad of [
      { version: 1, title: "" },
      { version: 1, tags: ["a", "a"] },
      { version: 1, description: "d".repeat(5001) },
      { version: 1, nope: true },
    ]) {
      await expect(Task.update(userId, task.taskId, bad)).rejects.toMatchObject(invalidInput);
    }
    expect(await Task.get(userId, task.taskId)).toEqual(task);
  });
});

describe("list query", () => {
  test("limit 1-100 (coerced from text), default 25 and created", () => {
    expect(ListTasksQuery.parse({})).toEqual({ sort: "created", limit: 25 });
    expect(ListTasksQuery.parse({ limit: "100" }).limit).toBe(100);
    for (const limit of ["0", "101", "abc", "1.5", "-1", 0]) {
      expect(ListTasksQuery.safeParse({ limit }).success).toBe(false);
    }
    expect(ListTasksQuery.safeParse({ status: "archived" }).success).toBe(false);
    expect(ListTasksQuery.safeParse({ sort: "title" }).success).toBe(false);
    expect(ListTasksQuery.safeParse({ page: "2" }).success).toBe(false);
    expect(ListTasksQuery.parse({ q: "  milk ", tag: " home " })).toMatchObject({
      q: "milk",
      tag: "home",
    });
    for (const bad of [{ q: "" }, { q: " " }, { q: "x".repeat(101) }, { tag: "t".repeat(33) }]) {
      expect(ListTasksQuery.safeParse(bad).success).toBe(false);
    }
  });
});
