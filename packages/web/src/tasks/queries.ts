/** Server state for tasks: list pages over the API cursor, single tasks, and changes. */

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTaskInput, Task, UpdateTaskInput } from "@taskmanager/core/task/schema";
import { ApiError } from "../api-client";
import {
  createTask,
  deleteTask,
  getTask,
  type ListFilter,
  listTasks,
  updateTask,
} from "./endpoints";

export const taskKeys = {
  lists: ["tasks", "list"] as const,
  list: (filter: ListFilter) => ["tasks", "list", filter] as const,
  detail: (taskId: string) => ["tasks", "detail", taskId] as const,
};

export function useTaskList(filter: ListFilter) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filter),
    queryFn: ({ pageParam }) => listTasks(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
  });
}

export function useTask(taskId: string) {
  return useQuery({ queryKey: taskKeys.detail(taskId), queryFn: () => getTask(taskId) });
}

export function useCreateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTaskInput) => createTask(input),
    onSuccess: (task) => {
      client.setQueryData(taskKeys.detail(task.taskId), task);
      return client.invalidateQueries({ queryKey: taskKeys.lists });
    },
  });
}

export function useUpdateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, input }: { taskId: string; input: UpdateTaskInput }) =>
      updateTask(taskId, input),
    onSuccess: (task: Task) => {
      client.setQueryData(taskKeys.detail(task.taskId), task);
      return client.invalidateQueries({ queryKey: taskKeys.lists });
    },
    // A conflict means what we show is stale: fetch the latest so the next try can succeed.
    onError: (error, { taskId }) => {
      if (error instanceof ApiError && error.code === "conflict") {
        void client.invalidateQueries({ queryKey: taskKeys.lists });
        void client.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
      }
    },
  });
}

export function useDeleteTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) => deleteTask(taskId),
    onSuccess: (_result, taskId) => {
      client.removeQueries({ queryKey: taskKeys.detail(taskId) });
      return client.invalidateQueries({ queryKey: taskKeys.lists });
    },
  });
}
