/** Lets tests that call core or handlers in-process reach the run's local stack. */
import { localResources, resourceEnvironment } from "@taskmanager/local/resources";
import { inject } from "vitest";

const stack = inject("stack");
Object.assign(process.env, {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "local",
  AWS_SECRET_ACCESS_KEY: "local",
  AWS_ENDPOINT_URL_DYNAMODB: stack.dynamo,
  ...resourceEnvironment(
    localResources({
      tasksTable: stack.tasksTable,
      authTable: stack.authTable,
      authUrl: stack.auth,
      webOrigins: stack.webOrigins,
    }),
  ),
});
