/**
 * Sharing a list, for its owner: who is in it (change a role, remove someone), the
 * invitations not yet accepted (revoke), and an invitation by email with a role.
 * Opened from "Share" in the list's header, in place under it: its heading takes focus.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Member, ROLES, type Role } from "@taskmanager/core/list/schema";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import {
  changeRole,
  fetchInvitations,
  invite,
  removeMember,
  revokeInvitation,
} from "../lists/endpoints";
import { listKeys, useMembers } from "../lists/queries";
import { currentEmail } from "../tokens";
import { DeleteButton } from "./DeleteButton";
import { FormAlert } from "./FormAlert";

const roleLabel: Record<Role, string> = { viewer: "Viewer", editor: "Editor", owner: "Owner" };

const invitationsKey = (listId: string) => ["lists", listId, "invitations"] as const;

function RoleOptions() {
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabel[role]}
        </option>
      ))}
    </>
  );
}

interface Props {
  listId: string;
  name: string;
  /** Opened by the person (Share): its heading takes focus. */
  takeFocus: boolean;
}

export function SharePanel({ listId, name, takeFocus }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Only on opening: a panel kept open across a switch of lists leaves focus to the screen.
  const focusOnMount = useRef(takeFocus);
  useEffect(() => {
    if (focusOnMount.current) heading.current?.focus();
  }, []);
  const client = useQueryClient();
  const members = useMembers(listId);
  const invitations = useQuery({
    queryKey: invitationsKey(listId),
    queryFn: () => fetchInvitations(listId),
  });
  const [error, setError] = useState<string | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: listKeys.members(listId) });
    void client.invalidateQueries({ queryKey: invitationsKey(listId) });
  };
  const onError = (failure: unknown) => setError(describeError(failure));
  const role = useMutation({
    mutationFn: ({ member, to }: { member: Member; to: Role }) =>
      changeRole(listId, member.userId, to),
    onSuccess: (member) => announce(`${member.email} is now ${roleLabel[member.role]}.`),
    onError,
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (member: Member) => removeMember(listId, member.userId),
    onSuccess: (_none, member) => announce(`Removed ${member.email}.`),
    onError,
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(listId, invitationId),
    onSuccess: () => announce("Invitation revoked."),
    onError,
    onSettled: refresh,
  });
  const me = currentEmail();

  return (
    <section className="share" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        Share “{name}”
      </h2>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <h3>Members</h3>
      {members.isError ? (
        <p role="alert">{describeError(members.error)}</p>
      ) : (
        <ul className="members-list" aria-label="Members">
          {members.data?.items.map((member) => (
            <li key={member.userId}>
              <span>{member.email}</span>
              <label className="visually-hidden" htmlFor={`${id}-role-${member.userId}`}>
                Role of {member.email}
              </label>
              <select
                id={`${id}-role-${member.userId}`}
                value={member.role}
                disabled={role.isPending}
                onChange={(e) => {
                  setError(null);
                  role.mutate({ member, to: e.target.value as Role });
                }}
              >
                <RoleOptions />
              </select>
              {member.email === me ? null : (
                <DeleteButton
                  action="Remove"
                  name={member.email}
                  question={`Remove ${member.email} from this list?`}
                  onConfirm={() => {
                    setError(null);
                    remove.mutate(member);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Pending invitations</h3>
      {invitations.data && invitations.data.items.length === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <ul className="invitations" aria-label="Pending invitations">
          {invitations.data?.items.map((invitation) => (
            <li key={invitation.invitationId}>
              <span>
                {invitation.email} ({roleLabel[invitation.role]})
              </span>
              <button
                type="button"
                onClick={() => {
                  setError(null);
                  revoke.mutate(invitation.invitationId);
                }}
              >
                Revoke<span className="visually-hidden"> the invitation of {invitation.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <InviteForm listId={listId} onSent={refresh} />
    </section>
  );
}

function InviteForm({ listId, onSent }: { listId: string; onSent: () => void }) {
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({ mutationFn: () => invite(listId, { email: email.trim(), role }) });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.includes("@")) {
      setError("Email must be an email address.");
      return;
    }
    setError(null);
    send.mutate(undefined, {
      onSuccess: (invitation) => {
        setEmail("");
        announce(`Invitation sent to ${invitation.email}.`);
        onSent();
      },
      onError: (failure) => setError(describeError(failure)),
    });
  }
  return (
    <form className="invite" onSubmit={submit} noValidate aria-label="Invite someone">
      <h3>Invite someone</h3>
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        <RoleOptions />
      </select>
      <button type="submit" className="primary" disabled={send.isPending}>
        Send invitation
      </button>
      <FormAlert id={`${id}-error`} message={error} />
    </form>
  );
}
