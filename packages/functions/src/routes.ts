/**
 * The API's one route table (its entries live in `routes/`, by subject). Each entry
 * is everything about a route: its handler (SST's reference: file from the repo
 * root, then the export), what the handler may touch, and its contract. From it come the API Gateway routes and their IAM
 * statements (`infra/api.ts`), the local gateway, CORS, the OpenAPI document and
 * the generated test matrices.
 */
import { ExportTasksQuery } from "@taskmanager/core/task/schema";
import { Auth, AuthClients, AuthEmail, AuthStorage, Tasks } from "./access";
import { attachmentRoutes } from "./routes/attachments";
import type { HttpMethod, RouteDefinition } from "./routes/definition";
import { documentRoutes } from "./routes/document";
import { listRoutes } from "./routes/lists";
import { scheduleRoutes } from "./routes/schedule";
import { taskRoutes } from "./routes/tasks";
import { viewRoutes } from "./routes/views";

export type { HttpMethod, RouteDefinition } from "./routes/definition";
export { attachmentRoutes, documentRoutes, listRoutes, scheduleRoutes, taskRoutes, viewRoutes };

export const routes: readonly RouteDefinition[] = [
  ...Object.values(taskRoutes),
  ...Object.values(attachmentRoutes),
  ...Object.values(scheduleRoutes),
  ...Object.values(listRoutes),
  ...Object.values(viewRoutes),
  ...Object.values(documentRoutes),
];

/**
 * The OpenAuth issuer: `handler` is what Lambda runs, `app` its Hono app, which the
 * local stack serves directly. Its access is its storage (OpenAuth's keys and tokens, the attempt counters), the user lookup
 * (`User.fromEmail`: a conditional put, then a get), mail, and its redirect list.
 */
export const issuer = {
  handler: "packages/functions/src/issuer/issuer.handler",
  app: "packages/functions/src/issuer/issuer.app",
  access: [
    AuthStorage.getItem,
    AuthStorage.putItem,
    AuthStorage.deleteItem,
    AuthStorage.query,
    AuthStorage.updateItem,
    Tasks.putItem,
    Tasks.getItem,
    AuthEmail.send,
    AuthClients.read,
  ],
} as const;

/**
 * CORS for the attachments bucket: browsers only PUT to it (a signed upload, with
 * the instruction's headers); downloads are navigations, which need no CORS.
 */
export const bucketCors = {
  allowMethods: ["PUT" as const],
  allowHeaders: ["content-type", "x-amz-tagging", "if-none-match"],
  maxAge: 600,
};

/**
 * The streaming export: a function of its own behind a Lambda Function URL (API
 * Gateway buffers responses, so it cannot stream), with the same token check and
 * only Query on the table's indexes. Its CORS lists real methods only: a Function
 * URL refuses OPTIONS in the list and answers preflight itself.
 */
export const exportFunction = {
  handler: "packages/functions/src/export/tasks.handler",
  // GetItem: the caller's membership of the list asked for (`listId`), or of each list
  // as `scope=all` comes to it; Query: the memberships (gsi9) and the tasks.
  access: [Auth.verifyTokens, Tasks.query, Tasks.getItem],
  // As the API's list routes: a member of the `listId` asked for, any role; without
  // one, the caller's own tasks. Enforced by the handler (export/tasks.ts).
  role: { member: "viewer", of: "target" },
  summary:
    "Download the caller's Inbox, one list they are in (`listId`) or all (`scope=all`), with the list's filters, as CSV or NDJSON, streamed",
  query: ExportTasksQuery,
  cors: {
    allowMethods: ["GET"],
    allowHeaders: ["authorization"],
    // The web app names the saved file after the server's filename.
    exposeHeaders: ["content-disposition"],
    maxAge: 600,
  },
} as const satisfies Pick<RouteDefinition, "handler" | "access" | "role" | "summary" | "query"> & {
  cors: {
    allowMethods: readonly HttpMethod[];
    allowHeaders: readonly string[];
    exposeHeaders: readonly string[];
    maxAge: number;
  };
};

/** CORS for the API (API Gateway answers preflight itself); origins come per stage. */
export const apiCors = {
  allowMethods: [...new Set(routes.map((route) => route.method))],
  allowHeaders: ["authorization", "content-type"],
  maxAge: 600,
};
