/**
 * The API's one route table. Each entry is everything about a route: its handler
 * (SST's reference: file from the repo root, then the export), what the handler may
 * touch, and its contract. From it come the API Gateway routes and their IAM
 * statements (`infra/api.ts`), the local gateway, CORS, the OpenAPI document and
 * the generated test matrices.
 */
import {
  Attachment,
  AttachmentDownload,
  AttachmentId,
  AttachmentList,
  CreateAttachmentInput,
  CreatedAttachment,
} from "@taskmanager/core/attachment/schema";
import type { ErrorCode } from "@taskmanager/core/error/schema";
import {
  CreateTaskInput,
  ExportTasksQuery,
  ListTasksQuery,
  Task,
  TaskId,
  TaskPage,
  UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import type * as z from "zod/mini";
import {
  type Access,
  Attachments,
  Auth,
  AuthClients,
  AuthEmail,
  AuthStorage,
  Tasks,
} from "./access";
import { cleanupFilter } from "./attachments/stream-filter";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: string;
  /** Everything the handler may touch; infra links and grants exactly this. */
  access: readonly Access[];
  /** Public routes take no bearer token (only the API's own description is public). */
  public?: boolean;
  summary: string;
  /** Schemas of the path's `{parameters}`. */
  params?: Record<string, z.ZodMiniType>;
  query?: z.ZodMiniObject;
  /** The JSON body, with a valid example (the generated tests send it). */
  body?: { schema: z.ZodMiniType; example: unknown };
  response: { status: 200 | 201 | 204; schema?: z.ZodMiniType; description: string };
  /** Errors of this route's own, beyond those the edge gives every route. */
  errors?: readonly ErrorCode[];
}

const handler = (file: string) => `packages/functions/src/${file}.handler`;
const taskParams = { taskId: TaskId };
const attachmentParams = { taskId: TaskId, attachmentId: AttachmentId };

