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
 * A task table kept in .local/ from before it had a stream gets one (DynamoDB
 * Local, like DynamoDB, keeps the table's settings with its data).
 */
export async function ensureTasksStream(endpoint: string, name: string) {
  const client = new DynamoDBClient({ endpoint });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.StreamSpecification?.StreamEnabled) return;
    await client.send(
      new UpdateTableCommand({ TableName: name, StreamSpecification: TASKS_STREAM }),
    );
  } finally {
    client.destroy();
  }
}
