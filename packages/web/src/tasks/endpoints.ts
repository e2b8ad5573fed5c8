/** The task endpoints, typed and validated with the core schemas. */
import {
  type CreateTaskInput,
  Task,
  TaskPage,
  type TaskSort,
  type TaskStatus,
  type UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import type { z } from "zod";
import { apiRequest } from "../api-client";

export interface ListFilter {
  status?: z.infer<typeof TaskStatus>;
  sort: z.infer<typeof TaskSort>;
}

export function listTasks(filter: ListFilter, cursor?: string) {
  const query = new URLSearchParams({ sort: filter.sort });
  if (filter.status) query.set("status", filter.status);
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
