/**
 * The access decision, made once per request by the edge from the route table's
 * `role`, before the handler runs: one consistent read of the caller's membership
 * of the list concerned (and, for a task's routes, the read that finds the task,
 * which the handler then uses instead of reading it again). Nothing is cached, so a
 * removed member's next request is refused.
 */

import type { UserSubject } from "@taskmanager/core/auth/schema";
import { VisibleError } from "@taskmanager/core/error";
import { type Role, roleAtLeast } from "@taskmanager/core/list/schema";
import { roleOf } from "@taskmanager/core/membership";
import type { TaskItem } from "@taskmanager/core/task";
import { locate } from "@taskmanager/core/task";
import type { RouteDefinition, RouteInput, RouteRole } from "../routes/definition";

/** A list the caller is a member of, with their role. */
export interface ListGrant {
  listId: string;
  role: Role;
}
/** The task a route names, as stored, and the caller's role over it. */
export interface TaskGrant {
  task: TaskItem;
  /** Its list, or undefined in its creator's Inbox (then the caller is that creator). */
  listId: string | undefined;
  role: Role;
}
/** The list a request's `listId` names, or undefined for the caller's Inbox. */
export type TargetGrant = ListGrant | undefined;

/** What the handler of a route with this `role` is given. */
export type GrantOf<R> = R extends { role: { of: "list" } }
  ? ListGrant
  : R extends { role: { of: "task" } }
    ? TaskGrant
    : R extends { role: { of: "target" } }
      ? TargetGrant
      : undefined;

const notFound = (what: "List" | "Task") => new VisibleError("not_found", `${what} not found`);

function require(role: Role | undefined, needed: Role, what: "List" | "Task"): Role {
  if (!role) throw notFound(what);
  if (!roleAtLeast(role, needed)) {
    throw new VisibleError(
      "forbidden",
      needed === "owner"
        ? "Only an owner of this list can do that."
        : "You can view this list but not change it: ask an owner to make you an editor.",
    );
  }
  return role;
}

/** The caller's role in a list, at least `needed`: else 404 (not a member) or 403. */
export async function requireMember(
  listId: string,
  user: UserSubject,
  needed: Role,
  what: "List" | "Task" = "List",
): Promise<ListGrant> {
  return { listId, role: require(await roleOf(listId, user.userId), needed, what) };
}

/** The decision for `route`, given its parsed request. */
export async function decide<R extends RouteDefinition>(
  route: R,
  input: RouteInput<R>,
  user: UserSubject,
): Promise<GrantOf<R>> {
  const role: RouteRole = route.role;
  if (typeof role === "string") return undefined as GrantOf<R>;
  const params = input.params as Record<string, string>;
  if (role.of === "list") {
    return (await requireMember(params.listId as string, user, role.member)) as GrantOf<R>;
  }
  if (role.of === "target") {
    const named =
      (input.body as { listId?: string | null } | undefined)?.listId ??
      (input.query as { listId?: string } | undefined)?.listId;
    if (!named) return undefined as GrantOf<R>;
    return (await requireMember(named, user, role.member)) as GrantOf<R>;
  }
  // A write decides on a consistent read: the version it checks is the one stored.
  const task = await locate(user.userId, params.taskId as string, {
    consistent: route.method !== "GET",
  });
  if (!task) throw notFound("Task");
  if (!task.listId) {
    // Found in the caller's own partition and in no list: their Inbox, theirs alone.
    return { task, listId: undefined, role: "owner" } as GrantOf<R>;
  }
  const granted = await requireMember(task.listId, user, role.member, "Task");
  return { task, listId: task.listId, role: granted.role } as GrantOf<R>;
}
