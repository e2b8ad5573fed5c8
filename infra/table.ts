import { globalIndexes, keyFields, primaryIndex, ttlAttribute } from "../packages/core/src/table";
import { isProduction } from "./config";

/** The single table; its keys and indexes come from the same module ElectroDB uses. */
export const table = new sst.aws.Dynamo("TaskTable", {
  fields: keyFields,
  primaryIndex,
  globalIndexes,
  // Unfinished uploads' records expire; the stream feeds the cleanup (table-stream.ts).
  ttl: ttlAttribute,
  stream: "new-and-old-images",
  // Point-in-time recovery is on by default in SST v4; production also refuses deletion.
  deletionProtection: isProduction,
});

/**
 * What handlers see as `Resource.Tasks`: the table's name only. Linking the Dynamo
 * component itself would grant `dynamodb:*`; each function gets its own actions
 * from the route table instead (see access.ts).
 */
export const tasksLink = new sst.Linkable("Tasks", { properties: { name: table.name } });
