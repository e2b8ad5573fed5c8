/**
 * The stream subscriber's timeout (infra/constants.ts, CLEANUP_SIZING) is computed
 * from the S3 and DynamoDB clients' limits: if a client's attempts or timeouts
 * change, the sizing must change with them.
 */
import { expect, test } from "vitest";
import { CLEANUP_SIZING } from "../../../infra/constants";
import { S3_TIME } from "../src/attachment/storage";
import { DYNAMO_TIME } from "../src/table/client";

/** The SDK's backoff before the second and third attempts when throttled (at most 1 s, 2 s). */
const THROTTLING_BACKOFF_MS = [1_000, 2_000];

test("one DeleteObject's worst case is the S3 client's attempts, timeouts and throttling backoff", () => {
  expect(S3_TIME.ATTEMPTS).toBe(THROTTLING_BACKOFF_MS.length + 1);
  expect(CLEANUP_SIZING.s3DeleteMs).toBe(
    S3_TIME.ATTEMPTS * S3_TIME.REQUEST_TIMEOUT_MS +
      THROTTLING_BACKOFF_MS.reduce((sum, ms) => sum + ms, 0),
  );
});

test("the purge's two DynamoDB calls each take at most the client's budget", () => {
  expect(CLEANUP_SIZING.dynamoMs).toBe(2 * DYNAMO_TIME.BUDGET_MS);
});
