/** Lets tests that call core directly reach the run's DynamoDB Local table. */
import { inject } from "vitest";

const stack = inject("stack");
Object.assign(process.env, {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "local",
  AWS_SECRET_ACCESS_KEY: "local",
  AWS_ENDPOINT_URL_DYNAMODB: stack.dynamo,
  SST_RESOURCE_Tasks: JSON.stringify({ name: stack.tasksTable, type: "sst.aws.Dynamo" }),
});
