/**
 * When DynamoDB cannot be reached the API answers 503 `unavailable` with the
 * envelope, never a 500 or a hang. This file points the AWS SDK at a closed port
 * before the handler module (and its client) is loaded.
 */

import { signUp } from "@taskmanager/local/clients/sign-in";
import { freePort } from "@taskmanager/local/stack/ports";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterAll, expect, inject, test } from "vitest";

const savedEndpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
afterAll(() => {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = savedEndpoint;
});

test("a request while DynamoDB is unreachable is a 503 with the envelope", async () => {
  const stack = inject("stack");
  const tokens = await signUp(stack, `down-${Date.now()}@example.com`, "correct-horse-battery");

  process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${await freePort()}`;
  process.env.SST_RESOURCE_Auth = JSON.stringify({ url: stack.auth, type: "sst.sst.Linkable" });
  const { handler } = await import("../../src/tasks/list");

  const event = {
    version: "2.0",
    routeKey: "GET /tasks",
    rawPath: "/tasks",
    rawQueryString: "",
    headers: { authorization: `Bearer ${tokens.access}` },
    requestContext: { http: { method: "GET", path: "/tasks" } },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const result = (await handler(event)) as APIGatewayProxyStructuredResultV2;

  expect(result.statusCode).toBe(503);
  expect(JSON.parse(result.body ?? "")).toEqual({
    error: { code: "unavailable", message: expect.any(String) },
  });
});
