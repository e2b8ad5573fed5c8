import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Resource } from "sst";

/**
 * One client per process (Lambda reuses it across invocations). Short timeouts so
 * an unreachable DynamoDB becomes a quick 503 instead of a Lambda timeout; the
 * endpoint comes from the environment (AWS_ENDPOINT_URL_DYNAMODB) when run locally.
 */
export const client = new DynamoDBClient({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
});

/** ElectroDB configuration shared by every entity: the linked table. */
export const dynamo = { client, table: Resource.Tasks.name };
