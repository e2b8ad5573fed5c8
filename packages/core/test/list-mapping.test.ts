/**
 * `Task.list` is the entity's own query, mapped to the API's task: every page must
 * equal what the entity's query gives, tasks and cursor alike, for every index,
 * across page boundaries (nothing lost or added by the mapping, no page skipped).
 */
import * as Task from "@taskmanager/core/task";
import { beforeAll, expect, test } from "vitest";
import { TaskEntity } from "../src/task/entity";
import { newUserId } from "./helpers";

const userId = newUserId("mapping");

beforeAll(async () => {
  for (let i = 0; i < 15; i++) {
    await Task.create(userId, {
      title: `task ${i}`,
      description: i % 2 ? "with a description" : "",
      status: (["todo", "in_progress", "done"] as const)[i % 3],
      priority: (["low", "medium", "high"] as const)[i % 3],
      dueDate: i % 4 === 0 ? null : `2031-0${(i % 9) + 1}-15`,
      tags: i % 3 ? ["home", `t${i}`] : [],
    });
  }
});

const queries = [
  { sort: "created", query: () => TaskEntity.query.byCreated({ userId }), order: "desc" },
  { sort: "due", query: () => TaskEntity.query.byDue({ userId }), order: "asc" },
  {
    sort: "created",
    status: "todo",
    query: () => TaskEntity.query.byStatusCreated({ userId, status: "todo" }),
    order: "desc",
  },
  {
    sort: "due",
    status: "done",
    query: () => TaskEntity.query.byStatusDue({ userId, status: "done" }),
    order: "asc",
  },
] as const;

test.each(queries)(
  "pages equal ElectroDB's formatted pages (sort $sort, status $status)",
  async (q) => {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const ours = await Task.list(userId, {
        sort: q.sort,
        ...("status" in q ? { status: q.status } : {}),
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      const theirs = await q.query().go({ cursor, limit: 3, order: q.order });
      expect(ours.cursor).toEqual(theirs.cursor ?? null);
      expect(ours.items).toEqual(
        theirs.data.map(({ dueDate, dueSort: _, attachmentIds, ...task }) => ({
          ...task,
          dueDate: dueDate ?? null,
          attachmentCount: attachmentIds?.length ?? 0,
        })),
      );
      cursor = ours.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(1);
  },
);
