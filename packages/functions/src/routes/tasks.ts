/**
 * The task routes: each entry is everything about a route (its handler, what the
 * handler may touch, its contract). A handler takes its own entry, so the edge
 * parses exactly what the entry declares and the handler can read nothing else.
 * Apart from the attachment routes so that task handlers load no attachment schema.
 */
import {
  CreateTaskInput,
  ListTasksQuery,
  Task,
  TaskPage,
  UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import { Auth, Tasks } from "../access";
import { handler, type RouteDefinition } from "./definition";
import { grantAccess, taskParams } from "./params";

export const taskRoutes = {
  create: {
    method: "POST",
    path: "/tasks",
    handler: handler("tasks/create"),
    access: [Auth.verifyTokens, ...grantAccess.target, Tasks.putItem],
    role: { member: "editor", of: "target" },
    summary: "Create a task, in the caller's Inbox or in a list (`listId`)",
    body: { schema: CreateTaskInput, example: { title: "Buy milk", dueDate: "2026-12-24" } },
    response: { status: 201, schema: Task, description: "The new task, at version 1." },
    errors: ["not_found", "forbidden"],
  },
  list: {
    method: "GET",
    path: "/tasks",
    handler: handler("tasks/list"),
    access: [Auth.verifyTokens, ...grantAccess.target, Tasks.query],
    role: { member: "viewer", of: "target" },
    summary: "List the caller's Inbox, or one list's tasks (`listId`), a page at a time",
    query: ListTasksQuery,
    response: { status: 200, schema: TaskPage, description: "A page; `cursor` fetches the next." },
    errors: ["not_found"],
  },
  get: {
    method: "GET",
    path: "/tasks/{taskId}",
    handler: handler("tasks/get"),
    access: [Auth.verifyTokens, ...grantAccess.task],
    role: { member: "viewer", of: "task" },
    summary: "Read one task",
    params: taskParams,
    response: { status: 200, schema: Task, description: "The task." },
    errors: ["not_found"],
  },
  update: {
    method: "PATCH",
    path: "/tasks/{taskId}",
    handler: handler("tasks/update"),
    // PutItem: a repeating task's next occurrence, and reminders filed anew.
    access: [Auth.verifyTokens, ...grantAccess.task, Tasks.updateItem, Tasks.putItem],
    role: { member: "editor", of: "task" },
    summary:
      "Change a task, if it is still at the version the caller read; `listId` moves it (an editor of both lists)",
    params: taskParams,
    body: { schema: UpdateTaskInput, example: { version: 1, status: "done" } },
    response: { status: 200, schema: Task, description: "The task as now stored." },
    errors: ["not_found", "forbidden", "conflict"],
  },
  remove: {
    method: "DELETE",
    path: "/tasks/{taskId}",
    handler: handler("tasks/remove"),
    access: [Auth.verifyTokens, ...grantAccess.task, Tasks.deleteItem],
    role: { member: "editor", of: "task" },
    summary: "Delete a task",
    params: taskParams,
    response: { status: 204, description: "Deleted." },
    errors: ["not_found", "forbidden"],
  },
} as const satisfies Record<string, RouteDefinition>;
