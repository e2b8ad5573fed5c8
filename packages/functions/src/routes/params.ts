/**
 * Path parameters shared by the route files: apart from the routes themselves, so a
 * handler carries only its own subject's entries.
 */
import { InvitationId, InvitationToken, ListId, MemberId } from "@taskmanager/core/list/schema";
import { TaskId } from "@taskmanager/core/task/schema";
import { Tasks } from "../access";

/** The path parameter of every route under a task. */
export const taskParams = { taskId: TaskId };
/** The path parameter of every route under a list. */
export const listParams = { listId: ListId };
export const memberParams = { ...listParams, memberId: MemberId };
export const invitationParams = { ...listParams, invitationId: InvitationId };
export const tokenParams = { token: InvitationToken };

/**
 * What the edge's decision reads (http/grant.ts), by the route's `role`: a list's
 * routes read the caller's membership (GetItem); a task's routes find the task (its
 * creator's partition: GetItem; another member's: a Query on gsi9), then the
 * membership of its list (GetItem).
 */
export const grantAccess = {
  list: [Tasks.getItem],
  task: [Tasks.getItem, Tasks.query],
  target: [Tasks.getItem],
};
