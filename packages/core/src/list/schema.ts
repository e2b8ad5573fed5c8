/**
 * Lists (projects), who is in them and how people are invited: the schemas every
 * layer shares (core, the route table, the web client). Pure zod, so the browser
 * bundle can import it. docs/data-model.md has the entities behind them.
 */
import { Email } from "../user/schema";
import * as z from "../zod";

const ulid = (what: string) =>
  z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, `must be a ${what} id`));

/** A ULID, like every id of this API. */
export const ListId = ulid("list");
export const InvitationId = ulid("invitation");
/** A person's id (the one that owns their tasks), as a member of a list. */
export const MemberId = ulid("user");

/**
 * What a member may do in a list, from least to most:
 * - viewer: read the list, its tasks, attachments and members, and export them;
 * - editor: also create, change, move and delete its tasks and their attachments;
 * - owner: also rename and delete the list, invite, remove members and change roles.
 */
export const ROLES = ["viewer", "editor", "owner"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Whether `role` is at least `needed`. */
export const roleAtLeast = (role: Role, needed: Role) =>
  ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** How many lists a person may be in: every view reads each of them (docs/data-model.md). */
export const MAX_LISTS_PER_PERSON = 50;
/** How many members a list may have: deleting a list removes them all in one transaction. */
export const MAX_MEMBERS_PER_LIST = 50;
/** Pending invitations a list may have: deleting a list removes them with its members, in one transaction (≤ 100 items). */
export const MAX_PENDING_INVITATIONS = 40;
/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const ListName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "must not be empty"),
    z.maxLength(100, "must be at most 100 characters"),
  );
/** Where a list sits in its member's sidebar (each member orders their own). */
export const Position = z.int().check(z.minimum(0), z.maximum(1_000_000));

export const CreateListInput = z.strictObject({
  name: ListName,
  position: z.optional(Position),
});
export type CreateListInput = z.input<typeof CreateListInput>;

/** A rename: `version` is the one the caller read. */
export const UpdateListInput = z.strictObject({
  version: z.int().check(z.minimum(1)),
  name: ListName,
});
export type UpdateListInput = z.input<typeof UpdateListInput>;

/** The caller's own place in a list: where it sits in their sidebar. */
export const UpdateMyMembershipInput = z.strictObject({ position: Position });
export type UpdateMyMembershipInput = z.input<typeof UpdateMyMembershipInput>;

/**
 * Deleting a list that still has tasks needs `tasks=delete`: the web app asks, and
 * sends the delete only once its undo window has passed (as it does for a task).
 */
export const DeleteListQuery = z.strictObject({ tasks: z.optional(z.enum(["delete"])) });
export type DeleteListQuery = z.input<typeof DeleteListQuery>;

/** Open tasks (to do or in progress) are counted up to this many; past it, `openTasksCapped`. */
export const OPEN_COUNT_CAP = 999;
const OpenCount = {
  openTasks: z.int().check(z.minimum(0)),
  /** True when there are more open tasks than `openTasks` says (it stops at OPEN_COUNT_CAP). */
  openTasksCapped: z.boolean(),
};

export const List = z.object({
  listId: ListId,
  name: z.string(),
  /** The caller's role in it. */
  role: Role,
  /** The caller's order for it (their sidebar sorts by it, then by name). */
  position: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int(),
  ...OpenCount,
});
export type List = z.infer<typeof List>;

/** The caller's lists: their Inbox (which always exists and is theirs alone), then the rest. */
export const ListsOfPerson = z.object({
  inbox: z.object(OpenCount),
  items: z.array(List),
});
export type ListsOfPerson = z.infer<typeof ListsOfPerson>;

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const UpdateMemberInput = z.strictObject({ role: Role });
export type UpdateMemberInput = z.input<typeof UpdateMemberInput>;

export const CreateInvitationInput = z.strictObject({
  email: Email,
  role: z._default(Role, "editor"),
});
export type CreateInvitationInput = z.input<typeof CreateInvitationInput>;

export const Invitation = z.object({
  invitationId: InvitationId,
  listId: ListId,
  /** The only address that may accept it. */
  email: z.string(),
  role: Role,
  /** Who sent it (their email). */
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.object({ items: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

/**
 * The secret of an invitation link: `<listId>.<invitationId>.<secret>`; only a hash
 * of the secret is stored, so the table never holds a working link.
 */
export const InvitationToken = z
  .string()
  .check(
    z.regex(
      /^[0-9A-HJKMNP-TV-Z]{26}\.[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{43}$/,
      "must be an invitation link's token",
    ),
  );

/** What accepting an invitation gives: the list, and the role in it. */
export const AcceptedInvitation = z.object({
  listId: ListId,
  name: z.string(),
  role: Role,
});
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;

/** What the invitation page shows before accepting (to the invited address only). */
export const InvitationPreview = z.object({
  listId: ListId,
  name: z.string(),
  role: Role,
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
