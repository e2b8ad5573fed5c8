/**
 * Test and benchmark data, never used to serve a request: many tasks for one
 * person at once, more than the API would create in reasonable time. Batch writes
 * (25 items a request, several at a time) of the very items `Task.create` stores
 * (`task/record.ts`).
 */
import { BatchWriteItemCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { monotonicFactory } from "ulid";
import { entityConfig } from "../electrodb";
import { type StoredItem, taskItem, UNDATED } from "../task/record";
import { TASK_PRIORITIES, TASK_STATUSES } from "../task/schema";

const newTaskId = monotonicFactory();

/**
 * Bulk work, not a request: none of the API client's 2 s budget (DynamoDB Local takes
 * longer than that for a batch when several arrive at once), and the SDK's adaptive
 * retries for throttling.
 */
const seedClient = new DynamoDBClient({ maxAttempts: 10, retryMode: "adaptive" });
const BATCH = 25;
const MAX_BATCH_ROUNDS = 10;

/** Writes up to 25 items, again and again for what DynamoDB leaves unprocessed. */
async function writeBatch(items: StoredItem[]) {
  const { table } = entityConfig;
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let round = 1; requests.length > 0; round++) {
    if (round > MAX_BATCH_ROUNDS) throw new Error(`${requests.length} tasks were not written`);
    const { UnprocessedItems } = await seedClient.send(
      new BatchWriteItemCommand({ RequestItems: { [table]: requests } }),
    );
    requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
    if (requests.length > 0) await new Promise((done) => setTimeout(done, 20 * 2 ** round));
  }
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
    const items = Array.from({ length: Math.min(chunk, count - start) }, (_, k) => {
      const i = start + k;
      const dueDate = i % 3 === 0 ? undefined : `2030-${String((i % 12) + 1).padStart(2, "0")}-15`;
      const task = {
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
      return taskItem(task);
    });
    // `concurrency` writers, each taking the next batch of 25 until none is left.
    let next = 0;
    const writer = async () => {
      while (next < items.length) {
        const batch = items.slice(next, next + BATCH);
        next += BATCH;
        await writeBatch(batch);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, writer));
  }
}
