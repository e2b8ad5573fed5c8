/**
 * A person's lists: create, read with counts, rename, delete. The Inbox is no item:
 * it is the person's own partition less their listed tasks, so it exists for
 * everyone, every task written before lists is in it, and nothing creates it.
 * Who may do what is decided before these are called (the API's edge, from the
 * caller's membership); core takes the decision as given.
 */
import { monotonicFactory } from "ulid";
import { FAN_OUT, mapLimit } from "../concurrency";
import { parseInput, VisibleError } from "../error";
import * as Membership from "../membership";
import { MembershipEntity } from "../membership/entity";
import { service } from "../service";
import { TaskEntity } from "../task/entity";
import { countOpen } from "../view";
import { ListEntity } from "./entity";
import {
  CreateListInput,
  DeleteListQuery,
  type List,
  type ListsOfPerson,
  MAX_LISTS_PER_PERSON,
  UpdateListInput,
} from "./schema";

const newListId = monotonicFactory();

export const listNotFound = () => new VisibleError("not_found", "List not found");

interface Person {
  userId: string;
  email: string;
}

/** Creates a list with its creator as its one owner (the two items in one transaction). */
export async function create(person: Person, input: CreateListInput): Promise<List> {
  const { name, position } = parseInput(CreateListInput, input);
  const lists = await Membership.ofPerson(person.userId);
  if (lists.length >= MAX_LISTS_PER_PERSON) {
    throw new VisibleError(
      "validation_failed",
      `A person can be in at most ${MAX_LISTS_PER_PERSON} lists; leave or delete one first.`,
    );
  }
  const listId = newListId();
  const now = new Date().toISOString();
  const place = position ?? lists.reduce((max, m) => Math.max(max, m.position + 1), 0);
  const item = {
    listId,
    name,
    createdBy: person.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await service.transaction
    .write(({ list, membership }) => [
      list.create(item).commit(),
      membership
        .create({
          listId,
          userId: person.userId,
          email: person.email,
          role: "owner",
          listName: name,
          position: place,
          joinedAt: now,
        })
        .commit(),
    ])
    .go();
  return {
    listId,
    name,
    createdAt: now,
    updatedAt: now,
    version: 1,
    role: "owner",
    position: place,
    openTasks: 0,
    openTasksCapped: false,
  };
}

/** The list as a member sees it: their role and order, and its open-task count. */
async function describe(membership: Membership.MembershipItem): Promise<List | undefined> {
  const { listId, role, position } = membership;
  const [{ data }, counts] = await Promise.all([
    ListEntity.get({ listId }).go(),
    countOpen({ listId }),
  ]);
  if (!data) return undefined;
  const { name, createdAt, updatedAt, version } = data;
  return { listId, name, createdAt, updatedAt, version, role, position, ...counts };
}

/**
 * The caller's Inbox count, then every list they are in, in their order: one Query
 * for the memberships, then per list a GetItem and its two count Queries, a few
 * lists at a time.
 */
export async function ofPerson(userId: string): Promise<ListsOfPerson> {
  const [memberships, inbox] = await Promise.all([
    Membership.ofPerson(userId),
    countOpen({ userId }),
  ]);
  const lists = await mapLimit(memberships, FAN_OUT, describe);
  const items = lists
    .filter((list): list is List => list !== undefined)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return { inbox, items };
}

/** One list, for a member (the edge has decided they are one). */
export async function get(listId: string, userId: string): Promise<List> {
  const { data: membership } = await MembershipEntity.get({ listId, userId }).go({
    consistent: true,
  });
  const list = membership && (await describe(membership));
  if (!list) throw listNotFound();
  return list;
}

/**
 * Renames a list if it is still at the version the caller read: the list and every
 * member's copy of its name, in one transaction.
 */
export async function rename(
  listId: string,
  input: UpdateListInput,
  userId: string,
): Promise<List> {
  const { version, name } = parseInput(UpdateListInput, input);
  const members = await Membership.ofList(listId);
  const result = await service.transaction
    .write(({ list, membership }) => [
      list
        .patch({ listId })
        .set({ name, updatedAt: new Date().toISOString() })
        .add({ version: 1 })
        .where((stored, { eq }) => eq(stored.version, version))
        .commit(),
      ...members.map((m) =>
        membership.patch({ listId, userId: m.userId }).set({ listName: name }).commit(),
      ),
    ])
    .go();
  if (result.canceled) {
    const { data } = await ListEntity.get({ listId }).go({ consistent: true });
    if (!data) throw listNotFound();
    throw new VisibleError(
      "conflict",
      `The list was changed since version ${version} (now version ${data.version}); reload it and try again.`,
    );
  }
  return get(listId, userId);
}

/**
 * Deletes a list: the list, its memberships and invitations in one transaction, so
 * every member loses access at once. Its tasks go after it: the list's removal
 * reaches the stream's subscriber, which purges them (`purgeTasks`), and each
 * task's attachments follow as for any deleted task. Until then they are
 * unreachable: no one is a member of their list. A list that still has tasks is
 * only deleted with `tasks=delete`: the caller has asked the person.
 */
export async function remove(listId: string, input: DeleteListQuery = {}): Promise<void> {
  const { tasks } = parseInput(DeleteListQuery, input);
  const first = await TaskEntity.query
    .byListCreated({ listId })
    .go({ limit: 1, attributes: ["taskId"] });
  if (first.data.length > 0 && tasks !== "delete") {
    throw new VisibleError(
      "conflict",
      "The list still has tasks: delete it with tasks=delete to delete them too, or move them first.",
    );
  }
  const { data } = await service.collections.list({ listId }).go({ pages: "all" });
  if (data.list.length === 0) throw listNotFound();
  const result = await service.transaction
    .write(({ list, membership, invitation }) => [
      list
        .delete({ listId })
        .where((l, { exists }) => exists(l.listId))
        .commit(),
      ...data.membership.map((m) => membership.delete({ listId, userId: m.userId }).commit()),
      ...data.invitation.map((i) =>
        invitation.delete({ listId, invitationId: i.invitationId }).commit(),
      ),
    ])
    .go();
  if (result.canceled) throw listNotFound();
}

/**
 * Deletes every task still in a deleted list (the stream's subscriber calls it), a
 * page of 25 at a time (one BatchWriteItem each). Idempotent: a task already gone
 * is not read again, so a retried stream record finishes what one began.
 */
export async function purgeTasks(listId: string): Promise<number> {
  let purged = 0;
  let cursor: string | null = null;
  do {
    const page: { data: Array<{ userId: string; taskId: string }>; cursor: string | null } =
      await TaskEntity.query
        .byListCreated({ listId })
        .go({ limit: 25, attributes: ["userId", "taskId"], ...(cursor ? { cursor } : {}) });
    if (page.data.length > 0) {
      await TaskEntity.delete(page.data.map(({ userId, taskId }) => ({ userId, taskId }))).go();
      purged += page.data.length;
    }
    cursor = page.cursor;
  } while (cursor);
  return purged;
}

/**
 * The caller leaves a list. An owner leaves only while another owner stays; the
 * last member of a list leaving deletes it, if it is empty (else they delete it,
 * with its tasks, on purpose).
 */
export async function leave(listId: string, userId: string): Promise<void> {
  const members = await Membership.ofList(listId);
  if (members.length === 1 && members[0]?.userId === userId) return remove(listId);
  return Membership.remove(listId, userId);
}
