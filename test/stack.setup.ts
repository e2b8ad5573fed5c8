/** Lets tests that call core or handlers in-process reach the run's local stack. */
import { localResources, resourceEnvironment } from "@taskmanager/local/stack/resources";
import { inject } from "vitest";

const stack = inject("stack");
Object.assign(process.env, {
  AWS_REGION: "us-east-1",
  // s3rver's credentials (DynamoDB Local takes any).
  AWS_ACCESS_KEY_ID: "S3RVER",
  AWS_SECRET_ACCESS_KEY: "S3RVER",
  AWS_ENDPOINT_URL_DYNAMODB: stack.dynamo,
  AWS_ENDPOINT_URL_S3: stack.s3,
  ...resourceEnvironment(
    localResources({
      tasksTable: stack.tasksTable,
      authTable: stack.authTable,
      attachmentsBucket: stack.attachmentsBucket,
      authUrl: stack.auth,
      webOrigins: stack.webOrigins,
    }),
  ),
});
