import { Logger } from "@aws-lambda-powertools/logger";
import type { UserSubject } from "@taskmanager/core/auth/schema";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import { countConflict } from "../metrics";
import type { RouteDefinition, RouteInput } from "../routes/definition";
import { authenticate, prefetchKeys } from "../token/verify";
import { toErrorResponse } from "./errors";
import { decide, type GrantOf } from "./grant";
import { parseRequest } from "./request";

export const logger = new Logger({ serviceName: "taskmanager-api" });

export interface Reply {
  status: number;
  body?: unknown;
}

/** A signed-in person's request, as its route declares it, and what they may do. */
export interface AuthedInput<R> extends RouteInput<R> {
  user: UserSubject;
  /** The edge's access decision (http/grant.ts), from the route's `role`. */
  grant: GrantOf<R>;
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

/**
 * The handler of `definition`, a route for a signed-in person: the bearer token is
 * verified, then the request is parsed as the route declares it, before `run`.
 */
export function authedRoute<R extends RouteDefinition>(
  definition: R,
  run: (input: AuthedInput<R>) => Promise<Reply>,
): LambdaHandler {
  // Made while the function initialises: fetch the issuer's keys now, not on the first request.
  prefetchKeys();
  return route(async (event) => {
    const user = await authenticate(event.headers.authorization);
    logger.appendKeys({ userId: user.userId });
    const input = parseRequest(definition, event);
    return run({ ...input, user, grant: await decide(definition, input, user) });
  });
}

/** The handler of a route anyone may call, its request parsed as the route declares it. */
export function publicRoute<R extends RouteDefinition>(
  definition: R,
  run: (input: RouteInput<R>) => Promise<Reply>,
): LambdaHandler {
  return route(async (event) => run(parseRequest(definition, event)));
}
