import { Logger } from "@aws-lambda-powertools/logger";
import type { UserSubject } from "@taskmanager/core/auth/schema";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { authenticate } from "../auth/verify";
import { toErrorResponse } from "./errors";

export const logger = new Logger({ serviceName: "taskmanager-api" });

export interface RouteInput {
  event: APIGatewayProxyEventV2;
  user: UserSubject;
}

export interface Reply {
  status: number;
  body?: unknown;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/**
 * Wraps a route: authenticates the caller, runs the route, and maps any error to
 * the envelope. Logs method, route, status and duration only: never bodies or tokens.
 */
export function authedRoute(run: (input: RouteInput) => Promise<Reply>) {
  return async (
    event: APIGatewayProxyEventV2,
    context?: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = performance.now();
    if (context) logger.addContext(context);
    let reply: Reply;
    try {
      const user = await authenticate(event.headers.authorization);
      reply = await run({ event, user });
    } catch (error) {
      const failure = toErrorResponse(error);
      if (failure.status >= 500) logger.error("request failed", { error: error as Error });
      reply = failure;
    }
    logger.info("request", {
      route: event.routeKey,
      status: reply.status,
      ms: Math.round(performance.now() - started),
    });
    return reply.body === undefined
      ? { statusCode: reply.status }
      : { statusCode: reply.status, headers: JSON_HEADERS, body: JSON.stringify(reply.body) };
  };
}
