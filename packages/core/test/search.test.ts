/**
 * Search (`q`) and tag filter (`tag`): a FilterExpression on the owner's Query, so
 * pages must be filled by reading on, and stay bounded, in every list order.
 */

import * as Task from "@taskmanager/core/task";
import type { Task as TaskRecord } from "@taskmanager/core/task/schema";
import { beforeAll, describe, expect, test } from "vitest";
import {
  byDueThenId,
  countRequests,
  invalidInput,
  newestFirst,
  newUserId,
  pageThrough,
} from "./helpers";

const titles = (page: { items: TaskRecord[] }) => page.items.map((t) => t.title);

describe("what matches", () => {
  const userId = newUserId("search");
  beforeAll(async () => {
    for (const task of [
      { title: "Buy MILK", tags: ["home"] },
      { title: "Call the bank", description: "About the mortgage and the milkman's bill" },
      { title: "Plan trip", tags: ["Travel", "family"] },
      { title: "Water plants", tags: ["home", "garden"], status: "done" as const },
      { title: "Déjà vu café", tags: ["work"] },
    ]) {
      await Task.create(userId, task);
    }
  });

  test("q finds text in the title, the description or a tag, ignoring case", async () => {
    expect(titles(await Task.list(userId, { q: "milk" }))).toEqual(["Call the bank", "Buy MILK"]);
    expect(titles(await Task.list(userId, { q: "TRAVEL" }))).toEqual(["Plan trip"]);
    expect(titles(await Task.list(userId, { q: "ard" }))).toEqual(["Water plants"]);
    expect(titles(await Task.list(userId, { q: "CAFÉ" }))).toEqual(["Déjà vu café"]);
    expect(titles(await Task.list(userId, { q: "  bank  " }))).toEqual(["Call the bank"]);
    expect(titles(await Task.list(userId, { q: "nothing like it" }))).toEqual([]);
  });

  test("q does not match across two tags", async () => {
    expect(titles(await Task.list(userId, { q: "travel family" }))).toEqual([]);
    expect(titles(await Task.list(userId, { q: "home garden" }))).toEqual([]);
  });

  test("tag is one exact tag; it combines with q, status and sort", async () => {
    expect(titles(await Task.list(userId, { tag: "home" }))).toEqual(["Water plants", "Buy MILK"]);
    expect(titles(await Task.list(userId, { tag: "hom" }))).toEqual([]);
    expect(titles(await Task.list(userId, { tag: "home", q: "milk" }))).toEqual(["Buy MILK"]);
    expect(titles(await Task.list(userId, { tag: "home", status: "done" }))).toEqual([
      "Water plants",
    ]);
    expect(titles(await Task.list(userId, { tag: "home", sort: "due", status: "todo" }))).toEqual([
      "Buy MILK",
    ]);
  });

  test("another person's tasks never match", async () => {
    expect((await Task.list(newUserId("stranger"), { q: "milk" })).items).toEqual([]);
    expect((await Task.list(newUserId("stranger"), { tag: "home" })).items).toEqual([]);
  });

  test("an edit keeps what search sees current", async () => {
    const owner = newUserId("edit");
    const task = await Task.create(owner, { title: "Draft letter", tags: ["post"] });
    await Task.update(owner, task.taskId, { version: 1, title: "Send LETTER" });
    expect(titles(await Task.list(owner, { q: "draft" }))).toEqual([]);
    expect(titles(await Task.list(owner, { q: "send letter" }))).toEqual(["Send LETTER"]);
    // Only the tags change: the title's copy must survive a patch that does not name it.
    await Task.update(owner, task.taskId, { version: 2, tags: ["mail"] });
    expect(titles(await Task.list(owner, { q: "send" }))).toEqual(["Send LETTER"]);
    expect(titles(await Task.list(owner, { q: "post" }))).toEqual([]);
    expect(titles(await Task.list(owner, { tag: "mail" }))).toEqual(["Send LETTER"]);
  });

  test("empty or oversized search input is refused, not ignored", async () => {
    for (const query of [{ q: "" }, { q: "   " }, { q: "x".repeat(101) }, { tag: "" }]) {
      await expect(Task.list(userId, query)).rejects.toMatchObject(invalidInput);
    }
  });
});

describe("filtered pages are filled and bounded", () => {
  const userId = newUserId("sparse");
  const all: TaskRecord[] = [];
  // 260 tasks, one in 13 matches: a DynamoDB page of 25 holds about two matches.
  const matches = (i: number) => i % 13 === 0;
  beforeAll(async () => {
    for (let i = 0; i < 260; i += 26) {
      const batch = Array.from({ length: 26 }, (_, j) => i + j).map((n) =>
        Task.create(userId, {
          title: matches(n) ? `Needle ${n}` : `Hay ${n}`,
          status: n % 2 === 0 ? "todo" : "done",
          dueDate: n % 5 === 0 ? null : `2031-0${(n % 9) + 1}-1${n % 7}`,
          tags: matches(n) ? ["needle"] : ["hay"],
        }),
      );
      all.push(...(await Promise.all(batch)));
    }
  });

  test.each([
    ["q, newest first", { q: "needle" }, newestFirst, () => true],
    ["tag, by due date", { tag: "needle", sort: "due" }, byDueThenId, () => true],
    [
      "tag and status",
      { tag: "needle", status: "todo" },
      newestFirst,
      (t: TaskRecord) => t.status === "todo",
    ],
    [
      "q, status, by due",
      { q: "NEEDLE", status: "done", sort: "due" },
      byDueThenId,
      (t: TaskRecord) => t.status === "done",
    ],
  ] as const)("%s: no gaps, no duplicates, in order", async (_, query, order, keep) => {
    const expected = all
      .filter((t) => t.title.startsWith("Needle") && keep(t))
      .sort(order)
      .map((t) => t.taskId);
    expect(expected.length).toBeGreaterThan(5);
    for (const limit of [3, 7]) {
      expect((await pageThrough(userId, query, limit)).ids).toEqual(expected);
    }
  });

  test("an unmatched search reads the partition in batches of 100, then ends", async () => {
    const { result, requests } = await countRequests(() =>
      Task.list(userId, { q: "absent from every task", limit: 5 }),
    );
    // 260 items: three requests read the whole partition and find nothing.
    expect(result).toEqual({ items: [], cursor: null });
    expect(requests).toBe(3);
    const unfiltered = await countRequests(() => Task.list(userId, { limit: 5 }));
    expect(unfiltered.requests).toBe(1);
  });
});
