/**
 * What Lambda's event source mapping does for a DynamoDB stream, on this machine:
 * reads DynamoDB Local's stream (it implements the Streams API), keeps the records
 * the subscriber's filter accepts, and invokes the same handler file with the
 * event shape Lambda gives it. A reported failure is retried from the failed
 * record; after the retries it is logged as a dead letter and skipped.
 */
import { randomUUID } from "node:crypto";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { lambdaContext, loadHandler } from "./lambda-handlers";
import { type FilterPattern, matchesFilter } from "./stream-filter";

export interface StreamPoller {
  stop(): Promise<void>;
}

export interface StreamPollerOptions {
  endpoint: string;
  table: string;
  /** SST handler reference of the subscriber. */
  handler: string;
  filter: FilterPattern;
  /** How often an idle shard is read again. */
  intervalMs?: number;
  /** Retries of a failing record before it is dead-lettered. */
  maxRetries?: number;
  batchSize?: number;
  /** Whether a removed item was deleted by TTL (see ttl-sweeper.ts). */
  removedByTtl?: (keys: Record<string, { S?: string }> | undefined) => boolean;
}

/** The identity AWS puts on the stream record of an item its TTL deleted. */
export const TTL_IDENTITY = { Type: "Service", PrincipalId: "dynamodb.amazonaws.com" };

/** The record as Lambda hands it over (dates as epoch seconds, the stream's ARN added). */
export function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...change } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: record.awsRegion ?? "us-east-1",
    eventSourceARN: streamArn,
    ...(record.userIdentity
      ? {
          userIdentity: {
            type: record.userIdentity.Type,
            principalId: record.userIdentity.PrincipalId,
          },
        }
      : {}),
    dynamodb: {
      ...(change as DynamoDBRecord["dynamodb"]),
      ...(ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
    },
  };
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const intervalMs = options.intervalMs ?? 200;
  const maxRetries = options.maxRetries ?? 3;
  const batchSize = options.batchSize ?? 100;
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint });
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.table }));
  dynamo.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`The table ${options.table} has no stream`);
  const handler = await loadHandler(options.handler);

  let stopped = false;
  /** Each open shard's next iterator; a closed shard drops out. */
  const iterators = new Map<string, string>();
  const finished = new Set<string>();
  /** Records read but not yet handled, per shard, in order. */
  const backlog = new Map<string, DynamoDBRecord[]>();
  /** The last sequence number read from each shard: a re-read shard skips up to it. */
  const lastRead = new Map<string, bigint>();

  async function discoverShards() {
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId;
      if (!id || iterators.has(id) || finished.has(id)) continue;
      // From the oldest record kept, as the deployed mapping starts (TRIM_HORIZON):
      // a replay after a restart is harmless, the subscriber being idempotent.
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: id,
          ShardIteratorType: "TRIM_HORIZON",
        }),
      );
      if (ShardIterator) iterators.set(id, ShardIterator);
    }
  }

  async function invoke(records: DynamoDBRecord[]): Promise<number> {
    const event: DynamoDBStreamEvent = { Records: records };
    try {
      const result = (await handler(event, lambdaContext("stream-subscriber", randomUUID()))) as
        | DynamoDBBatchResponse
        | undefined;
      const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
      if (!failed) return records.length;
      const index = records.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
      return Math.max(index, 0);
    } catch (error) {
      console.error("[stream] the subscriber threw:", (error as Error).message);
      return 0;
    }
  }

  /** Hands a shard's backlog to the subscriber, retrying from a failed record. */
  async function deliver(shardId: string) {
    const records = backlog.get(shardId) ?? [];
    let failures = 0;
    while (records.length > 0 && !stopped) {
      const batch = records.slice(0, batchSize);
      const handled = await invoke(batch);
      if (handled === batch.length) {
        records.splice(0, handled);
        failures = 0;
        continue;
      }
      records.splice(0, handled);
      failures = handled > 0 ? 1 : failures + 1;
      if (failures > maxRetries) {
        const dead = records.shift();
        console.error(`[stream] dead letter: record ${dead?.eventID} failed ${failures} times`);
        failures = 0;
        continue;
      }
      await new Promise((done) => setTimeout(done, intervalMs * 2 ** failures));
    }
  }

  /**
   * DynamoDB Local sometimes answers an idle shard's iterator with "read past the
   * oldest stream record" (TrimmedDataAccessException); the shard is then read
   * again from its start, skipping what was already read.
   */
  async function readShard(shardId: string, iterator: string) {
    let page: GetRecordsCommandOutput;
    try {
      page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    } catch (error) {
      const name = (error as Error).name;
      if (name !== "TrimmedDataAccessException" && name !== "ExpiredIteratorException") throw error;
      iterators.delete(shardId);
      return;
    }
    if (page.NextShardIterator) iterators.set(shardId, page.NextShardIterator);
    else {
      iterators.delete(shardId);
      finished.add(shardId);
    }
    const seen = lastRead.get(shardId) ?? -1n;
    const fresh = (page.Records ?? []).filter(
      (record) => BigInt(record.dynamodb?.SequenceNumber ?? "0") > seen,
    );
    const last = fresh.at(-1)?.dynamodb?.SequenceNumber;
    if (last) lastRead.set(shardId, BigInt(last));
    const accepted = fresh
      .map((record) =>
        record.eventName === "REMOVE" && options.removedByTtl?.(record.dynamodb?.Keys)
          ? { ...record, userIdentity: TTL_IDENTITY }
          : record,
      )
      .map((record) => toLambdaRecord(record, streamArn as string))
      .filter((record) => matchesFilter(options.filter, record));
    if (accepted.length > 0) {
      backlog.set(shardId, [...(backlog.get(shardId) ?? []), ...accepted]);
      await deliver(shardId);
    }
  }

  async function pollOnce() {
    await discoverShards();
    for (const [shardId, iterator] of [...iterators]) await readShard(shardId, iterator);
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await pollOnce();
      } catch (error) {
        if (!stopped)
          console.error("[stream] reading the stream failed:", (error as Error).message);
      }
      await new Promise((done) => setTimeout(done, intervalMs));
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      await loop;
      streams.destroy();
    },
  };
}
