/**
 * The issuer's DynamoDB storage: OpenAuth's storage interface (same item layout as
 * its DynamoStorage: `pk`, `sk`, `value`, TTL in `expiry`) plus atomic counters
 * for the attempt limits. Our own adapter because OpenAuth 0.4.3's `scan` returns
 * already-joined keys that its `remove` cannot delete, so revoking a refresh-token
 * family deleted nothing; and because its client has no timeouts.
 */
import { AsyncLocalStorage } from "node:async_hooks";
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
import { toVisibleError } from "../http/errors";

/**
 * Within the API's promise (an answer within 3 s whatever DynamoDB does): killed or
 * refusing, both attempts fail at once; frozen, each gives up after 1.2 s. DynamoDB
 * answers in milliseconds, so that is still a hundred times its usual time.
 */
const client = new DynamoDBClient({
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 500, requestTimeout: 1_200, throwOnRequestTimeout: true },
});

/**
 * Per request (issuer.ts runs each one inside it): the storage failure that made
 * DynamoDB unreachable, hung or throttled while answering it, if any. OpenAuth maps
 * every error its routes throw to a 400 page or an error redirect, so the issuer
 * learns of an outage here rather than from the error.
 */
export const storageOutage = new AsyncLocalStorage<{ error?: unknown }>();

/** Passes `call` through, noting an outage on the way (not a refusal such as a failed condition). */
function guard<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    const scope = storageOutage.getStore();
    if (scope && toVisibleError(error).code === "unavailable") scope.error ??= error;
    throw error;
  });
}

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
    const { Item } = await guard(
      client.send(
        new GetItemCommand({ TableName: table(), Key: itemKey(key), ConsistentRead: true }),
      ),
    );
    if (!Item?.value?.S || !isLive(Item.expiry)) return undefined;
    return JSON.parse(Item.value.S);
  },
  async set(key, value, expiry) {
    await guard(
      client.send(
        new PutItemCommand({
          TableName: table(),
          Item: {
            ...itemKey(key),
            value: { S: JSON.stringify(value) },
            ...(expiry ? { expiry: { N: String(Math.floor(expiry.getTime() / 1000)) } } : {}),
          },
        }),
      ),
    );
  },
  async remove(key) {
    await guard(client.send(new DeleteItemCommand({ TableName: table(), Key: itemKey(key) })));
  },
  async *scan(prefix) {
    // A prefix's first two parts are the partition, the rest a prefix of the sort key.
    const pk = { S: prefix.length >= 2 ? joinKey(prefix.slice(0, 2)) : (prefix[0] ?? "") };
    const sk = { S: joinKey(prefix.slice(2)) };
    let start: Record<string, never> | undefined;
    do {
      const page = await guard(
        client.send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: sk.S ? "pk = :pk AND begins_with(sk, :sk)" : "pk = :pk",
            ExpressionAttributeValues: { ":pk": pk, ...(sk.S ? { ":sk": sk } : {}) },
            ExclusiveStartKey: start,
          }),
        ),
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
  const { Attributes } = await guard(
    client.send(
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
    ),
  );
  return counterOf(Attributes);
}

/** Reads a counter (or other numbers) kept by `increment`/`setNumbers`; absent or expired is empty. */
export async function readCounter(key: string[]): Promise<Counter> {
  const { Item } = await guard(
    client.send(
      new GetItemCommand({ TableName: table(), Key: itemKey(key), ConsistentRead: true }),
    ),
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
  await guard(
    client.send(
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
    ),
  );
}

/** Writes a marker at `key` unless one is there: true for the one caller that wrote it. */
export async function claimOnce(key: string[], ttlSeconds: number): Promise<boolean> {
  try {
    await guard(
      client.send(
        new PutItemCommand({
          TableName: table(),
          Item: { ...itemKey(key), expiry: { N: String(nowSeconds() + ttlSeconds) } },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
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
