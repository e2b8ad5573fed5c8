/**
 * Server state for tasks: list pages over the API cursor, single tasks, and
 * changes. Quick add and status changes are optimistic: the list shows the result
 * at once and rolls back (with the error) if the server refuses.
 */
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  CreateTaskInput,
  Task,
  TaskPage,
  UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import { ApiError } from "../api-client";
import { createTask, getTask, type ListFilter, listTasks, updateTask } from "./endpoints";
import { retryStatus } from "./merge";

/**
 * After a change, everything that shows tasks or counts them: the lists' pages, the
 * views across lists (keyed apart: they are not paged) and the sidebar's counts.
 */
export const refreshKeys = [["tasks", "list"], ["views"], ["lists"]] as const;
const refreshAll = (client: QueryClient) =>
  Promise.all(refreshKeys.map((queryKey) => client.invalidateQueries({ queryKey })));

export const taskKeys = {
  lists: ["tasks", "list"] as const,
  list: (filter: ListFilter) => ["tasks", "list", filter] as const,
  detail: (taskId: string) => ["tasks", "detail", taskId] as const,
};

type ListData = InfiniteData<TaskPage, string | undefined>;

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

/** The task as saved now, never from the cache (after a conflict, the cache is what was stale). */
export const fetchLatestTask = (client: QueryClient, taskId: string) =>
  client.fetchQuery({
    queryKey: taskKeys.detail(taskId),
    queryFn: () => getTask(taskId),
    staleTime: 0,
  });

/** Rewrites the items of every cached list page (every filter) in place. */
function editLists(
  client: QueryClient,
  edit: (items: Task[], pageIndex: number, filter: ListFilter) => Task[],
) {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists })) {
    if (!data) continue;
    const filter = key[2] as ListFilter;
    const pages = data.pages.map((page, i) => ({ ...page, items: edit(page.items, i, filter) }));
    client.setQueryData<ListData>(key, { ...data, pages });
  }
}

/** Whether a list would show this task (a search's matching is the server's to decide). */
const listShows = (filter: ListFilter, task: Task) =>
  filter.q === undefined &&
  filter.listId === task.listId &&
  (filter.status === undefined || filter.status === task.status) &&
  (filter.tag === undefined || task.tags.includes(filter.tag));

/** Stops list fetches in flight (they would overwrite the optimistic state) and keeps what to roll back to. */
async function snapshotLists(client: QueryClient) {
  await client.cancelQueries({ queryKey: taskKeys.lists });
  return client.getQueriesData<ListData>({ queryKey: taskKeys.lists });
}

function restoreLists(client: QueryClient, snapshot: ReturnType<QueryClient["getQueriesData"]>) {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

export interface CreateVariables {
  input: CreateTaskInput;
  /** A stand-in shown at the top of the lists until the server answers (quick add). */
  placeholder?: Task;
}

export function useCreateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input }: CreateVariables) => createTask(input),
    onMutate: async ({ placeholder }) => {
      if (!placeholder) return { snapshot: [] };
      const snapshot = await snapshotLists(client);
      editLists(client, (items, page, filter) =>
        page === 0 && listShows(filter, placeholder) ? [placeholder, ...items] : items,
      );
      return { snapshot };
    },
    onError: (_error, _variables, context) => restoreLists(client, context?.snapshot ?? []),
    onSuccess: (task, { placeholder }) => {
      client.setQueryData(taskKeys.detail(task.taskId), task);
      if (placeholder) {
        editLists(client, (items) =>
          items.map((t) => (t.taskId === placeholder.taskId ? task : t)),
        );
      }
    },
    // Not awaited: the answer (and a failure's message) must not wait for the lists to
    // be read again, which with the API down means a retry a second later.
    onSettled: () => {
      void refreshAll(client);
    },
  });
}

function onConflictRefetch(client: QueryClient, error: unknown, taskId: string) {
  // A conflict means what we show is stale: fetch the latest so the next try can succeed.
  if (isConflict(error)) {
    void client.invalidateQueries({ queryKey: taskKeys.lists });
    void client.invalidateQueries({ queryKey: taskKeys.detail(taskId) });
  }
}

export function useUpdateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, input }: { taskId: string; input: UpdateTaskInput }) =>
      updateTask(taskId, input),
    onSuccess: (task: Task) => {
      client.setQueryData(taskKeys.detail(task.taskId), task);
      return refreshAll(client);
    },
    onError: (error, { taskId }) => onConflictRefetch(client, error, taskId),
  });
}

const isConflict = (error: unknown) => error instanceof ApiError && error.code === "conflict";

/**
 * Sets a status from what a row shows. If the row was stale (409), the change is
 * made on the latest version as long as the status there is still the one the row
 * showed; a status changed elsewhere is not overwritten (the conflict stands).
 */
async function setStatusOnLatest(client: QueryClient, task: Task, status: Task["status"]) {
  try {
    return await updateTask(task.taskId, { version: task.version, status });
  } catch (error) {
    if (!isConflict(error)) throw error;
    const latest = await fetchLatestTask(client, task.taskId);
    const outcome = retryStatus(task.status, status, latest.status);
    if (outcome === "done") return latest;
    if (outcome === "conflict") throw error;
    return updateTask(task.taskId, { version: latest.version, status });
  }
}

/** Mark done / reopen from the list: the row changes at once, and back if refused. */
export function useSetStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: Task; status: Task["status"] }) =>
      setStatusOnLatest(client, task, status),
    onMutate: async ({ task, status }) => {
      const snapshot = await snapshotLists(client);
      editLists(client, (items) =>
        items.map((t) => (t.taskId === task.taskId ? { ...t, status } : t)),
      );
      return { snapshot };
    },
    onError: (error, { task }, context) => {
      restoreLists(client, context?.snapshot ?? []);
      onConflictRefetch(client, error, task.taskId);
    },
    onSuccess: (task) => {
      client.setQueryData(taskKeys.detail(task.taskId), task);
      editLists(client, (items) => items.map((t) => (t.taskId === task.taskId ? task : t)));
    },
    onSettled: () => refreshAll(client),
  });
}
