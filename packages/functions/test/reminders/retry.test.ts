/**
 * A reminder whose mail failed (SES throttling, a timeout) is sent by a later run,
 * once: the run that failed releases its claim and the job reads that minute again.
 * Found by the 10,000-reminder bench (docs/performance.md), where reminders that
 * failed on timeouts were never retried: the clock had moved past their minute and
 * their claim refused the one re-read.
 */
import * as Reminder from "@taskmanager/core/reminder";
import * as User from "@taskmanager/core/user";
import { expect, test } from "vitest";
import { api, newPerson } from "../helpers/api";

const MINUTE = 60_000;
const isoMinute = (at: number) => new Date(at).toISOString().replace(/:\d\d\.\d{3}Z$/, ":00Z");

test("a reminder whose mail failed is sent by the next runs, once", async () => {
  const person = await newPerson("remind-retry");
  // Nine hours ahead: no other suite's run reads this minute (theirs are at 3, 6, 12 hours).
  const due = Math.ceil((Date.now() + 9 * 60 * MINUTE) / MINUTE) * MINUTE;
  const created = await api("/tasks", {
    method: "POST",
    token: person.token,
    body: { title: "retry me", dueDate: "2030-01-01", reminders: [{ at: isoMinute(due) }] },
  });
  expect(created.status).toBe(201);
  const run = (now: number, send: (d: Reminder.Delivery) => Promise<void>) =>
    Reminder.runDue({
      now,
      send,
      reach: async (task, recipientId) => task.userId === recipientId,
      zoneOf: User.timeZoneOf,
    });
  const failed = await run(due + 5_000, async (delivery) => {
    if (delivery.to === person.email) throw new Error("Throttling: Maximum sending rate exceeded");
  });
  expect(failed.failed).toBeGreaterThanOrEqual(1);
  const sent: Reminder.Delivery[] = [];
  for (const after of [65_000, 125_000, 185_000]) {
    await run(due + after, async (delivery) => {
      sent.push(delivery);
    });
  }
  expect(sent.filter((d) => d.to === person.email).map((d) => d.title)).toEqual(["retry me"]);
});
