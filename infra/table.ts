import { globalIndexes, keyFields, primaryIndex } from "../packages/core/src/table";
import { isProduction } from "./config";

/** The single table; its keys and indexes come from the same module ElectroDB uses. */
export const table = new sst.aws.Dynamo("Tasks", {
  fields: keyFields,
  primaryIndex,
  globalIndexes,
  // Point-in-time recovery is on by default in SST v4; production also refuses deletion.
  deletionProtection: isProduction,
});
