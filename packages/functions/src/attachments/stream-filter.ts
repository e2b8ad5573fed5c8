/**
 * What the cleanup subscriber wakes for: removed tasks and removed attachment
 * records, told apart by ElectroDB's entity marker in the old image. Pure data:
 * `infra/` gives it to Lambda's event filtering and the local stack applies the
 * same pattern to DynamoDB Local's stream.
 */
export const ENTITY_MARKER = "__edb_e__";

export const cleanupFilter = {
  eventName: ["REMOVE"],
  dynamodb: { OldImage: { [ENTITY_MARKER]: { S: ["task", "attachment"] } } },
} as const;
