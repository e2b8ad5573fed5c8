import { parseInput, VisibleError } from "@taskmanager/core/error";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { RouteDefinition, RouteInput } from "../routes/definition";

export const MAX_BODY_BYTES = 64 * 1024;

/** The JSON body, refused (never a 500) when it is too large, not JSON, or mislabelled. */
export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const contentType = event.headers["content-type"] ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new VisibleError("validation_failed", "Content-Type must be application/json.");
  }
  const bytes = Buffer.from(event.body ?? "", event.isBase64Encoded ? "base64" : "utf8");
  if (bytes.length > MAX_BODY_BYTES) {
    throw new VisibleError("payload_too_large", "The body must be at most 64 KiB.");
  }
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new VisibleError("validation_failed", "The body is not valid JSON.");
  }
}

/** "taskId" as a person would say it in a message: "task id". */
const spoken = (name: string) => name.replace(/Id$/, " id").toLowerCase();

/**
 * The request as the route declares it: path parameters, query and body, each
 * parsed with the route entry's own schema, in that order. A bad path parameter is a
 * 400 naming what it should be; undeclared parameters, query or body are not read.
 */
export function parseRequest<R extends RouteDefinition>(
  route: R,
  event: APIGatewayProxyEventV2,
): RouteInput<R> {
  const params: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(route.params ?? {})) {
    const parsed = schema.safeParse(event.pathParameters?.[name]);
    if (!parsed.success) {
      throw new VisibleError("validation_failed", `The ${spoken(name)} is not valid.`);
    }
    params[name] = parsed.data;
  }
  // API Gateway joins repeated keys with commas; the schemas decide what that means.
  const query = route.query
    ? parseInput(route.query, { ...event.queryStringParameters })
    : undefined;
  const body = route.body ? parseInput(route.body.schema, jsonBody(event)) : undefined;
  return { params, query, body } as RouteInput<R>;
}
