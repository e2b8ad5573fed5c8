/** The task endpoints, typed and validated with the core schemas. */
import {
  type CreateTaskInput,
  ListTasksQuery,
  Task,
  TaskPage,
  type UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import * as z from "zod/mini";
import { apiRequest } from "../api-client";

/** What the list screen shows: the API's list query without its paging. */
export const ListFilter = z.omit(ListTasksQuery, { limit: true, cursor: true });
export type ListFilter = z.output<typeof ListFilter>;

export function listTasks(filter: ListFilter, cursor?: string) {
  const query = new URLSearchParams({ sort: filter.sort });
  for (const key of ["status", "q", "tag", "listId"] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (filter.includeDone === false) query.set("includeDone", "false");
  if (cursor) query.set("cursor", cursor);
  return apiRequest(`/tasks?${query}`, { schema: TaskPage });
}

export const getTask = (taskId: string) =>
  apiRequest(`/tasks/${encodeURIComponent(taskId)}`, { schema: Task });

export const createTask = (input: CreateTaskInput) =>
  apiRequest("/tasks", { method: "POST", body: input, schema: Task });

export const updateTask = (taskId: string, input: UpdateTaskInput) =>
  apiRequest(`/tasks/${encodeURIComponent(taskId)}`, {
    method: "PATCH",
    body: input,
    schema: Task,
  });

export const deleteTask = (taskId: string) =>
  apiRequest(`/tasks/${encodeURIComponent(taskId)}`, { method: "DELETE" });

/** "Skip this one": a repeating task moves to its rule's next date, at the version read. */
export const skipOccurrence = (taskId: string, version: number) =>
  apiRequest(`/tasks/${encodeURIComponent(taskId)}/skip`, {
    method: "POST",
    body: { version },
    schema: Task,
  });
