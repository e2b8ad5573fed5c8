/**
 * The table stream's subscriber: whatever removes a task (the API, a console, a
 * request that died half-way) is followed by the removal of its attachments'
 * objects and records; a removed attachment record takes its object with it; a
 * removed list takes its tasks with it.
 * Every step is idempotent, so a record delivered twice is harmless. A failure
 * reports the record it stopped at: Lambda retries from there, and what keeps
 * failing goes to the dead-letter queue (see infra/table.ts).
 */
import { unmarshall } from "@aws-sdk/util-dynamodb";
import * as Attachment from "@taskmanager/core/attachment";
import { purgeTasks } from "@taskmanager/core/list";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { logger } from "../http/handler";
import { ENTITY_MARKER } from "./cleanup-subscription";

interface RemovedImage {
  userId?: string;
  taskId?: string;
  attachmentId?: string;
  objectKey?: string;
}

/** DynamoDB's own TTL deletions carry this identity on the stream record. */
const removedByTtl = (record: DynamoDBRecord) =>
  record.userIdentity?.type === "Service" &&
  record.userIdentity?.principalId === "dynamodb.amazonaws.com";

async function handleRecord(record: DynamoDBRecord): Promise<void> {
  if (record.eventName !== "REMOVE" || !record.dynamodb?.OldImage) return;
  // aws-lambda's AttributeValue and the SDK's are the same wire shape, typed apart.
  const old = unmarshall(
    record.dynamodb.OldImage as Parameters<typeof unmarshall>[0],
  ) as RemovedImage & Record<string, unknown>;
  if (old[ENTITY_MARKER] === "list" && typeof old.listId === "string") {
    // A deleted list's tasks: each one's own removal then purges its attachments.
    const purged = await purgeTasks(old.listId);
    logger.info("list removed", { tasksPurged: purged });
    return;
  }
  const { userId, taskId, attachmentId, objectKey } = old;
  if (!userId || !taskId) return;
  if (old[ENTITY_MARKER] === "task") {
    const purged = await Attachment.purgeTask(userId, taskId);
    logger.info("task removed", { attachmentsPurged: purged });
  } else if (old[ENTITY_MARKER] === "attachment" && attachmentId && objectKey) {
    await Attachment.afterRemoved(
      { userId, taskId, attachmentId, objectKey },
      removedByTtl(record),
    );
  }
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      await handleRecord(record);
    } catch (error) {
      logger.error("stream record failed", { error: error as Error, eventID: record.eventID });
      // Records of a shard are in order: retry from the first one that failed.
      return {
        batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" }],
      };
    }
  }
  return { batchItemFailures: [] };
}
