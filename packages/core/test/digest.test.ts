/**
 * The daily digest: due at the person's hour in their zone across DST changes,
 * once a day whatever runs at once, moved by a new hour, stopped by null, and
 * nothing at all for an empty day. Runs at chosen moments (a few days apart, so no
 * test's run reads another's slots) with the mail captured.
 */
import * as Digest from "@taskmanager/core/digest";
import * as List from "@taskmanager/core/list";
import * as Task from "@taskmanager/core/task";
import * as User from "@taskmanager/core/user";
import { ulid } from "ulid";
import { expect, test } from "vitest";

const at = (iso: string) => Date.parse(iso);

test("the next digest is the hour on the zone's calendar, across DST changes", () => {
  // New York springs forward on 2027-03-14: 08:00 is 13:00 UTC the day before, 12:00 UTC that day.
  const ny = "America/New_York";
  expect(Digest.nextDigest(8, ny, at("2027-03-13T12:59:00Z"))).toEqual({
    day: "2027-03-13",
    at: at("2027-03-13T13:00:00Z"),
  });
  expect(Digest.nextDigest(8, ny, at("2027-03-13T13:00:00Z"))).toEqual({
    day: "2027-03-14",
    at: at("2027-03-14T12:00:00Z"),
  });
  // Paris springs forward on 2027-03-28 at 02:00: the 2 o'clock digest is at 03:00 CEST.
  expect(Digest.nextDigest(2, "Europe/Paris", at("2027-03-27T12:00:00Z"))).toEqual({
    day: "2027-03-28",
    at: at("2027-03-28T01:00:00Z"),
  });
  // Falling back (2027-10-31), 02:00 happens twice: the first one.
  expect(Digest.nextDigest(2, "Europe/Paris", at("2027-10-30T12:00:00Z"))).toEqual({
    day: "2027-10-31",
    at: at("2027-10-31T00:00:00Z"),
  });
});

async function person(zone: string, hour: number | null, now: number) {
  const email = `digest-${ulid()}@example.com`.toLowerCase();
  const { userId } = await User.fromEmail(email);
  await User.updateSettings(email, { timeZone: zone, digestHour: hour }, now);
  return { userId, email };
}

function runAt(now: number, sent: Digest.Digest[]) {
  return Digest.runDigests({
    now,
    send: async (digest) => {
      sent.push(digest);
    },
  });
}
const to = (sent: Digest.Digest[], email: string) => sent.filter((d) => d.to === email);

test("on New York's spring-forward day the 8 o'clock digest comes at 12:00 UTC, with today's and overdue open tasks across lists", async () => {
  const me = await person("America/New_York", 8, at("2027-03-13T14:00:00Z"));
  const list = await List.create(me, { name: "Home" });
  await Task.create(me.userId, { title: "due today", dueDate: "2027-03-14", dueTime: "10:30" });
  await Task.create(me.userId, { title: "overdue", dueDate: "2027-03-10" });
  await Task.create(me.userId, { title: "in a list", dueDate: "2027-03-14", listId: list.listId });
  await Task.create(me.userId, { title: "next week", dueDate: "2027-03-20" });
  await Task.create(me.userId, { title: "undated" });
  const done = await Task.create(me.userId, { title: "done today", dueDate: "2027-03-14" });
  await Task.update(me.userId, done.taskId, { version: 1, status: "done" });

  const sent: Digest.Digest[] = [];
  // Where 08:00 would be without the change (13:00 UTC): the digest has gone already.
  await runAt(at("2027-03-14T11:59:30Z"), sent);
  expect(to(sent, me.email)).toEqual([]);
  await runAt(at("2027-03-14T12:00:05Z"), sent);
  await runAt(at("2027-03-14T13:00:05Z"), sent);
  const mine = to(sent, me.email);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ day: "2027-03-14", late: false, truncated: false });
  expect(mine[0]?.tasks.map((t) => t.title)).toEqual(["overdue", "due today", "in a list"]);
  // The next day's is filed by the run: 08:00 EDT, 12:00 UTC again.
  await runAt(at("2027-03-15T12:00:05Z"), sent);
  expect(to(sent, me.email).map((d) => d.day)).toEqual(["2027-03-14", "2027-03-15"]);
});

