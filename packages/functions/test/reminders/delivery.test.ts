/**
 * Reminders end to end on the local stack: the stack's own one-minute job (the
 * handler infra/reminders.ts deploys, on the same schedule) delivers a reminder set
 * 30 s ahead within 60 s of its time, exactly once, by email and as an in-app
 * notice. Then, with the job's core run at chosen moments: completed, deleted and
 * rescheduled tasks send nothing, concurrent runs send each reminder once, and
 * reminders missed in an outage go out marked late, up to the documented bound.
 */
import * as Reminder from "@taskmanager/core/reminder";
import * as User from "@taskmanager/core/user";
import { lambdaContext, loadHandler } from "@taskmanager/local/aws/lambda-handlers";
import { beforeAll, describe, expect, test } from "vitest";
import { reminderJob } from "../../src/reminders/job";
import { api, newPerson, type Person, stack } from "../helpers/api";

interface Mail {
  to: string;
  subject: string;
  text: string;
  at: string;
}

async function mailbox(email: string): Promise<Mail[]> {
  const response = await fetch(`${stack().mail}/mailbox/${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}
const reminders = async (email: string) =>
  (await mailbox(email)).filter((m) => /reminder/i.test(m.subject));

async function createTask(person: Person, body: Record<string, unknown>) {
  const created = await api("/tasks", { method: "POST", token: person.token, body });
  expect(created.status, created.text).toBe(201);
  return created.json as { taskId: string; version: number; userId: string };
}

const MINUTE = 60_000;
const isoMinute = (at: number) => new Date(at).toISOString().replace(/:\d\d\.\d{3}Z$/, ":00Z");

beforeAll(() => {
  // The job's sender, run in this process for the repeated runs below, mails the stack's mailbox.
  process.env.AWS_ENDPOINT_URL_SESV2 = stack().mail;
});

describe("on the stack's own schedule", () => {
  test("a reminder 30 s ahead arrives by email within 60 s of its time, exactly once, and as a notice", async () => {
    const person = await newPerson("remind");
    const settings = await api("/me/settings", {
      method: "PATCH",
      token: person.token,
      body: { timeZone: "Europe/Paris" },
    });
    expect(settings.status).toBe(200);
    // The next whole minute at least 30 s away (a reminder is to the minute).
    const fireAt = Math.ceil((Date.now() + 30_000) / MINUTE) * MINUTE;
    const task = await createTask(person, {
      title: "Call the plumber",
      dueDate: "2030-01-01",
      reminders: [{ at: isoMinute(fireAt) }],
    });
    let arrived: Mail[] = [];
    while (Date.now() < fireAt + 90_000) {
      arrived = await reminders(person.email);
      if (arrived.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(arrived).toHaveLength(1);
    const lateness = Date.parse(arrived[0]?.at as string) - fireAt;
    console.info(`reminder delivered ${lateness} ms after its time`);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(60_000);
    expect(arrived[0]?.subject).toBe("Reminder: Call the plumber");
    expect(arrived[0]?.text).toContain(`http://127.0.0.1:5173/tasks/${task.taskId}`);

    // Retries and concurrent runs of the same handler (in this process) send nothing more.
    const handler = await loadHandler(reminderJob.handler);
    await Promise.all([1, 2, 3].map((n) => handler({}, lambdaContext("Reminders", `retry-${n}`))));
    expect(await reminders(person.email)).toHaveLength(1);

    const notices = await api("/reminders/due", { token: person.token });
    expect(notices.status).toBe(200);
    expect(notices.json).toMatchObject({
      items: [{ taskId: task.taskId, title: "Call the plumber", late: false }],
    });
  }, 150_000);
});

/** The job's core run at `now`, sending into `sent` instead of email. */
function runAt(now: number, sent: Reminder.Delivery[]) {
  return Reminder.runDue({
    now,
    send: async (delivery) => {
      sent.push(delivery);
    },
    reach: async (task, recipientId) => task.userId === recipientId,
    zoneOf: User.timeZoneOf,
  });
}

