import { AttachmentId } from "@taskmanager/core/attachment/schema";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { pathParam } from "../http/request";

/**
 * The `{attachmentId}` path parameter, validated. Here, not in `http/request.ts`, so
 * that the task handlers do not load the attachment schemas they never use.
 */
export function attachmentIdParam(event: APIGatewayProxyEventV2): string {
  return pathParam(event, "attachmentId", AttachmentId, "attachment id");
}
