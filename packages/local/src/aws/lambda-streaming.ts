/**
 * The Lambda runtime's `awslambda` global, for running streaming handlers on this
 * machine: `HttpResponseStream.from` sends the status and headers on Node's own
 * `http.ServerResponse` and hands it back, so every `write` goes straight to the
 * socket, chunk by chunk, with the socket's own backpressure. (Packages that
 * emulate this locally collect the whole body first, which hides whether a handler
 * really streams.) Install it before importing a handler: the handler module calls
 * `awslambda.streamifyResponse` when it loads.
 */
import type { ServerResponse } from "node:http";
import type { Writable } from "node:stream";

/** The mark the Lambda runtime looks for on a streaming handler. */
const STREAMING = Symbol.for("aws.lambda.runtime.handler.streaming");

interface Metadata {
  statusCode?: number;
  headers?: Record<string, string>;
}

export function installLambdaStreaming() {
  // Not "if absent": the AWS SDK's invoke store already sets `globalThis.awslambda = {}`.
  const global = globalThis as { awslambda?: Record<string, unknown> };
  global.awslambda ??= {};
  const runtime = global.awslambda;
  runtime.streamifyResponse ??= <H extends object>(handler: H): H =>
    Object.assign(handler, { [STREAMING]: "response" });
  runtime.HttpResponseStream ??= {
    from(stream: Writable, metadata: Metadata): Writable {
      (stream as ServerResponse).writeHead(metadata.statusCode ?? 200, metadata.headers ?? {});
      return stream;
    },
  };
}

/** Whether `handler` was wrapped with `awslambda.streamifyResponse`. */
export function isStreamingHandler(handler: unknown): boolean {
  return (handler as Record<symbol, unknown>)[STREAMING] === "response";
}
