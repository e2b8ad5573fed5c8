/**
 * A Lambda Function URL on this machine, for a streaming handler: each request
 * becomes the URL's event (payload 2.0) and Node's response is the handler's
 * response stream (see aws/lambda-streaming.ts), so bytes leave as the handler writes
 * them. CORS is the Function URL's: preflight is answered here, never by the
 * handler, and the allowed origin is added to every response.
 */
import type { Server } from "node:http";
import type { Context, StreamifyHandler } from "aws-lambda";
import { lambdaContext, loadExport } from "../aws/lambda-handlers";
import { installLambdaStreaming, isStreamingHandler } from "../aws/lambda-streaming";
import { toApiGatewayEvent } from "./apigw-event";
import { createServer, readBody, sendJson } from "./http-server";

export interface FunctionUrlCors {
  allowOrigins: readonly string[];
  allowMethods: readonly string[];
  allowHeaders: readonly string[];
  exposeHeaders?: readonly string[];
  maxAge?: number;
}

type StreamingHandler = StreamifyHandler<
  // biome-ignore lint/suspicious/noExplicitAny: the event type is the handler's business
  any,
  unknown
>;

export function createFunctionUrlServer(options: {
  /** An SST handler reference, or the handler itself (tests inject one). */
  handler: string | StreamingHandler;
  name: string;
  cors: FunctionUrlCors;
}): Server {
  installLambdaStreaming();
  let loaded: Promise<StreamingHandler> | undefined;
  const handlerOf = () => {
    const { handler } = options;
    loaded ??= (typeof handler === "string" ? loadExport(handler) : Promise.resolve(handler)).then(
      (value) => {
        if (!isStreamingHandler(value))
          throw new Error(`${options.name} is not a streaming handler`);
        return value as StreamingHandler;
      },
    );
    return loaded;
  };
  const { cors } = options;

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const method = req.method ?? "GET";
    const origin = req.headers.origin;
    const allowed = origin !== undefined && cors.allowOrigins.includes(origin);
    if (allowed) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("vary", "Origin");
    }

    if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res
        .writeHead(
          200,
          allowed
            ? {
                "access-control-allow-methods": cors.allowMethods.join(","),
                "access-control-allow-headers": cors.allowHeaders.join(","),
                ...(cors.maxAge ? { "access-control-max-age": String(cors.maxAge) } : {}),
              }
            : {},
        )
        .end();
      return;
    }
    if (allowed && cors.exposeHeaders?.length) {
      res.setHeader("access-control-expose-headers", cors.exposeHeaders.join(","));
    }

    const body = await readBody(req, 6 * 1024 * 1024);
    const event = toApiGatewayEvent(
      { method, url, headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? "" },
      { routeKey: "$default", pathParameters: undefined },
    );
    const handler = await handlerOf();
    try {
      // The shim's `HttpResponseStream.from` hands this very response back to the handler.
      const stream = res as unknown as awslambda.HttpResponseStream;
      const context = lambdaContext(options.name, event.requestContext.requestId) as Context;
      await handler(event, stream, context);
      if (!res.writableEnded) res.end();
    } catch (error) {
      console.error(
        `[${options.name}] ${method} ${url.pathname} failed:`,
        (error as Error).message,
      );
      // What a Function URL answers when the function fails before streaming; after, it cuts the stream.
      if (!res.headersSent) sendJson(res, 502, { message: "Internal Server Error" });
      else res.destroy();
    }
  });
}
