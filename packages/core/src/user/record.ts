/**
 * The stored user record: one item per email, keyed and tagged exactly as
 * ElectroDB's entity "user" (version 1, service "taskmanager") wrote it, so
 * records written before and after read alike. Written with the bare DynamoDB
 * client so the issuer, the one caller, does not bundle ElectroDB for two calls;
 * test/user-record.test.ts holds this layout equal to ElectroDB's own.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export interface UserRecord {
  email: string;
  userId: string;
  createdAt: string;
}

/** ElectroDB's key: `$service#facet_value`, `$entity_version`, lower-cased. */
export function userKey(email: string): Record<"pk" | "sk", AttributeValue> {
  return { pk: { S: `$taskmanager#email_${email}`.toLowerCase() }, sk: { S: "$user_1" } };
}

export function userItem(record: UserRecord): Record<string, AttributeValue> {
  return {
    email: { S: record.email },
    userId: { S: record.userId },
    createdAt: { S: record.createdAt },
    ...userKey(record.email),
    // ElectroDB's identifiers: which entity and version owns the item.
    __edb_e__: { S: "user" },
    __edb_v__: { S: "1" },
  };
}

/** Only a new email: the put must not replace a record another sign-in wrote first. */
export const CREATE_ONLY = {
  ConditionExpression: "attribute_not_exists(#pk) AND attribute_not_exists(#sk)",
  ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
};
