/** The attachment routes: see `tasks.ts` for what an entry is. */
import {
  Attachment,
  AttachmentDownload,
  AttachmentId,
  AttachmentList,
  CreateAttachmentInput,
  CreatedAttachment,
} from "@taskmanager/core/attachment/schema";
import { Attachments, Auth, Tasks } from "../access";
import { handler, type RouteDefinition } from "./definition";
import { grantAccess, taskParams } from "./params";

const attachmentParams = { ...taskParams, attachmentId: AttachmentId };

export const attachmentRoutes = {
  create: {
    method: "POST",
    path: "/tasks/{taskId}/attachments",
    handler: handler("attachments/create"),
    // The record and the task's attachment set in one transaction (Put, Update);
    // a refusal reads the task to tell a missing task from a full one.
    access: [
      Auth.verifyTokens,
      ...grantAccess.task,
      Tasks.putItem,
      Tasks.updateItem,
      Tasks.getItem,
      Attachments.signUpload,
    ],
    role: { member: "editor", of: "task" },
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
    errors: ["not_found", "forbidden"],
  },
  list: {
    method: "GET",
    path: "/tasks/{taskId}/attachments",
    handler: handler("attachments/list"),
    access: [Auth.verifyTokens, ...grantAccess.task, Tasks.queryCollection],
    role: { member: "viewer", of: "task" },
    summary: "List a task's attachments",
    params: taskParams,
    response: { status: 200, schema: AttachmentList, description: "The task's attachments." },
    errors: ["not_found"],
  },
  get: {
    method: "GET",
    path: "/tasks/{taskId}/attachments/{attachmentId}",
    handler: handler("attachments/get"),
    access: [Auth.verifyTokens, ...grantAccess.task, Tasks.queryCollection, Attachments.read],
    role: { member: "viewer", of: "task" },
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
  complete: {
    method: "POST",
    path: "/tasks/{taskId}/attachments/{attachmentId}/complete",
    handler: handler("attachments/complete"),
    access: [
      Auth.verifyTokens,
      ...grantAccess.task,
      Tasks.queryCollection,
      Tasks.updateItem,
      Attachments.read,
      Attachments.tag,
      Attachments.delete,
    ],
    role: { member: "editor", of: "task" },
    summary: "Finish an upload: the stored file is checked against what was declared",
    params: attachmentParams,
    response: {
      status: 200,
      schema: Attachment,
      description:
        "The attachment, now `uploaded`. A file that is not the declared one is deleted (400).",
    },
    errors: ["not_found", "forbidden"],
  },
  remove: {
    method: "DELETE",
    path: "/tasks/{taskId}/attachments/{attachmentId}",
    handler: handler("attachments/remove"),
    access: [
      Auth.verifyTokens,
      ...grantAccess.task,
      Tasks.queryCollection,
      Tasks.deleteItem,
      Tasks.updateItem,
      Attachments.delete,
    ],
    role: { member: "editor", of: "task" },
    summary: "Delete an attachment and its file",
    params: attachmentParams,
    response: { status: 204, description: "Deleted." },
    errors: ["not_found", "forbidden"],
  },
} as const satisfies Record<string, RouteDefinition>;