test("two runs at once send one digest", async () => {
  const me = await person("Europe/Paris", 9, at("2027-04-01T05:00:00Z"));
  await Task.create(me.userId, { title: "something", dueDate: "2027-04-01" });
  const sent: Digest.Digest[] = [];
  const reports = await Promise.all([1, 2, 3].map(() => runAt(at("2027-04-01T07:00:10Z"), sent)));
  expect(to(sent, me.email)).toHaveLength(1);
  expect(reports.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
});

test("a changed hour moves the digest; turning it off stops it", async () => {
  const me = await person("UTC", 8, at("2027-04-10T05:00:00Z"));
  await Task.create(me.userId, { title: "every day", dueDate: "2027-04-09" });
  await User.updateSettings(me.email, { digestHour: 20 }, at("2027-04-10T06:00:00Z"));
  const sent: Digest.Digest[] = [];
  const atEight = await runAt(at("2027-04-10T08:00:05Z"), sent);
  expect(to(sent, me.email)).toEqual([]);
  expect(atEight.stale).toBeGreaterThanOrEqual(1);
  await runAt(at("2027-04-10T20:00:05Z"), sent);
  expect(to(sent, me.email).map((d) => d.day)).toEqual(["2027-04-10"]);
  // Off after that: the next day's, filed by the run at 20:00, is stale and sends nothing.
  await User.updateSettings(me.email, { digestHour: null }, at("2027-04-10T21:00:00Z"));
  await runAt(at("2027-04-11T20:00:05Z"), sent);
  expect(to(sent, me.email)).toHaveLength(1);
});

test("an hour changed after today's digest does not send a second one that day", async () => {
  const me = await person("UTC", 8, at("2027-04-20T05:00:00Z"));
  await Task.create(me.userId, { title: "once a day", dueDate: "2027-04-20" });
  const sent: Digest.Digest[] = [];
  await runAt(at("2027-04-20T08:00:05Z"), sent);
  await User.updateSettings(me.email, { digestHour: 10 }, at("2027-04-20T09:00:00Z"));
  await runAt(at("2027-04-20T10:00:05Z"), sent);
  expect(to(sent, me.email).map((d) => d.day)).toEqual(["2027-04-20"]);
  await runAt(at("2027-04-21T10:00:05Z"), sent);
  expect(to(sent, me.email).map((d) => d.day)).toEqual(["2027-04-20", "2027-04-21"]);
});

test("an empty day sends nothing, and the next day's digest still comes", async () => {
  const me = await person("Asia/Kathmandu", 7, at("2027-05-01T00:00:00Z"));
  // Kathmandu is UTC+05:45: 07:00 there is 01:15 UTC.
  const sent: Digest.Digest[] = [];
  const empty = await runAt(at("2027-05-01T01:15:05Z"), sent);
  expect(to(sent, me.email)).toEqual([]);
  expect(empty.empty).toBeGreaterThanOrEqual(1);
  await Task.create(me.userId, { title: "now something", dueDate: "2027-05-02" });
  await runAt(at("2027-05-02T01:15:05Z"), sent);
  expect(to(sent, me.email).map((d) => [d.day, d.tasks.length])).toEqual([["2027-05-02", 1]]);
});

test("a digest whose mail failed is sent by the next run, once", async () => {
  const me = await person("UTC", 6, at("2027-05-10T00:00:00Z"));
  await Task.create(me.userId, { title: "retry me", dueDate: "2027-05-10" });
  const failing = await Digest.runDigests({
    now: at("2027-05-10T06:00:05Z"),
    send: async (digest) => {
      if (digest.to === me.email) throw new Error("SES refused");
    },
  });
  expect(failing.failed).toBeGreaterThanOrEqual(1);
  const sent: Digest.Digest[] = [];
  await runAt(at("2027-05-10T06:01:05Z"), sent);
  await runAt(at("2027-05-10T06:02:05Z"), sent);
  expect(to(sent, me.email).map((d) => d.day)).toEqual(["2027-05-10"]);
});
