/**
 * Who is in a list and with what role. `roleOf` is the one read every request about
 * a list is decided by (the API's edge calls it once per request); the rest serve
 * the member routes. A list always keeps an owner: demoting or removing an owner is
 * a transaction that checks another owner stays.
 */
import type { EntityItem } from "electrodb";
import { isConditionFailure, parseInput, VisibleError } from "../error";
import { type Member, type Role, UpdateMemberInput, UpdateMyMembershipInput } from "../list/schema";
import { service } from "../service";
import { MembershipEntity } from "./entity";

export type MembershipItem = EntityItem<typeof MembershipEntity>;

const memberNotFound = () => new VisibleError("not_found", "Member not found");
const lastOwner = () =>
  new VisibleError(
    "conflict",
    "A list always keeps an owner: make another member owner first, or delete the list.",
  );

/**
 * The caller's role in a list, or undefined when they are not a member (or the
 * list does not exist: the two are never told apart). Strongly consistent, so a
 * removal or a change of role counts from the next request on.
 */
export async function roleOf(listId: string, userId: string): Promise<Role | undefined> {
  const { data } = await MembershipEntity.get({ listId, userId }).go({
    consistent: true,
    attributes: ["role"],
  });
  return data?.role;
}

/**
 * The caller's role in a list and its name, or undefined when they are not a member:
 * `roleOf`'s one consistent read, for the export, which names the list in its rows.
 */
export async function readable(
  listId: string,
  userId: string,
): Promise<{ role: Role; listName: string } | undefined> {
  const { data } = await MembershipEntity.get({ listId, userId }).go({
    consistent: true,
    attributes: ["role", "listName"],
  });
  return data ? { role: data.role, listName: data.listName } : undefined;
}

/** Every list a person is in (at most MAX_LISTS_PER_PERSON): one Query on gsi9. */
export async function ofPerson(userId: string): Promise<MembershipItem[]> {
  const { data } = await MembershipEntity.query.byPerson({ userId }).go({ pages: "all" });
  return data;
}

/** A list's members: one Query on the list's collection. */
export async function ofList(listId: string): Promise<MembershipItem[]> {
  const { data } = await MembershipEntity.query.byList({ listId }).go({ pages: "all" });
  return data;
}

export function toMember(item: MembershipItem): Member {
  return { userId: item.userId, email: item.email, role: item.role, joinedAt: item.joinedAt };
}

/**
 * The member `userId` and an owner other than them (the one who keeps the list
 * owned), from one Query of the list's members.
 */
async function memberAndKeeper(listId: string, userId: string) {
  const members = await ofList(listId);
  const member = members.find((m) => m.userId === userId);
  if (!member) throw memberNotFound();
  const keeper = members.find((m) => m.role === "owner" && m.userId !== userId);
  return { member, keeper: keeper?.userId };
}

type Write = Parameters<typeof service.transaction.write>[0];

/**
 * `change` in one transaction with a check that `keeper` is still an owner when it
 * commits: two owners demoting or removing each other at once cannot both succeed,
 * so the list always keeps one. Refused (409) when the check fails.
 */
async function whileKeeperOwns(
  listId: string,
  keeper: string,
  change: (entities: Parameters<Write>[0]) => ReturnType<Write>[number],
): Promise<void> {
  const result = await service.transaction
    .write((entities) => [
      change(entities),
      entities.membership
        .check({ listId, userId: keeper })
        .where((m, { eq }) => eq(m.role, "owner"))
        .commit(),
    ])
    .go();
  if (result.canceled) throw lastOwner();
}

/**
 * Changes a member's role, in a transaction that checks another owner stays an
 * owner: two owners demoting each other at once cannot both succeed, and the list
 * always keeps one. (Every change takes this one path, so the grants it needs are
 * the ones every call uses.)
 */
export async function setRole(listId: string, userId: string, input: UpdateMemberInput) {
  const { role } = parseInput(UpdateMemberInput, input);
  const { member, keeper } = await memberAndKeeper(listId, userId);
  if (!keeper) {
    // They are the only owner: they stay one.
    if (role !== "owner") throw lastOwner();
    return toMember(member);
  }
  await whileKeeperOwns(listId, keeper, ({ membership }) =>
    membership.patch({ listId, userId }).set({ role }).commit(),
  );
  return toMember({ ...member, role });
}

/** Removes a member (or the caller leaves), in a transaction that checks an owner stays. */
export async function remove(listId: string, userId: string): Promise<void> {
  const { keeper } = await memberAndKeeper(listId, userId);
  if (!keeper) throw lastOwner();
  await whileKeeperOwns(listId, keeper, ({ membership }) =>
    membership
      .delete({ listId, userId })
      .where((m, { exists }) => exists(m.userId))
      .commit(),
  );
}

/** The caller's own order for a list in their sidebar. */
export async function place(listId: string, userId: string, input: UpdateMyMembershipInput) {
  const { position } = parseInput(UpdateMyMembershipInput, input);
  try {
    await MembershipEntity.patch({ listId, userId }).set({ position }).go();
  } catch (error) {
    if (isConditionFailure(error)) throw memberNotFound();
    throw error;
  }
}
