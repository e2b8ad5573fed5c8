import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Resource } from "sst";

/**
 * One DynamoDB client per process (Lambda reuses it across invocations). Short
 * timeouts so an unreachable DynamoDB becomes a quick 503 instead of a Lambda
 * timeout; the endpoint comes from the environment (AWS_ENDPOINT_URL_DYNAMODB) locally.
 */
export const dynamoClient = new DynamoDBClient({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
});

/** ElectroDB's configuration, shared by every entity: the client and the linked table. */
export const entityConfig = { client: dynamoClient, table: Resource.Tasks.name };
