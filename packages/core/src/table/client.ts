import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Resource } from "sst";
import { budgetedRetries } from "./retry-budget";

/**
 * How long one DynamoDB call may take, retries included, before the caller gets a
 * 503 `unavailable`. The API promises an answer within 3 s whether DynamoDB is dead,
 * refusing or hung; the same settings keep a Lambda (SST's default timeout: 20 s)
 * far below its timeout.
 *
 * - Hung (accepts connections, never answers: SIGSTOP): one attempt times out after
 *   REQUEST_TIMEOUT_MS (2 s). No retry: another 2 s attempt would not fit the budget.
 * - Dead or refusing: connecting fails at once, so the SDK retries (up to ATTEMPTS)
 *   while a whole attempt still fits: at most BUDGET_MS (2.5 s) in all. Unanswered
 *   SYNs end after CONNECTION_TIMEOUT_MS, then likewise.
 * - Throttled or a 5xx: the same fast-failure rule, with at most MAX_BACKOFF_MS
 *   between attempts (the SDK's own throttling backoff starts at 1 s).
 * So the worst case is BUDGET_MS = at most attempts x timeout + backoff that fit:
 * 2 s for a hung DynamoDB, 2.5 s otherwise; the edge adds milliseconds.
 * DynamoDB answers in single-digit milliseconds, so 2 s per attempt is generous
 * even for a cold connection; DynamoDB Local, which serialises writes, needs it under
 * a burst of 50 concurrent updates on a busy 2-core machine.
 */
export const DYNAMO_TIME = {
  BUDGET_MS: 2_500,
  ATTEMPTS: 3,
  /** From sending until the response headers; covers connecting too. */
  REQUEST_TIMEOUT_MS: 2_000,
  CONNECTION_TIMEOUT_MS: 500,
  /** Idle socket while the body streams in, so a stall after the headers ends too. */
  SOCKET_TIMEOUT_MS: 2_000,
  MAX_BACKOFF_MS: 100,
} as const;

/**
 * One DynamoDB client per process (Lambda reuses it across invocations); the endpoint
 * comes from the environment (AWS_ENDPOINT_URL_DYNAMODB) locally. The request timeout
 * must throw: @smithy/node-http-handler 4.x only logs a warning without
 * `throwOnRequestTimeout`, and a frozen DynamoDB then holds the request for as long
 * as the freeze (a connection timeout does not help: the kernel still accepts).
 */
export const dynamoClient = new DynamoDBClient({
  maxAttempts: DYNAMO_TIME.ATTEMPTS,
  retryStrategy: budgetedRetries({
    maxAttempts: DYNAMO_TIME.ATTEMPTS,
    budgetMs: DYNAMO_TIME.BUDGET_MS,
    attemptMs: DYNAMO_TIME.REQUEST_TIMEOUT_MS,
    maxBackoffMs: DYNAMO_TIME.MAX_BACKOFF_MS,
  }),
  requestHandler: {
    connectionTimeout: DYNAMO_TIME.CONNECTION_TIMEOUT_MS,
    requestTimeout: DYNAMO_TIME.REQUEST_TIMEOUT_MS,
    socketTimeout: DYNAMO_TIME.SOCKET_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  },
});

/** ElectroDB's configuration, shared by every entity: the client and the linked table. */
export const entityConfig = { client: dynamoClient, table: Resource.Tasks.name };
