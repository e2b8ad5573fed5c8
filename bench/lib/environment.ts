import { LOCAL_CREDENTIALS } from "@taskmanager/local/aws/s3-local";
import { localResources, resourceEnvironment } from "@taskmanager/local/stack/resources";
import type { Stack } from "@taskmanager/local/stack/stack";

/**
 * What a handler running outside the stack's process needs to reach it: the AWS
 * SDK's local settings and the same `Resource` values the stack gives its own.
 */
export function handlerEnvironment(stack: Stack, webOrigins: readonly string[] = []) {
  return {
    AWS_REGION: "us-east-1",
    // The local S3 server checks the key; DynamoDB Local takes any.
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: stack.urls.dynamo,
    AWS_ENDPOINT_URL_SESV2: stack.urls.mail,
    AWS_ENDPOINT_URL_S3: stack.urls.s3,
    ...resourceEnvironment(
      localResources({
        tasksTable: stack.tables.tasks,
        authTable: stack.tables.auth,
        attachmentsBucket: stack.bucket,
        authUrl: stack.urls.auth,
        webOrigins,
      }),
    ),
  };
}

/**
 * How often a bench's stack sweeps expired items: every 30 minutes, so never during a
 * run (no bench expires anything). Each sweep is a Scan of the whole table, which
 * DynamoDB Local serves with the same threads as every Query; AWS's TTL costs the table
 * nothing. At 5 s, a 100,000-task table was being scanned all the time.
 */
export const BENCH_TTL_SWEEP_MS = 30 * 60_000;
