/**
 * Invitations to a list. The link carries `<listId>.<invitationId>.<secret>`; the
 * table holds only the secret's SHA-256, so a copy of the table opens nothing. A
 * link works once, for the address it was sent to, for INVITATION_DAYS.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { monotonicFactory } from "ulid";
import { parseInput, VisibleError } from "../error";
import { ListEntity } from "../list/entity";
import {
  type AcceptedInvitation,
  CreateInvitationInput,
  INVITATION_DAYS,
  type Invitation,
  type InvitationPreview,
  InvitationToken,
  MAX_LISTS_PER_PERSON,
  MAX_MEMBERS_PER_LIST,
  MAX_PENDING_INVITATIONS,
} from "../list/schema";
import * as Membership from "../membership";
import { MembershipEntity } from "../membership/entity";
import { service } from "../service";
import { UserEntity } from "../user/entity";
import { InvitationEntity } from "./entity";

const newInvitationId = monotonicFactory();

type InvitationItem = NonNullable<
  Awaited<ReturnType<ReturnType<typeof InvitationEntity.get>["go"]>>["data"]
>;

/**
 * Unknown, used, revoked, expired, or sent to another address: one answer, so a
 * link tells nothing to anyone but the person it was sent to, while it works.
 */
const linkNotFound = () =>
  new VisibleError(
    "not_found",
    "This invitation link does not work for this account: it was used, revoked or has expired, or it was sent to another address.",
  );
const invitationNotFound = () => new VisibleError("not_found", "Invitation not found");

const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

function toInvitation(item: InvitationItem): Invitation {
  return {
    invitationId: item.invitationId,
    listId: item.listId,
    email: item.email,
    role: item.role,
    invitedBy: item.invitedBy,
    createdAt: item.createdAt,
    expiresAt: new Date(item.expiresAt * 1000).toISOString(),
  };
}

const live = (item: InvitationItem, now = Date.now()) => item.expiresAt * 1000 > now;

/**
 * A new invitation (the edge has decided the caller owns the list) and the link's
 * token, which only the email carries. Refused for someone already a member.
 */
export async function create(
  listId: string,
  inviter: { userId: string; email: string },
  input: CreateInvitationInput,
): Promise<{ invitation: Invitation; token: string; listName: string }> {
  const { email, role } = parseInput(CreateInvitationInput, input);
  const [{ data: list }, members, pending, { data: user }] = await Promise.all([
    ListEntity.get({ listId }).go(),
    Membership.ofList(listId),
    InvitationEntity.query.byList({ listId }).go({ pages: "all" }),
    UserEntity.get({ email }).go(),
  ]);
  if (!list) throw new VisibleError("not_found", "List not found");
  if (members.some((m) => m.email === email || (user && m.userId === user.userId))) {
    throw new VisibleError("conflict", `${email} is already a member of this list.`);
  }
  if (members.length >= MAX_MEMBERS_PER_LIST) {
    throw new VisibleError("conflict", `A list has at most ${MAX_MEMBERS_PER_LIST} members.`);
  }
  if (pending.data.filter((item) => live(item)).length >= MAX_PENDING_INVITATIONS) {
    throw new VisibleError(
      "conflict",
      `A list has at most ${MAX_PENDING_INVITATIONS} pending invitations; revoke one first.`,
    );
  }
  const invitationId = newInvitationId();
  const secret = randomBytes(32).toString("base64url");
  const now = new Date();
  const { data } = await InvitationEntity.create({
    listId,
    invitationId,
    email,
    role,
    secretHash: hashOf(secret),
    invitedBy: inviter.email,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + INVITATION_DAYS * 24 * 3600,
  }).go();
  return {
    invitation: toInvitation(data),
    token: `${listId}.${invitationId}.${secret}`,
    listName: list.name,
  };
}

/** A list's pending invitations, soonest to expire last. */
export async function pending(listId: string): Promise<Invitation[]> {
  const { data } = await InvitationEntity.query.byList({ listId }).go({ pages: "all" });
  const now = Date.now();
  return data.filter((item) => live(item, now)).map(toInvitation);
}

/** Revokes a pending invitation: its link stops working at once. */
export async function revoke(listId: string, invitationId: string): Promise<void> {
  const { data } = await InvitationEntity.remove({ listId, invitationId })
    .go({ response: "all_old" })
    .catch((error: unknown) => {
      if ((error as { name?: string }).name === "ElectroError") throw invitationNotFound();
      throw error;
    });
  if (!data) throw invitationNotFound();
}

/** The invitation a token opens, for the person it was sent to; else why not. */
async function open(rawToken: string, person: { email: string }): Promise<InvitationItem> {
  const token = parseInput(InvitationToken, rawToken);
  const [listId, invitationId, secret] = token.split(".") as [string, string, string];
  const { data } = await InvitationEntity.get({ listId, invitationId }).go({ consistent: true });
  if (!data || !live(data)) throw linkNotFound();
  const expected = Buffer.from(data.secretHash, "hex");
  const given = Buffer.from(hashOf(secret), "hex");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw linkNotFound();
  if (data.email !== person.email.trim().toLowerCase()) throw linkNotFound();
  return data;
}

/** What the invitation page shows: the list, the role, who invited. */
export async function preview(
  token: string,
  person: { email: string },
): Promise<InvitationPreview> {
  const item = await open(token, person);
  const { data: list } = await ListEntity.get({ listId: item.listId }).go();
  if (!list) throw linkNotFound();
  return {
    listId: item.listId,
    name: list.name,
    role: item.role,
    invitedBy: item.invitedBy,
    expiresAt: toInvitation(item).expiresAt,
  };
}

/**
 * Accepts: in one transaction the invitation goes (only if its secret is still the
 * one read: used once), the membership is created (only if not a member yet), and
 * the list must still exist.
 */
export async function accept(
  token: string,
  person: { userId: string; email: string },
): Promise<AcceptedInvitation> {
  const item = await open(token, person);
  const { listId, invitationId, role } = item;
  const [{ data: list }, mine] = await Promise.all([
    ListEntity.get({ listId }).go(),
    Membership.ofPerson(person.userId),
  ]);
  if (!list) throw linkNotFound();
  if (mine.some((m) => m.listId === listId)) {
    throw new VisibleError("conflict", "You are already a member of this list.");
  }
  if (mine.length >= MAX_LISTS_PER_PERSON) {
    throw new VisibleError(
      "conflict",
      `A person can be in at most ${MAX_LISTS_PER_PERSON} lists; leave one first.`,
    );
  }
  const position = mine.reduce((max, m) => Math.max(max, m.position + 1), 0);
  const result = await service.transaction
    .write(({ invitation, membership, list: lists }) => [
      invitation
        .delete({ listId, invitationId })
        .where((i, { eq }) => eq(i.secretHash, item.secretHash))
        .commit(),
      membership
        .create({
          listId,
          userId: person.userId,
          email: person.email.trim().toLowerCase(),
          role,
          listName: list.name,
          position,
          joinedAt: new Date().toISOString(),
        })
        .commit(),
      lists
        .check({ listId })
        .where((l, { exists }) => exists(l.listId))
        .commit(),
    ])
    .go();
  if (result.canceled) {
    // Someone used the link a moment ago, or the list went: the link is dead either way.
    const { data } = await MembershipEntity.get({ listId, userId: person.userId }).go({
      consistent: true,
    });
    if (data) throw new VisibleError("conflict", "You are already a member of this list.");
    throw linkNotFound();
  }
  return { listId, name: list.name, role };
}
