import * as Task from "@taskmanager/core/task";
import type { ListTasksQuery } from "@taskmanager/core/task/schema";
import { ulid } from "ulid";
import { expect } from "vitest";
import { dynamoClient } from "../src/table/client";

/** A fresh owner per test: every test shares the run's one table. */
export const newUserId = (label = "user") => `${label}-${ulid()}`;

/** Expected order of the due-date indexes: dated soonest first, undated last, then by id. */
export function byDueThenId(a: { dueDate: string | null; taskId: string }, b: typeof a): number {
  const ad = a.dueDate ?? "~";
  const bd = b.dueDate ?? "~";
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0;
}

/** Newest first: ULIDs sort by creation time. */
export function newestFirst(a: { taskId: string }, b: { taskId: string }): number {
  return a.taskId < b.taskId ? 1 : a.taskId > b.taskId ? -1 : 0;
}

/** The refusals core raises, as `toMatchObject` patterns of its one `VisibleError`. */
export const notFound = { name: "VisibleError", code: "not_found" };
export const conflict = { name: "VisibleError", code: "conflict" };
export const invalidCursor = {
  name: "VisibleError",
  code: "validation_failed",
  issues: [{ path: "cursor", message: "is not a valid cursor" }],
};
export const invalidInput = { name: "VisibleError", code: "validation_failed" };

/**
 * Every page of a list, following cursors. Each page is full unless it is the last:
 * a filtered list must fill its pages too, however sparse the matches.
 */
export async function pageThrough(userId: string, query: ListTasksQuery, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await Task.list(userId, { ...query, limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.cursor) expect(page.items).toHaveLength(limit);
    ids.push(...page.items.map((t) => t.taskId));
    cursor = page.cursor ?? undefined;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { ids, pages };
}

/** DynamoDB requests made while `run` runs (every command through the one client). */
export async function countRequests<T>(
  run: () => Promise<T>,
): Promise<{ result: T; requests: number }> {
  let requests = 0;
  const name = `count-${Math.random()}`;
  dynamoClient.middlewareStack.add(
    (next) => (args) => {
      requests++;
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    return { result: await run(), requests };
  } finally {
    dynamoClient.middlewareStack.remove(name);
  }
}
