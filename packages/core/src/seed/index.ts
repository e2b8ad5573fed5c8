/**
 * Test and benchmark data, never used to serve a request: many tasks for one
 * person at once, more than the API would create in reasonable time. Batch writes
 * (25 items a request, several at a time) through the task entity, so the items
 * are the very ones `Task.create` stores.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Entity, type EntityItem } from "electrodb";
import { monotonicFactory } from "ulid";
import { entityConfig } from "../table/client";
import { TaskEntity } from "../task/entity";
import { TASK_PRIORITIES, TASK_STATUSES } from "../task/schema";

const newTaskId = monotonicFactory();

/**
 * The task entity on a client of the seed's own: bulk work, not a request, so none
 * of the API client's 2 s budget (DynamoDB Local takes longer than that for a batch
 * when several arrive at once), and the SDK's adaptive retries for throttling.
 */
const SeedTaskEntity = new Entity(TaskEntity.schema, {
  client: new DynamoDBClient({ maxAttempts: 10, retryMode: "adaptive" }),
  table: entityConfig.table,
});
type NewTask = EntityItem<typeof TaskEntity>;

const MAX_BATCH_ROUNDS = 10;

/** Writes the items, again and again for what DynamoDB leaves unprocessed. */
async function writeAll(items: NewTask[], concurrent: number) {
  let pending = items;
  for (let round = 1; pending.length > 0; round++) {
    if (round > MAX_BATCH_ROUNDS) throw new Error(`${pending.length} tasks were not written`);
    if (round > 1) await new Promise((done) => setTimeout(done, 20 * 2 ** round));
    const { unprocessed } = await SeedTaskEntity.put(pending).go({ concurrent });
    pending = unprocessed as NewTask[];
  }
}

/** Writes tasks made by the caller (a benchmark's tasks in lists, say) as the seed writes its own. */
export function seedTaskItems(items: NewTask[], options: { concurrency?: number } = {}) {
  return writeAll(items, options.concurrency ?? 4);
}

export async function seedTasks(
  userId: string,
  count: number,
  options: { concurrency?: number; chunk?: number } = {},
): Promise<void> {
  const chunk = options.chunk ?? 5_000;
  const concurrency = options.concurrency ?? 4;
  for (let start = 0; start < count; start += chunk) {
    const now = new Date().toISOString();
    const items = Array.from({ length: Math.min(chunk, count - start) }, (_, k): NewTask => {
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
        tags: i % 2 ? ["seeded", "bench"] : ["seeded"],
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
    });
    await writeAll(items, concurrency);
  }
}