describe("at chosen moments", () => {
  test("completed, deleted and rescheduled tasks send nothing; the one still due is sent once by five concurrent runs", async () => {
    const person = await newPerson("remind-stale");
    // A minute far from the stack's own job (it reads only up to the present).
    const due = Math.ceil((Date.now() + 3 * 60 * MINUTE) / MINUTE) * MINUTE;
    const at = { reminders: [{ at: isoMinute(due) }], dueDate: "2030-01-01" };
    const live = await createTask(person, { title: "still due", ...at });
    const done = await createTask(person, { title: "completed", ...at });
    const deleted = await createTask(person, { title: "deleted", ...at });
    const moved = await createTask(person, { title: "rescheduled", ...at });
    expect(
      (
        await api(`/tasks/${done.taskId}`, {
          method: "PATCH",
          token: person.token,
          body: { version: 1, status: "done" },
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(`/tasks/${deleted.taskId}`, { method: "DELETE", token: person.token })).status,
    ).toBe(204);
    const later = isoMinute(due + 30 * MINUTE);
    expect(
      (
        await api(`/tasks/${moved.taskId}`, {
          method: "PATCH",
          token: person.token,
          body: { version: 1, reminders: [{ at: later }] },
        })
      ).status,
    ).toBe(200);

    const sent: Reminder.Delivery[] = [];
    const reports = await Promise.all([1, 2, 3, 4, 5].map(() => runAt(due + 5_000, sent)));
    const mine = sent.filter((d) => d.to === person.email);
    expect(mine.map((d) => d.title)).toEqual(["still due"]);
    expect(mine[0]).toMatchObject({ taskId: live.taskId, late: false, fireAt: due });
    expect(reports.reduce((n, r) => n + r.stale, 0)).toBeGreaterThanOrEqual(3);
    // The rescheduled one goes at its new time, once.
    const again: Reminder.Delivery[] = [];
    await runAt(due + 30 * MINUTE + 1_000, again);
    expect(again.filter((d) => d.to === person.email).map((d) => d.title)).toEqual(["rescheduled"]);
  });

  test("after an outage the missed reminder is sent marked late; one older than the catch-up bound is not", async () => {
    const person = await newPerson("remind-late");
    const due = Math.ceil((Date.now() + 6 * 60 * MINUTE) / MINUTE) * MINUTE;
    const task = await createTask(person, {
      title: "missed in an outage",
      dueDate: "2030-01-01",
      reminders: [{ at: isoMinute(due) }],
    });
    const tooOld = await createTask(person, {
      title: "missed for too long",
      dueDate: "2030-01-01",
      reminders: [{ at: isoMinute(due - Reminder.CATCH_UP_MS - 10 * MINUTE) }],
    });
    expect(tooOld.taskId).toBeTruthy();
    const sent: Reminder.Delivery[] = [];
    // The first run after 40 minutes without one.
    await runAt(due + 40 * MINUTE, sent);
    const mine = sent.filter((d) => d.to === person.email);
    expect(mine).toEqual([expect.objectContaining({ taskId: task.taskId, late: true })]);
    const notices = await Reminder.notices(
      task.userId,
      { since: isoMinute(due) },
      due + 41 * MINUTE,
    );
    expect(notices).toEqual([expect.objectContaining({ taskId: task.taskId, late: true })]);
  });

  test("a relative reminder fires its minutes before the due time in the person's zone, across a DST change", async () => {
    const person = await newPerson("remind-zone");
    await api("/me/settings", {
      method: "PATCH",
      token: person.token,
      body: { timeZone: "America/New_York" },
    });
    // 2027-03-14 is New York's spring-forward day: 09:00 there is 13:00 UTC (EDT), not 14:00.
    const task = await createTask(person, {
      title: "after the clocks change",
      dueDate: "2027-03-14",
      dueTime: "09:00",
      reminders: [{ before: 90 }],
    });
    const sent: Reminder.Delivery[] = [];
    await runAt(Date.parse("2027-03-14T11:30:10Z"), sent);
    expect(sent.filter((d) => d.to === person.email)).toEqual([
      expect.objectContaining({ taskId: task.taskId, fireAt: Date.parse("2027-03-14T11:30:00Z") }),
    ]);
  });
});
