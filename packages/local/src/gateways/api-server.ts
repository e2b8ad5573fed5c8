/**
 * API Gateway (HTTP API) on this machine: the route table's routes, each served by
 * its own handler with the 2.0 event, plus API Gateway's CORS behaviour.
 */
import type { Server } from "node:http";
import { apiCors, type RouteDefinition } from "@taskmanager/functions/routes";
import { type LambdaHandler, lambdaContext, loadHandler } from "../aws/lambda-handlers";
import { fromLambdaResult, matchPath, toApiGatewayEvent } from "./apigw-event";
import {
  BodyTooLargeError,
  createServer,
  readBody,
  requestUrl,
  sendBadRequest,
  sendJson,
} from "./http-server";

export function createApiServer(options: {
  routes: readonly RouteDefinition[];
  allowOrigins: readonly string[];
}): Server {
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const handlerFor = (route: RouteDefinition) => {
    let handler = handlers.get(route.handler);
    if (!handler) {
      handler = loadHandler(route.handler);
      handlers.set(route.handler, handler);
    }
    return handler;
  };

  return createServer(async (req, res) => {
    // A request API Gateway cannot parse never reaches a route (nor becomes a 500).
    const url = requestUrl(req);
    if (!url) {
      sendBadRequest(res);
      return;
    }
    const method = req.method ?? "GET";
    const origin = req.headers.origin;
    const corsHeaders: Record<string, string> =
      origin && options.allowOrigins.includes(origin)
        ? { "access-control-allow-origin": origin, vary: "Origin" }
        : {};

    const candidates = options.routes
      .map((route) => ({ route, params: matchPath(route.path, url.pathname) }))
      .filter((candidate) => candidate.params !== null);

    if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
      // API Gateway answers preflight itself when CORS is configured.
      res
        .writeHead(204, {
          ...corsHeaders,
          ...(corsHeaders["access-control-allow-origin"]
            ? {
                "access-control-allow-methods": apiCors.allowMethods.join(","),
                "access-control-allow-headers": apiCors.allowHeaders.join(","),
                "access-control-max-age": String(apiCors.maxAge),
              }
            : {}),
        })
        .end();
      return;
    }

    const found = candidates.find((candidate) => candidate.route.method === method);
    if (!found) {
      res.writeHead(404, { ...corsHeaders, "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Not Found" }));
      return;
    }
    try {
      const body = await readBody(req);
      const routeKey = `${found.route.method} ${found.route.path}`;
      const event = toApiGatewayEvent(
        { method, url, headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? "" },
        {
          routeKey,
          pathParameters:
            found.params && Object.keys(found.params).length ? found.params : undefined,
        },
      );
      const handler = await handlerFor(found.route);
      const functionName = found.route.handler.split("/").slice(-2).join("-").replace(/\W/g, "-");
      const context = lambdaContext(functionName, event.requestContext.requestId);
      const result = fromLambdaResult(await handler(event, context));
      res.writeHead(result.status, { ...result.headers, ...corsHeaders }).end(result.body);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { message: "Request Entity Too Large" });
        return;
      }
      // What API Gateway returns when the integration fails.
      console.error(`[api] ${method} ${url.pathname} failed:`, (error as Error).message);
      sendJson(res, 500, { message: "Internal Server Error" });
    }
  });
}
