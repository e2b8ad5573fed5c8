/**
 * A reminder goes only to someone who can still see the task when it fires: not to
 * a member removed from the task's list, nor after the task moved to a list they are
 * not in. The job's own `reach` check (reminders/run.ts), against the lists.
 */
import * as Reminder from "@taskmanager/core/reminder";
import * as User from "@taskmanager/core/user";
import { expect, test } from "vitest";
import { reach } from "../../src/reminders/run";
import { api, newPerson, type Person } from "../helpers/api";
import { createList, join } from "../helpers/lists";

const MINUTE = 60_000;

async function listedTask(person: Person, listId: string, title: string, at: number) {
  const created = await api("/tasks", {
    method: "POST",
    token: person.token,
    body: { title, listId, dueDate: "2030-01-01", reminders: [{ at: new Date(at).toISOString() }] },
  });
  expect(created.status, created.text).toBe(201);
  return created.json as { taskId: string; version: number };
}

test("a removed member and a task moved out of a member's lists get no reminder; members who stay do", async () => {
  const owner = await newPerson("reach-owner");
  const leaver = await newPerson("reach-removed");
  const stayer = await newPerson("reach-stays");
  const listId = await createList(owner, "household");
  const elsewhere = await createList(owner, "owner only");
  const leaverId = await join(owner, listId, leaver);
  await join(owner, listId, stayer);
  // A minute no other test uses, far from the stack's own job.
  const at = Math.ceil((Date.now() + 9 * 60 * MINUTE) / MINUTE) * MINUTE;
  await listedTask(leaver, listId, "set by the removed member", at);
  const moved = await listedTask(stayer, listId, "moved to a list they are not in", at);
  await listedTask(stayer, listId, "still theirs to see", at);
  await listedTask(owner, listId, "the owner's", at);

  const removed = await api(`/lists/${listId}/members/${leaverId}`, {
    method: "DELETE",
    token: owner.token,
  });
  expect(removed.status, removed.text).toBe(204);
  const move = await api(`/tasks/${moved.taskId}`, {
    method: "PATCH",
    token: owner.token,
    body: { version: moved.version, listId: elsewhere },
  });
  expect(move.status, move.text).toBe(200);

  const sent: Reminder.Delivery[] = [];
  await Reminder.runDue({
    now: at + 5_000,
    send: async (delivery) => {
      sent.push(delivery);
    },
    reach,
    zoneOf: User.timeZoneOf,
  });
  const ours = new Set([owner.email, leaver.email, stayer.email]);
  expect(
    sent
      .filter((d) => ours.has(d.to))
      .map((d) => `${d.to.split("-")[1]}: ${d.title}`)
      .sort(),
  ).toEqual(["owner: the owner's", "stays: still theirs to see"]);
});
