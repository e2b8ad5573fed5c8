/**
 * Sharing end to end over HTTP, as two people would: Ann invites Bob by email, Bob
 * signs up with the mailed address, accepts the link, completes a task, and Ann
 * sees who did; then Ann removes him. And every way a link must not work.
 */
import { randomUUID } from "node:crypto";
import { InvitationPreview, ListsOfPerson, MemberList } from "@taskmanager/core/list/schema";
import { Task, TaskPage } from "@taskmanager/core/task/schema";
import * as User from "@taskmanager/core/user";
import { signUp } from "@taskmanager/local/clients/sign-in";
import { expect, test, vi } from "vitest";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";
import { createList, invite, mailedToken } from "../helpers/lists";

test("Ann invites Bob, who signs up from the email, accepts and completes a task; Ann sees it was Bob; removed, Bob is refused", async () => {
  const ann = await newPerson("ann");
  const listId = await createList(ann, "Holiday");
  const created = await api("/tasks", {
    method: "POST",
    token: ann.token,
    body: { title: "Book the ferry", listId },
  });
  const task = Task.parse(created.json);
  expect(task).toMatchObject({ listId, updatedBy: ann.email.toLowerCase() });

  // Bob has no account yet: the invitation goes to his address, with a link.
  const bobEmail = `bob-${randomUUID()}@example.com`;
  const token = await invite(ann, listId, bobEmail, "editor");
  const mail = await fetch(`${stack().mail}/mailbox/${encodeURIComponent(bobEmail)}`);
  const [message] = ((await mail.json()) as { messages: Array<{ subject: string; text: string }> })
    .messages;
  expect(message?.subject).toContain("Holiday");
  expect(message?.text).toContain(`/invitations/${token}`);
  // The inviter never holds the link: not in the response, not in the pending list.
  const pending = await api(`/lists/${listId}/invitations`, { token: ann.token });
  expect(pending.text).not.toContain(token.split(".")[2]);

  // Bob signs up with that address, opens the link and accepts.
  const bob: Person = {
    email: bobEmail,
    token: (await signUp(stack(), bobEmail, "correct-horse-battery")).access,
  };
  const preview = InvitationPreview.parse(
    (await api(`/invitations/${token}`, { token: bob.token })).json,
  );
  expect(preview).toMatchObject({ listId, name: "Holiday", role: "editor", invitedBy: ann.email });
  const accepted = await api(`/invitations/${token}/accept`, { method: "POST", token: bob.token });
  expect(accepted.status, accepted.text).toBe(200);
  expect(accepted.json).toEqual({ listId, name: "Holiday", role: "editor" });

  // Both see the same list and its members.
  const bobsLists = ListsOfPerson.parse((await api("/lists", { token: bob.token })).json);
  expect(bobsLists.items.map((l) => [l.listId, l.role, l.openTasks])).toEqual([
    [listId, "editor", 1],
  ]);
  const members = MemberList.parse(
    (await api(`/lists/${listId}/members`, { token: ann.token })).json,
  );
  expect(members.items.map((m) => [m.email, m.role]).sort()).toEqual(
    [
      [ann.email.toLowerCase(), "owner"],
      [bobEmail, "editor"],
    ].sort(),
  );

  // Bob completes Ann's task; Ann reads who did it.
  const done = await api(`/tasks/${task.taskId}`, {
    method: "PATCH",
    token: bob.token,
    body: { version: 1, status: "done" },
  });
  expect(done.status, done.text).toBe(200);
  const seen = Task.parse((await api(`/tasks/${task.taskId}`, { token: ann.token })).json);
  expect(seen).toMatchObject({ status: "done", updatedBy: bobEmail, version: 2 });
  const page = TaskPage.parse((await api(`/tasks?listId=${listId}`, { token: ann.token })).json);
  expect(page.items.map((t) => [t.taskId, t.updatedBy])).toEqual([[task.taskId, bobEmail]]);

  // Ann removes Bob: his next request about the list or its task is refused.
  const bobId = members.items.find((m) => m.email === bobEmail)?.userId;
  const removal = await api(`/lists/${listId}/members/${bobId}`, {
    method: "DELETE",
    token: ann.token,
  });
  expect(removal.status).toBe(204);
  expectError(await api(`/tasks/${task.taskId}`, { token: bob.token }), 404, "not_found");
  expectError(await api(`/lists/${listId}`, { token: bob.token }), 404, "not_found");

  // The link worked once: used, it is dead, even for Bob.
  expectError(
    await api(`/invitations/${token}/accept`, { method: "POST", token: bob.token }),
    404,
    "not_found",
  );
});

