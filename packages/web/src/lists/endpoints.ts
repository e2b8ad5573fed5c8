/** The list and view endpoints, typed and validated with the core schemas. */
import {
  AcceptedInvitation,
  type CreateInvitationInput,
  type CreateListInput,
  Invitation,
  InvitationList,
  InvitationPreview,
  List,
  ListsOfPerson,
  Member,
  MemberList,
  type Role,
  type UpdateListInput,
} from "@taskmanager/core/list/schema";
import { TaskPage } from "@taskmanager/core/task/schema";
import { ViewPage } from "@taskmanager/core/view/schema";
import { apiRequest } from "../api-client";

export const VIEWS = ["today", "upcoming"] as const;
export type View = (typeof VIEWS)[number];

/** What a view screen asks for: the person's own date (the server never guesses a zone). */
export interface ViewFilter {
  today: string;
  includeDone: boolean;
  /** Search within the view (title, description, tags) and one tag, as the Inbox's. */
  q?: string;
  tag?: string;
}

export const fetchLists = () => apiRequest("/lists", { schema: ListsOfPerson });

export const fetchMembers = (listId: string) =>
  apiRequest(`/lists/${encodeURIComponent(listId)}/members`, { schema: MemberList });

export function fetchView(view: View, filter: ViewFilter) {
  const query = new URLSearchParams({ today: filter.today });
  if (filter.includeDone) query.set("includeDone", "true");
  if (filter.q) query.set("q", filter.q);
  if (filter.tag) query.set("tag", filter.tag);
  return apiRequest(`/views/${view}?${query}`, { schema: ViewPage });
}

/** What the All view asks for: done ones too or not, and the search within it. */
export type AllFilter = Omit<ViewFilter, "today">;

/** A page of the All view: every task the person can read, by due date, after `cursor`. */
export function fetchAll(filter: AllFilter, cursor?: string) {
  const query = new URLSearchParams();
  if (filter.includeDone) query.set("includeDone", "true");
  if (filter.q) query.set("q", filter.q);
  if (filter.tag) query.set("tag", filter.tag);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return apiRequest(`/views/all${text ? `?${text}` : ""}`, { schema: TaskPage });
}

export const listPath = (listId: string) => `/lists/${encodeURIComponent(listId)}`;

export const createList = (input: CreateListInput) =>
  apiRequest("/lists", { method: "POST", body: input, schema: List });

export const renameList = (listId: string, input: UpdateListInput) =>
  apiRequest(listPath(listId), { method: "PATCH", body: input, schema: List });

/** Where the list sits in the caller's own order. */
export const placeList = (listId: string, position: number) =>
  apiRequest(`${listPath(listId)}/me`, { method: "PATCH", body: { position } });

/** The caller leaves the list (refused, in words, for its last owner). */
export const leaveList = (listId: string) =>
  apiRequest(`${listPath(listId)}/me`, { method: "DELETE" });

/** `withTasks`: the person was asked and agreed that the list's tasks go with it. */
export const deleteList = (listId: string, withTasks: boolean) =>
  apiRequest(`${listPath(listId)}${withTasks ? "?tasks=delete" : ""}`, { method: "DELETE" });

const memberPath = (listId: string, memberId: string) =>
  `${listPath(listId)}/members/${encodeURIComponent(memberId)}`;

export const changeRole = (listId: string, memberId: string, role: Role) =>
  apiRequest(memberPath(listId, memberId), { method: "PATCH", body: { role }, schema: Member });

export const removeMember = (listId: string, memberId: string) =>
  apiRequest(memberPath(listId, memberId), { method: "DELETE" });

export const fetchInvitations = (listId: string) =>
  apiRequest(`${listPath(listId)}/invitations`, { schema: InvitationList });

export const invite = (listId: string, input: CreateInvitationInput) =>
  apiRequest(`${listPath(listId)}/invitations`, {
    method: "POST",
    body: input,
    schema: Invitation,
  });

export const revokeInvitation = (listId: string, invitationId: string) =>
  apiRequest(`${listPath(listId)}/invitations/${encodeURIComponent(invitationId)}`, {
    method: "DELETE",
  });

const tokenPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export const previewInvitation = (token: string) =>
  apiRequest(tokenPath(token), { schema: InvitationPreview });

export const acceptInvitation = (token: string) =>
  apiRequest(`${tokenPath(token)}/accept`, { method: "POST", schema: AcceptedInvitation });
