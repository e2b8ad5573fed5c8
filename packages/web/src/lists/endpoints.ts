/** The list and view endpoints, typed and validated with the core schemas. */
import {
  type CreateListInput,
  List,
  ListsOfPerson,
  MemberList,
  type UpdateListInput,
} from "@taskmanager/core/list/schema";
import { ViewPage } from "@taskmanager/core/view/schema";
import { apiRequest } from "../api-client";

export const VIEWS = ["today", "upcoming"] as const;
export type View = (typeof VIEWS)[number];

/** What a view screen asks for: the person's own date (the server never guesses a zone). */
export interface ViewFilter {
  today: string;
  includeDone: boolean;
}

export const fetchLists = () => apiRequest("/lists", { schema: ListsOfPerson });

export const fetchMembers = (listId: string) =>
  apiRequest(`/lists/${encodeURIComponent(listId)}/members`, { schema: MemberList });

export function fetchView(view: View, filter: ViewFilter) {
  const query = new URLSearchParams({ today: filter.today });
  if (filter.includeDone) query.set("includeDone", "true");
  return apiRequest(`/views/${view}?${query}`, { schema: ViewPage });
}

const listPath = (listId: string) => `/lists/${encodeURIComponent(listId)}`;

export const createList = (input: CreateListInput) =>
  apiRequest("/lists", { method: "POST", body: input, schema: List });

export const renameList = (listId: string, input: UpdateListInput) =>
  apiRequest(listPath(listId), { method: "PATCH", body: input, schema: List });

/** `withTasks`: the person was asked and agreed that the list's tasks go with it. */
export const deleteList = (listId: string, withTasks: boolean) =>
  apiRequest(`${listPath(listId)}${withTasks ? "?tasks=delete" : ""}`, { method: "DELETE" });
