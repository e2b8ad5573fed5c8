/**
 * DynamoDB's Time to Live, which DynamoDB Local accepts but never carries out:
 * items whose TTL attribute (epoch seconds) has passed are deleted in the
 * background, and their stream records say so as AWS's do (the service's
 * identity), so the subscriber tells an expiry from a request. A Scan is right
 * here: this stands in for DynamoDB's own sweep and serves no request.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  paginateScan,
} from "@aws-sdk/client-dynamodb";
import { primaryIndex } from "@taskmanager/core/table";

/**
 * Once a minute unless told otherwise (the tests sweep every second). DynamoDB itself
 * deletes expired items within days, at no cost to the table; here each sweep is a Scan
 * of the whole table, which DynamoDB Local serves with the same threads as every
 * request, so sweeping often slows everything down once the table is large.
 */
const DEFAULT_SWEEP_MS = 60_000;

export interface TtlSweeper {
  /** Whether the item with these keys was deleted by expiry (asked once per stream record). */
  takeExpired(keys: Record<string, { S?: string }> | undefined): boolean;
  stop(): Promise<void>;
}

export function startTtlSweeper(options: {
  endpoint: string;
  table: string;
  attribute: string;
  intervalMs?: number;
}): TtlSweeper {
  const client = new DynamoDBClient({ endpoint: options.endpoint });
  const expired = new Set<string>();
  const idOf = (keys: Record<string, { S?: string }> | undefined) =>
    `${keys?.[primaryIndex.hashKey]?.S}\u0000${keys?.[primaryIndex.rangeKey]?.S}`;
  const due = () => ({
    ExpressionAttributeNames: { "#ttl": options.attribute },
    ExpressionAttributeValues: { ":now": { N: String(Math.floor(Date.now() / 1000)) } },
  });

  async function sweep() {
    const pages = paginateScan(
      { client },
      {
        TableName: options.table,
        FilterExpression: "#ttl < :now",
        ProjectionExpression: `${primaryIndex.hashKey}, ${primaryIndex.rangeKey}`,
        ...due(),
      },
    );
    for await (const page of pages) {
      for (const key of page.Items ?? []) {
        expired.add(idOf(key));
        try {
          // Only if still due: a record completed meanwhile has lost its TTL.
          await client.send(
            new DeleteItemCommand({
              TableName: options.table,
              Key: key,
              ConditionExpression: "#ttl < :now",
              ...due(),
            }),
          );
        } catch (error) {
          expired.delete(idOf(key));
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    }
  }

  let stopped = false;
  let wake = () => {};
  const loop = (async () => {
    while (!stopped) {
      try {
        await sweep();
      } catch (error) {
        if (!stopped) console.error("[ttl] sweeping failed:", (error as Error).message);
      }
      await new Promise<void>((done) => {
        const timer = setTimeout(done, options.intervalMs ?? DEFAULT_SWEEP_MS);
        wake = () => {
          clearTimeout(timer);
          done();
        };
      });
    }
  })();

  return {
    takeExpired: (keys) => expired.delete(idOf(keys)),
    stop: async () => {
      stopped = true;
      wake();
      await loop;
      client.destroy();
    },
  };
}
