import { Logger } from "@aws-lambda-powertools/logger";
import type { UserSubject } from "@taskmanager/core/auth/schema";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { countConflict } from "../metrics";
import { authenticate, prefetchKeys } from "../token/verify";
import { toErrorResponse } from "./errors";

export const logger = new Logger({ serviceName: "taskmanager-api" });

export interface Reply {
  status: number;
  body?: unknown;
}

export interface AuthedInput {
  event: APIGatewayProxyEventV2;
  user: UserSubject;
}

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/**
 * Runs a route and maps any error to the envelope. Each log line is one JSON
 * object carrying the API Gateway request id (and, once verified, the user id);
 * it logs route, status and duration only: never bodies, headers or tokens.
 */
function route(run: (event: APIGatewayProxyEventV2) => Promise<Reply>): LambdaHandler {
  return async (event, context) => {
    const started = performance.now();
    // Keys of the previous invocation on this warm instance must not leak into this one.
    logger.resetKeys();
    if (context) logger.addContext(context);
    logger.appendKeys({ requestId: event.requestContext?.requestId, route: event.routeKey });
    let reply: Reply;
    try {
      reply = await run(event);
    } catch (error) {
      const failure = toErrorResponse(error);
      if (failure.status >= 500) logger.error("request failed", { error: error as Error });
      if (failure.body.error.code === "conflict") countConflict();
      reply = failure;
    }
    logger.info("request", {
      status: reply.status,
      ms: Math.round(performance.now() - started),
    });
    return reply.body === undefined
      ? { statusCode: reply.status }
      : { statusCode: reply.status, headers: JSON_HEADERS, body: JSON.stringify(reply.body) };
  };
}

/** A route for a signed-in person: the bearer token is verified before `run`. */
export function authedRoute(run: (input: AuthedInput) => Promise<Reply>): LambdaHandler {
  // Made while the function initialises: fetch the issuer's keys now, not on the first request.
  prefetchKeys();
  return route(async (event) => {
    const user = await authenticate(event.headers.authorization);
    logger.appendKeys({ userId: user.userId });
    return run({ event, user });
  });
}

/** A route anyone may call. */
export function publicRoute(run: (event: APIGatewayProxyEventV2) => Promise<Reply>): LambdaHandler {
  return route(run);
}
