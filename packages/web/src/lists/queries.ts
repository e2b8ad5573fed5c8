/** Server state for lists, members and the views across lists (TanStack Query). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateListInput, UpdateListInput } from "@taskmanager/core/list/schema";
import {
  createList,
  fetchLists,
  fetchMembers,
  fetchView,
  renameList,
  type View,
  type ViewFilter,
} from "./endpoints";

export const listKeys = {
  all: ["lists"] as const,
  members: (listId: string) => ["lists", listId, "members"] as const,
  view: (view: View, filter: ViewFilter) => ["views", view, filter] as const,
};

export const useLists = () => useQuery({ queryKey: listKeys.all, queryFn: fetchLists });

export const useMembers = (listId: string) =>
  useQuery({ queryKey: listKeys.members(listId), queryFn: () => fetchMembers(listId) });

export const useView = (view: View, filter: ViewFilter) =>
  useQuery({ queryKey: listKeys.view(view, filter), queryFn: () => fetchView(view, filter) });

/** After a change to a list: the sidebar (names, counts) and the views that read it. */
function useRefreshLists() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: listKeys.all });
    void client.invalidateQueries({ queryKey: ["views"] });
  };
}

export function useCreateList() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (input: CreateListInput) => createList(input),
    onSettled: refresh,
  });
}

export function useRenameList() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: ({ listId, input }: { listId: string; input: UpdateListInput }) =>
      renameList(listId, input),
    onSettled: refresh,
  });
}
