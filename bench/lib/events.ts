/** API Gateway v2 events for calling a handler directly, built as the local gateway builds them. */

import { lambdaContext } from "@taskmanager/local/aws/lambda-handlers";
import { toApiGatewayEvent } from "@taskmanager/local/gateways/apigw-event";
import type { APIGatewayProxyEventV2 } from "aws-lambda";

export function apiEvent(options: {
  method: string;
  routeKey: string;
  path: string;
  authorization?: string;
  pathParameters?: Record<string, string>;
  body?: unknown;
}): APIGatewayProxyEventV2 {
  const body = options.body === undefined ? "" : JSON.stringify(options.body);
  return toApiGatewayEvent(
    {
      method: options.method,
      url: new URL(options.path, "http://127.0.0.1:3000"),
      headers: {
        host: "127.0.0.1:3000",
        "content-type": "application/json",
        ...(options.authorization ? { authorization: options.authorization } : {}),
      },
      body: Buffer.from(body),
      sourceIp: "127.0.0.1",
    },
    { routeKey: options.routeKey, pathParameters: options.pathParameters },
  );
}

export const benchContext = (name: string) => lambdaContext(name, "bench-request");

/**
 * Drops the handlers' request log lines (Powertools' JSON lines, the issuer's Hono
 * request lines) so
 * the benchmark's own tables stay readable; the logger still formats every line.
 */
export function muteHandlerLogs(): void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    typeof chunk === "string" && /^(\{"level"|<-- |--> )/.test(chunk)
      ? true
      : write(chunk, ...rest)) as typeof process.stdout.write;
}
