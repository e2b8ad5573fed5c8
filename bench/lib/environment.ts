import { localResources, resourceEnvironment } from "@taskmanager/local/resources";
import type { Stack } from "@taskmanager/local/stack";

/**
 * What a handler running outside the stack's process needs to reach it: the AWS
 * SDK's local settings and the same `Resource` values the stack gives its own.
 */
export function handlerEnvironment(stack: Stack, webOrigins: readonly string[] = []) {
  return {
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: stack.urls.dynamo,
    AWS_ENDPOINT_URL_SESV2: stack.urls.mail,
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
