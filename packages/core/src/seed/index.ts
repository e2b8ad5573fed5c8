/**
 * Test and benchmark data, never used to serve a request: many tasks for one
 * person at once, more than the API would create in reasonable time. ElectroDB
 * batch writes (25 items a request, several at a time) of the same items
 * `Task.create` stores.
 */

import { monotonicFactory } from "ulid";
import { TaskEntity } from "../task/entity";
import { UNDATED } from "../task/record";
import { TASK_PRIORITIES, TASK_STATUSES } from "../task/schema";

const newTaskId = monotonicFactory();

export async function seedTasks(
  userId: string,
  count: number,
  options: { concurrency?: number; chunk?: number } = {},
): Promise<void> {
  const chunk = options.chunk ?? 5_000;
  for (let start = 0; start < count; start += chunk) {
    const now = new Date().toISOString();
    const items = Array.from({ length: Math.min(chunk, count - start) }, (_, k) => {
      const i = start + k;
      const dueDate = i % 3 === 0 ? undefined : `2030-${String((i % 12) + 1).padStart(2, "0")}-15`;
      return {
        userId,
        taskId: newTaskId(),
        title: `Task ${i}: check the “quarterly” numbers, then reply`,
        description: `Seeded task number ${i}.\nSecond line, with a comma, and "quotes".`,
        status: TASK_STATUSES[i % TASK_STATUSES.length] as (typeof TASK_STATUSES)[number],
        priority: TASK_PRIORITIES[i % TASK_PRIORITIES.length] as (typeof TASK_PRIORITIES)[number],
        ...(dueDate ? { dueDate } : {}),
        dueSort: dueDate ?? UNDATED,
        tags: i % 2 ? ["seeded", "bench"] : ["seeded"],
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
    });
    const { unprocessed } = await TaskEntity.put(items).go({
      concurrency: options.concurrency ?? 4,
    });
    if (unprocessed.length) throw new Error(`${unprocessed.length} tasks were not written`);
  }
}
