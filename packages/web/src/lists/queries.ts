/** Server state for lists, members and the views across lists (TanStack Query). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateListInput,
  ListsOfPerson,
  UpdateListInput,
} from "@taskmanager/core/list/schema";
import {
  type AllFilter,
  createList,
  fetchAll,
  fetchLists,
  fetchMembers,
  fetchView,
  placeList,
  renameList,
  type View,
  type ViewFilter,
} from "./endpoints";
import { inOrder, type Placement } from "./order";

export const listKeys = {
  all: ["lists"] as const,
  members: (listId: string) => ["lists", listId, "members"] as const,
  view: (view: View, filter: ViewFilter) => ["views", view, filter] as const,
  allView: (filter: AllFilter) => ["views", "all", filter] as const,
};

export const useLists = () => useQuery({ queryKey: listKeys.all, queryFn: fetchLists });

export const useMembers = (listId: string) =>
  useQuery({ queryKey: listKeys.members(listId), queryFn: () => fetchMembers(listId) });

export const useView = (view: View, filter: ViewFilter) =>
  useQuery({ queryKey: listKeys.view(view, filter), queryFn: () => fetchView(view, filter) });

/** The All view, page by page (under "views": what refreshes the views refreshes it). */
export const useAllView = (filter: AllFilter) =>
  useInfiniteQuery({
    queryKey: listKeys.allView(filter),
    queryFn: ({ pageParam }) => fetchAll(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.cursor ?? undefined,
  });

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

/**
 * A move in the person's own order: shown at once (the cache takes the new
 * positions before anything is sent), then one PATCH per changed position; after
 * it, the server's order is read again, so a refusal puts it back (`onError` says so).
 */
export function useMoveList() {
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (placements: Placement[]) =>
      Promise.all(placements.map((p) => placeList(p.listId, p.position))),
    onSettled: () => client.invalidateQueries({ queryKey: listKeys.all, exact: true }),
  });
  return (placements: Placement[], onError: (failure: unknown) => void) => {
    // A read under way would bring back the order from before the move.
    void client.cancelQueries({ queryKey: listKeys.all, exact: true });
    client.setQueryData<ListsOfPerson>(listKeys.all, (lists) => {
      if (!lists) return lists;
      const moved = lists.items.map((list) => {
        const placement = placements.find((p) => p.listId === list.listId);
        return placement ? { ...list, position: placement.position } : list;
      });
      return { ...lists, items: inOrder(moved) };
    });
    send.mutate(placements, { onError });
  };
}
