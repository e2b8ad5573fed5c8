/** Lists, members and invitations over HTTP, for the API tests. */
import { expect } from "vitest";
import { api, type Person, stack } from "./api";

export async function createList(person: Person, name = "a list"): Promise<string> {
  const response = await api("/lists", { method: "POST", token: person.token, body: { name } });
  expect(response.status, response.text).toBe(201);
  return (response.json as { listId: string }).listId;
}

/** The latest invitation link's token in `email`'s mailbox (the local stand-in for SES). */
export async function mailedToken(email: string): Promise<string> {
  const response = await fetch(`${stack().mail}/mailbox/${encodeURIComponent(email)}`);
  const { messages } = (await response.json()) as { messages: Array<{ text: string }> };
  const links = messages
    .map((message) => /\/invitations\/([A-Za-z0-9._-]+)/.exec(message.text)?.[1])
    .filter((token): token is string => token !== undefined);
  const token = links.at(-1);
  if (!token) throw new Error(`No invitation in ${email}'s mailbox`);
  return token;
}

/** `owner` invites `email` to the list; returns the link's token from the mailbox. */
export async function invite(
  owner: Person,
  listId: string,
  email: string,
  role: "viewer" | "editor" | "owner" = "editor",
): Promise<string> {
  const response = await api(`/lists/${listId}/invitations`, {
    method: "POST",
    token: owner.token,
    body: { email, role },
  });
  expect(response.status, response.text).toBe(201);
  return mailedToken(email);
}

/** `person` joins the list through an invitation from `owner`; returns their user id. */
export async function join(
  owner: Person,
  listId: string,
  person: Person,
  role: "viewer" | "editor" | "owner" = "editor",
): Promise<string> {
  const token = await invite(owner, listId, person.email, role);
  const accepted = await api(`/invitations/${token}/accept`, {
    method: "POST",
    token: person.token,
  });
  expect(accepted.status, accepted.text).toBe(200);
  const members = await api(`/lists/${listId}/members`, { token: owner.token });
  const member = (members.json as { items: Array<{ userId: string; email: string }> }).items.find(
    (m) => m.email === person.email.toLowerCase(),
  );
  if (!member) throw new Error(`${person.email} is not in the list after accepting`);
  return member.userId;
}
