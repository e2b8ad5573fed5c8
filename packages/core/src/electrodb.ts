import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { StandardRetryStrategy } from "@smithy/core/retry";
import type { RetryStrategyV2, StandardRetryToken } from "@smithy/types";
import { Resource } from "sst";

/**
 * How long one DynamoDB call may take, retries included, before the caller gets a
 * 503 `unavailable`. The API promises an answer within 3 s whether DynamoDB is
 * dead, refusing or hung, and the same settings keep a Lambda far below its timeout.
 *
 * Worst case, hung (accepts connections, never answers, e.g. SIGSTOP):
 *   ATTEMPTS x REQUEST_TIMEOUT_MS + backoff = 2 x 1000 + at most 25 (the SDK's jitter
 *   for DynamoDB's first retry) = about 2.03 s.
 * Dead or refusing: connect fails at once (or after CONNECTION_TIMEOUT_MS when SYNs
 *   go unanswered, which REQUEST_TIMEOUT_MS covers too), so at most the same.
 * Throttled: the first answer is quick, the retry waits at most 1 s (the SDK's
 *   throttling backoff) and takes at most REQUEST_TIMEOUT_MS: about 2 s.
 * DynamoDB answers in single-digit milliseconds, so 1 s is a hundred times a normal
 * call, a cold connection with TLS included.
 */
export const DYNAMO_BUDGET = {
  ATTEMPTS: 2,
  /** From sending until the response headers; also covers connecting. */
  REQUEST_TIMEOUT_MS: 1_000,
  CONNECTION_TIMEOUT_MS: 500,
  /** Idle socket while the body streams in, so a stall after the headers ends too. */
  SOCKET_TIMEOUT_MS: 1_000,
} as const;

/**
 * The SDK's standard retries, except that a server's retry-after hint is ignored: the
 * SDK would honour one for up to 5 s longer than its own backoff, past the budget.
 */
function boundedRetries(maxAttempts: number): RetryStrategyV2 {
  // DynamoDB's own base delay in the SDK (its client default): 25 ms.
  const standard = new StandardRetryStrategy({ maxAttempts, baseDelay: 25 });
  // The tokens are the standard strategy's own: it issued them.
  return {
    acquireInitialRetryToken: (scope) => standard.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, info) =>
      standard.refreshRetryTokenForRetry(token as StandardRetryToken, {
        ...info,
        retryAfterHint: undefined,
      }),
    recordSuccess: (token) => standard.recordSuccess(token as StandardRetryToken),
  };
}

/**
 * One DynamoDB client per process (Lambda reuses it across invocations); the endpoint
 * comes from the environment (AWS_ENDPOINT_URL_DYNAMODB) locally. The request timeout
 * must throw: @smithy/node-http-handler 4.x only logs a warning without
 * `throwOnRequestTimeout`, and a frozen DynamoDB then holds the request for as long
 * as the freeze (a connection timeout does not help: the kernel still accepts).
 */
export const dynamoClient = new DynamoDBClient({
  maxAttempts: DYNAMO_BUDGET.ATTEMPTS,
  retryStrategy: boundedRetries(DYNAMO_BUDGET.ATTEMPTS),
  requestHandler: {
    connectionTimeout: DYNAMO_BUDGET.CONNECTION_TIMEOUT_MS,
    requestTimeout: DYNAMO_BUDGET.REQUEST_TIMEOUT_MS,
    socketTimeout: DYNAMO_BUDGET.SOCKET_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  },
});

/** ElectroDB's configuration, shared by every entity: the client and the linked table. */
export const entityConfig = { client: dynamoClient, table: Resource.Tasks.name };
