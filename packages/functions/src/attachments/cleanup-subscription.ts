/**
 * The table stream's subscriber, as data: `infra/` gives it to Lambda (its event
 * filter, its grants) and the local stack runs it on DynamoDB Local's stream with
 * the same filter. Not in the route table: the API's document is made from that
 * table, and this filter needs ElectroDB (its entity attribute), which the
 * document's function should not bundle.
 */
import { entityAttribute } from "@taskmanager/core/table";
import { Attachments, Tasks } from "../access";

export const ENTITY_MARKER = entityAttribute;

/**
 * What the subscriber wakes for: removed tasks, attachment records and lists, told
 * apart by the entity ElectroDB marked each item with, in the old image.
 */
export const cleanupFilter = {
  eventName: ["REMOVE"],
  dynamodb: { OldImage: { [ENTITY_MARKER]: { S: ["task", "attachment", "list"] } } },
} as const;

/**
 * Cleans up after removed tasks and attachment records (the task's collection, a
 * batch delete), and removed lists (their tasks: a Query on gsi5, batch deletes).
 */
export const streamCleanup = {
  handler: "packages/functions/src/attachments/cleanup.handler",
  filter: cleanupFilter,
  access: [
    Tasks.queryCollection,
    Tasks.query,
    Tasks.batchWrite,
    Tasks.updateItem,
    Attachments.delete,
  ],
} as const;
