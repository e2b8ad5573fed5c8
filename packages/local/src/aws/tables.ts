import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { globalIndexes, keyFields, primaryIndex } from "@taskmanager/core/table";

/** The stream `infra/table.ts` declares ("new-and-old-images"), which the cleanup reads. */
const TASKS_STREAM = { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" } as const;

/** The task table, as `sst.config.ts` declares it, from the same definition. */
export function tasksTableInput(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    StreamSpecification: TASKS_STREAM,
    AttributeDefinitions: Object.keys(keyFields).map((field) => ({
      AttributeName: field,
      AttributeType: "S",
    })),
    KeySchema: [
      { AttributeName: primaryIndex.hashKey, KeyType: "HASH" },
      { AttributeName: primaryIndex.rangeKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: Object.entries(globalIndexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.hashKey, KeyType: "HASH" },
        { AttributeName: index.rangeKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}

/** OpenAuth's storage table, as `sst.aws.Auth` creates it (pk, sk, TTL on `expiry`). */
export function authTableInput(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      { AttributeName: "sk", AttributeType: "S" },
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
  };
}

/** Creates the table unless it exists already (a restart with kept data). */
export async function ensureTable(endpoint: string, input: CreateTableCommandInput, ttl?: string) {
  const client = new DynamoDBClient({ endpoint });
  try {
    await client.send(new CreateTableCommand(input));
    if (ttl) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: input.TableName,
          TimeToLiveSpecification: { AttributeName: ttl, Enabled: true },
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    client.destroy();
  }
}

/**
 * A task table kept in .local/ by older code gets what it lacks: the stream, then
 * each index added since (lists: gsi5-gsi9), one at a time as DynamoDB allows,
 * waiting for each to become active. (DynamoDB Local, like DynamoDB, keeps the
 * table's settings with its data.)
 */
export async function ensureTasksStream(endpoint: string, name: string) {
  const client = new DynamoDBClient({ endpoint });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (!Table?.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({ TableName: name, StreamSpecification: TASKS_STREAM }),
      );
    }
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const wanted = tasksTableInput(name);
    for (const index of wanted.GlobalSecondaryIndexes ?? []) {
      if (present.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: wanted.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
      await untilIndexActive(client, name, index.IndexName as string);
    }
  } finally {
    client.destroy();
  }
}

async function untilIndexActive(client: DynamoDBClient, table: string, index: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    const status = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index)?.IndexStatus;
    if (status === "ACTIVE") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Index ${index} of ${table} did not become active`);
}
