/** Server state for lists, members and the views across lists (TanStack Query). */
import { useQuery } from "@tanstack/react-query";
import { fetchLists, fetchMembers, fetchView, type View, type ViewFilter } from "./endpoints";

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