test("a link does not work for another address, nor once revoked or tampered with", async () => {
  const ann = await newPerson("ann");
  const listId = await createList(ann);
  const bob = await newPerson("bob");
  const eve = await newPerson("eve");
  const token = await invite(ann, listId, bob.email, "viewer");
  const [listPart, invitationPart, secret] = token.split(".") as [string, string, string];
  // Another signed-in person with the link: the same 404 as a link that never was.
  const forEve = await api(`/invitations/${token}/accept`, { method: "POST", token: eve.token });
  const never = await api(
    `/invitations/${listPart}.${invitationPart}.${"A".repeat(secret.length)}/accept`,
    { method: "POST", token: bob.token },
  );
  expect(expectError(forEve, 404, "not_found")).toEqual(expectError(never, 404, "not_found"));
  expectError(await api(`/invitations/${token}`, { token: eve.token }), 404, "not_found");
  // Revoked: dead at once.
  const { items } = (await api(`/lists/${listId}/invitations`, { token: ann.token })).json as {
    items: Array<{ invitationId: string; email: string }>;
  };
  expect(items.map((i) => i.email)).toEqual([bob.email.toLowerCase()]);
  const revoked = await api(`/lists/${listId}/invitations/${items[0]?.invitationId}`, {
    method: "DELETE",
    token: ann.token,
  });
  expect(revoked.status).toBe(204);
  expectError(
    await api(`/invitations/${token}/accept`, { method: "POST", token: bob.token }),
    404,
    "not_found",
  );
});

test("a link expires after 7 days", async () => {
  const ann = await newPerson("ann");
  const listId = await createList(ann);
  const bob = await newPerson("bob");
  const token = await invite(ann, listId, bob.email);
  const now = Date.now();
  // The API runs in its own process: the check is the invitation's own expiry, read
  // at accept time, so the test moves that process's clock by calling core directly.
  const Invitation = await import("@taskmanager/core/invitation");
  const { userId: bobId } = await User.fromEmail(bob.email);
  vi.useFakeTimers({ now: now + 7 * 24 * 3600 * 1000 + 1000, toFake: ["Date"] });
  try {
    await expect(
      Invitation.accept(token, { userId: bobId, email: bob.email }),
    ).rejects.toMatchObject({ code: "not_found" });
  } finally {
    vi.useRealTimers();
  }
  // A moment before the end it still works.
  const { userId } = await User.fromEmail(bob.email);
  vi.useFakeTimers({ now: now + 7 * 24 * 3600 * 1000 - 60_000, toFake: ["Date"] });
  try {
    await expect(Invitation.accept(token, { userId, email: bob.email })).resolves.toMatchObject({
      listId,
    });
  } finally {
    vi.useRealTimers();
  }
});

test("only an owner invites; a mailed link is for the address invited", async () => {
  const ann = await newPerson("ann");
  const listId = await createList(ann);
  const ed = await newPerson("ed");
  const edToken = await invite(ann, listId, ed.email, "editor");
  expect(
    (await api(`/invitations/${edToken}/accept`, { method: "POST", token: ed.token })).status,
  ).toBe(200);
  // An editor of the list may not invite (403); a stranger learns nothing (404).
  expectError(
    await api(`/lists/${listId}/invitations`, {
      method: "POST",
      token: ed.token,
      body: { email: "x@example.com", role: "viewer" },
    }),
    403,
    "forbidden",
  );
  const stranger = await newPerson("stranger");
  expectError(
    await api(`/lists/${listId}/invitations`, {
      method: "POST",
      token: stranger.token,
      body: { email: "x@example.com", role: "viewer" },
    }),
    404,
    "not_found",
  );
  // Nothing was mailed for either.
  await expect(mailedToken("x@example.com")).rejects.toThrow();
});