export const routes: readonly RouteDefinition[] = [
  {
    method: "POST",
    path: "/tasks",
    handler: handler("tasks/create"),
    access: [Auth.verifyTokens, Tasks.putItem],
    summary: "Create a task",
    body: { schema: CreateTaskInput, example: { title: "Buy milk", dueDate: "2026-12-24" } },
    response: { status: 201, schema: Task, description: "The new task, at version 1." },
  },
  {
    method: "GET",
    path: "/tasks",
    handler: handler("tasks/list"),
    access: [Auth.verifyTokens, Tasks.query],
    summary: "List the caller's tasks, a page at a time",
    query: ListTasksQuery,
    response: { status: 200, schema: TaskPage, description: "A page; `cursor` fetches the next." },
  },
  {
    method: "GET",
    path: "/tasks/{taskId}",
    handler: handler("tasks/get"),
    access: [Auth.verifyTokens, Tasks.getItem],
    summary: "Read one task",
    params: taskParams,
    response: { status: 200, schema: Task, description: "The task." },
    errors: ["not_found"],
  },
  {
    method: "PATCH",
    path: "/tasks/{taskId}",
    handler: handler("tasks/update"),
    access: [Auth.verifyTokens, Tasks.updateItem, Tasks.getItem],
    summary: "Change a task, if it is still at the version the caller read",
    params: taskParams,
    body: { schema: UpdateTaskInput, example: { version: 1, status: "done" } },
    response: { status: 200, schema: Task, description: "The task as now stored." },
    errors: ["not_found", "conflict"],
  },
  {
    method: "DELETE",
    path: "/tasks/{taskId}",
    handler: handler("tasks/remove"),
    access: [Auth.verifyTokens, Tasks.deleteItem],
    summary: "Delete a task",
    params: taskParams,
    response: { status: 204, description: "Deleted." },
    errors: ["not_found"],
  },
  {
    method: "POST",
    path: "/tasks/{taskId}/attachments",
    handler: handler("attachments/create"),
    // The record and the task's attachment set in one transaction (Put, Update);
    // a refusal reads the task to tell a missing task from a full one.
    access: [
      Auth.verifyTokens,
      Tasks.putItem,
      Tasks.updateItem,
      Tasks.getItem,
      Attachments.signUpload,
    ],
    summary: "Start an upload: the record (pending) and a signed PUT for the file",
    params: taskParams,
    body: {
      schema: CreateAttachmentInput,
      example: { filename: "receipt.pdf", contentType: "application/pdf", size: 48213 },
    },
    response: {
      status: 201,
      schema: CreatedAttachment,
      description:
        "The pending attachment and how to upload it: send exactly `method`, `url` and `headers`, with the file as the body, before `expiresAt`; then complete it.",
    },
    errors: ["not_found"],
  },
  {
    method: "GET",
    path: "/tasks/{taskId}/attachments",
    handler: handler("attachments/list"),
    access: [Auth.verifyTokens, Tasks.queryCollection],
    summary: "List a task's attachments",
    params: taskParams,
    response: { status: 200, schema: AttachmentList, description: "The task's attachments." },
    errors: ["not_found"],
  },
  {
    method: "GET",
    path: "/tasks/{taskId}/attachments/{attachmentId}",
    handler: handler("attachments/get"),
    access: [Auth.verifyTokens, Tasks.queryCollection, Attachments.read],
    summary: "Read an attachment, with a signed download once it is uploaded",
    params: attachmentParams,
    response: {
      status: 200,
      schema: AttachmentDownload,
      description:
        "The attachment; `download.url` (15 minutes) saves the file under its name (`Content-Disposition: attachment`).",
    },
    errors: ["not_found"],
  },
  {
    method: "POST",
    path: "/tasks/{taskId}/attachments/{attachmentId}/complete",
    handler: handler("attachments/complete"),
    access: [
      Auth.verifyTokens,
      Tasks.queryCollection,
      Tasks.updateItem,
      Attachments.read,
      Attachments.tag,
      Attachments.delete,
    ],
    summary: "Finish an upload: the stored file is checked against what was declared",
    params: attachmentParams,
    response: {
      status: 200,
      schema: Attachment,
      description:
        "The attachment, now `uploaded`. A file that is not the declared one is deleted (400).",
    },
    errors: ["not_found"],
  },
  {
    method: "DELETE",
    path: "/tasks/{taskId}/attachments/{attachmentId}",
    handler: handler("attachments/remove"),
    access: [
      Auth.verifyTokens,
      Tasks.queryCollection,
      Tasks.deleteItem,
      Tasks.updateItem,
      Attachments.delete,
    ],
    summary: "Delete an attachment and its file",
    params: attachmentParams,
    response: { status: 204, description: "Deleted." },
    errors: ["not_found"],
  },
  {
    method: "GET",
    path: "/openapi.json",
    handler: handler("openapi/serve"),
    access: [],
    public: true,
    summary: "This API's OpenAPI 3.1 description",
    response: { status: 200, description: "The OpenAPI document." },
  },
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
 * The table stream's subscriber: cleans up after removed tasks and attachment
 * records. `filter` is Lambda's event filter pattern (the local stack applies it too).
 */
export const streamCleanup = {
  handler: handler("attachments/cleanup"),
  filter: cleanupFilter,
  access: [Tasks.queryCollection, Tasks.batchWrite, Tasks.updateItem, Attachments.delete],
} as const;

/**
 * CORS for the attachments bucket: browsers only PUT to it (a signed upload, with
 * the instruction's headers); downloads are navigations, which need no CORS.
 */
export const bucketCors = {
  allowMethods: ["PUT" as const],
  allowHeaders: ["content-type", "x-amz-tagging"],
  maxAge: 600,
};

/**
 * The streaming export: a function of its own behind a Lambda Function URL (API
 * Gateway buffers responses, so it cannot stream), with the same token check and
 * only Query on the table's indexes. Its CORS lists real methods only: a Function
 * URL refuses OPTIONS in the list and answers preflight itself.
 */
export const exportFunction = {
  handler: handler("export/tasks"),
  access: [Auth.verifyTokens, Tasks.query],
  summary: "Download all of the caller's tasks as CSV or NDJSON, streamed",
  query: ExportTasksQuery,
  cors: {
    allowMethods: ["GET"],
    allowHeaders: ["authorization"],
    // The web app names the saved file after the server's filename.
    exposeHeaders: ["content-disposition"],
    maxAge: 600,
  },
} as const satisfies Pick<RouteDefinition, "handler" | "access" | "summary" | "query"> & {
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
