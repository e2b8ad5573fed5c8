/**
 * People who can sign in. The issuer calls `fromEmail` after a successful
 * sign-in; the returned id, not the email, owns tasks, so an email is never a key
 * elsewhere in the table.
 */
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { ulid } from "ulid";
import { entityConfig } from "../electrodb";
import { isConditionFailure, parseInput } from "../error";
import { CREATE_ONLY, userItem, userKey } from "./record";
import { Email } from "./schema";

export interface User {
  userId: string;
  email: string;
}

/** The user for this email, created on first sign-in; safe to call concurrently. */
export async function fromEmail(rawEmail: unknown): Promise<User> {
  const email = parseInput(Email, rawEmail);
  const { client, table } = entityConfig;
  const userId = ulid();
  try {
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: userItem({ email, userId, createdAt: new Date().toISOString() }),
        ...CREATE_ONLY,
      }),
    );
    return { userId, email };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  // Someone signed in with this email first: theirs is the id. A strongly consistent
  // read, so a record written a moment ago by a concurrent sign-in is seen.
  const existing = await client.send(
    new GetItemCommand({ TableName: table, Key: userKey(email), ConsistentRead: true }),
  );
  const existingId = existing.Item?.userId?.S;
  if (!existingId) throw new Error("User vanished between put and get");
  return { userId: existingId, email };
}
