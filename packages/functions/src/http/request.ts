import { VisibleError } from "@taskmanager/core/error";
import { TaskId } from "@taskmanager/core/task/schema";
import type { APIGatewayProxyEventV2 } from "aws-lambda";

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

/** A path parameter, checked by its schema; a bad one is a 400 naming what it should be. */
export function pathParam(
  event: APIGatewayProxyEventV2,
  name: string,
  schema: { safeParse(value: unknown): { success: true; data: string } | { success: false } },
  label: string,
): string {
  const parsed = schema.safeParse(event.pathParameters?.[name]);
  if (!parsed.success) throw new VisibleError("validation_failed", `The ${label} is not valid.`);
  return parsed.data;
}

/** The `{taskId}` path parameter, validated. */
export function taskIdParam(event: APIGatewayProxyEventV2): string {
  return pathParam(event, "taskId", TaskId, "task id");
}

/** Query string parameters, unchecked (API Gateway joins repeated keys with commas). */
export function queryParams(event: APIGatewayProxyEventV2): Record<string, string | undefined> {
  return { ...event.queryStringParameters };
}
