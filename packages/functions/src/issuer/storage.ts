/**
 * The issuer's DynamoDB storage: OpenAuth's storage interface (same item layout as
 * its DynamoStorage: `pk`, `sk`, `value`, TTL in `expiry`) plus atomic counters
 * for the attempt limits. Our own adapter because OpenAuth 0.4.3's `scan` returns
 * already-joined keys that its `remove` cannot delete, so revoking a refresh-token
 * family deleted nothing; and because its client has no timeouts.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import type { StorageAdapter } from "@openauthjs/openauth/storage/storage";
import { joinKey, splitKey } from "@openauthjs/openauth/storage/storage";
import { Resource } from "sst";

const client = new DynamoDBClient({
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
});

const table = () => Resource.AuthStorage.name;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** OpenAuth's key layout: the first two parts are the partition, the rest the sort key. */
function itemKey(key: string[]) {
  const [pk, sk] =
    key.length === 2
      ? [key[0] ?? "", key[1] ?? ""]
      : [joinKey(key.slice(0, 2)), joinKey(key.slice(2))];
  return { pk: { S: pk }, sk: { S: sk } };
}

const isLive = (expiry: { N?: string } | undefined) =>
  !expiry?.N || Number(expiry.N) >= Date.now() / 1000;

export const storage: StorageAdapter = {
  async get(key) {
    const { Item } = await client.send(
      new GetItemCommand({ TableName: table(), Key: itemKey(key), ConsistentRead: true }),
    );
    if (!Item?.value?.S || !isLive(Item.expiry)) return undefined;
    return JSON.parse(Item.value.S);
  },
  async set(key, value, expiry) {
    await client.send(
      new PutItemCommand({
        TableName: table(),
        Item: {
          ...itemKey(key),
          value: { S: JSON.stringify(value) },
          ...(expiry ? { expiry: { N: String(Math.floor(expiry.getTime() / 1000)) } } : {}),
        },
      }),
    );
  },
  async remove(key) {
    await client.send(new DeleteItemCommand({ TableName: table(), Key: itemKey(key) }));
  },
  async *scan(prefix) {
    // A prefix's first two parts are the partition, the rest a prefix of the sort key.
    const pk = { S: prefix.length >= 2 ? joinKey(prefix.slice(0, 2)) : (prefix[0] ?? "") };
    const sk = { S: joinKey(prefix.slice(2)) };
    let start: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: sk.S ? "pk = :pk AND begins_with(sk, :sk)" : "pk = :pk",
          ExpressionAttributeValues: { ":pk": pk, ...(sk.S ? { ":sk": sk } : {}) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (!item.value?.S || !isLive(item.expiry)) continue;
        // The key as its parts, so `remove` (which joins them again) finds the item.
        const parts = [...splitKey(item.pk?.S ?? ""), ...splitKey(item.sk?.S ?? "")];
        yield [parts, JSON.parse(item.value.S)];
      }
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
  },
};

export interface Counter {
  count: number;
  /** Any number attributes the item carries besides the count. */
  values: Record<string, number>;
}

/**
 * Adds `by` to the counter at `key` atomically (concurrent guesses cannot share a
 * count) and returns it; the item expires `ttlSeconds` after its first write, so
 * keys must be unique per window (an expired item may linger before DynamoDB
 * deletes it).
 */
export async function increment(key: string[], ttlSeconds: number, by = 1): Promise<Counter> {
  const { Attributes } = await client.send(
    new UpdateItemCommand({
      TableName: table(),
      Key: itemKey(key),
      UpdateExpression: "ADD #count :by SET expiry = if_not_exists(expiry, :expiry)",
      ExpressionAttributeNames: { "#count": "count" },
      ExpressionAttributeValues: {
        ":by": { N: String(by) },
        ":expiry": { N: String(nowSeconds() + ttlSeconds) },
      },
      ReturnValues: "ALL_NEW",
    }),
  );
  return counterOf(Attributes);
}

/** Reads a counter (or other numbers) kept by `increment`/`setNumbers`; absent or expired is empty. */
export async function readCounter(key: string[]): Promise<Counter> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: table(), Key: itemKey(key), ConsistentRead: true }),
  );
  return counterOf(Item && isLive(Item.expiry) ? Item : undefined);
}

/** Sets number attributes on the item at `key`, which then expires `ttlSeconds` from now. */
export async function setNumbers(
  key: string[],
  values: Record<string, number>,
  ttlSeconds: number,
): Promise<void> {
  const entries = Object.entries(values);
  await client.send(
    new UpdateItemCommand({
      TableName: table(),
      Key: itemKey(key),
      UpdateExpression: `SET expiry = :expiry, ${entries.map((_, i) => `#n${i} = :v${i}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#n${i}`, name])),
      ExpressionAttributeValues: {
        ":expiry": { N: String(nowSeconds() + ttlSeconds) },
        ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, { N: String(value) }])),
      },
    }),
  );
}

/** Writes a marker at `key` unless one is there: true for the one caller that wrote it. */
export async function claimOnce(key: string[], ttlSeconds: number): Promise<boolean> {
  try {
    await client.send(
      new PutItemCommand({
        TableName: table(),
        Item: { ...itemKey(key), expiry: { N: String(nowSeconds() + ttlSeconds) } },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

function counterOf(item: Record<string, { N?: string }> | undefined): Counter {
  const values: Record<string, number> = {};
  for (const [name, attribute] of Object.entries(item ?? {})) {
    if (attribute.N !== undefined && name !== "expiry") values[name] = Number(attribute.N);
  }
  return { count: values.count ?? 0, values };
}
