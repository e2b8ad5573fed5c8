/**
 * The optional daily digest (issue 20): at the hour a person picks, in their zone,
 * one email with their open tasks due that day or overdue, across the lists they
 * can read (the Today view's own read). Filing (`fileNext`, when the hour or the
 * zone is set, and by the job for the next day) puts one item under the UTC minute
 * it is due; the one-minute digest job (`runDigests`) reads the minutes not yet
 * read, re-reads each person's settings (a slot filed before a change is stale),
 * claims the person's day with a condition (once a day, whatever runs or retries),
 * and mails the day's tasks, or nothing when there are none. docs/decisions.md says
 * why a second one-minute Cron rather than the reminders' run.
 */
import { randomUUID } from "node:crypto";
import { mapLimit } from "../concurrency";
import { isConditionFailure } from "../error";
import { ReminderClockEntity } from "../reminder/entity";
import { addDays, DEFAULT_TIME_ZONE, instantOf, todayIn } from "../time/schema";
import { UserEntity } from "../user/entity";
import * as View from "../view";
import type { ViewPage } from "../view/schema";
import { DigestDayEntity, DigestSlotEntity } from "./entity";
import { DIGEST_CATCH_UP_MS, DIGEST_CLAIM_MS, DIGEST_LATE_AFTER_MS } from "./schema";

export { DIGEST_CATCH_UP_MS, DIGEST_CLAIM_MS };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Slots and day claims expire (TTL) this long after their time. */
const KEEP_MS = 8 * DAY;
/** How many people's digests one run prepares at once. */
const CONCURRENCY = 8;

const minuteOf = (instant: number) => new Date(instant).toISOString().slice(0, 16);
const minuteStart = (minute: string) => Date.parse(`${minute}:00.000Z`);
const hourText = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** The instant of `hour` o'clock on `day` in `zone` (a spring-forward gap moves it on, as calendars do). */
export function digestInstant(day: string, hour: number, zone: string): number {
  return instantOf({ date: day, time: hourText(hour) }, zone);
}

/** The next digest strictly after `now`: its day in `zone` and its instant. */
export function nextDigest(hour: number, zone: string, now: number): { day: string; at: number } {
  const today = todayIn(zone, now);
  const at = digestInstant(today, hour, zone);
  if (at > now) return { day: today, at };
  // Tomorrow's hour read on tomorrow's calendar, not today's plus 24 hours: on a
  // DST day they differ by an hour.
  const tomorrow = addDays(today, 1);
  return { day: tomorrow, at: digestInstant(tomorrow, hour, zone) };
}

export interface DigestPerson {
  userId: string;
  email: string;
  timeZone?: string | undefined;
  digestHour?: number | undefined;
}

/**
 * Files the person's next digest after `now` (create-only: the same slot twice is
 * one item). Nothing when they chose none: a slot filed before is then stale.
 */
export async function fileNext(person: DigestPerson, now: number = Date.now()): Promise<void> {
  if (person.digestHour === undefined) return;
  const { day, at } = nextDigest(person.digestHour, person.timeZone ?? DEFAULT_TIME_ZONE, now);
  await fileSlot(person, day, at);
}

async function fileSlot(person: { userId: string; email: string }, day: string, at: number) {
  try {
    await DigestSlotEntity.create({
      minute: minuteOf(at),
      userId: person.userId,
      email: person.email,
      day,
      expiresAt: Math.floor((at + KEEP_MS) / 1000),
    }).go({ response: "none" });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** What the job hands its sender: one person's digest of one day. */
export interface Digest {
  to: string;
  day: string;
  /** Open tasks due that day or before, by due date (the Today view's). */
  tasks: ViewPage["items"];
  truncated: boolean;
  /** Sent more than a minute after its time (after an outage). */
  late: boolean;
}

export interface DigestRunOptions {
  now?: number;
  /** Sends one digest; a throw leaves the day claimed, retried after DIGEST_CLAIM_MS. */
  send: (digest: Digest) => Promise<void>;
  onError?: (error: unknown, slot: { minute: string; userId: string }) => void;
}

export interface DigestRunReport {
  minutes: number;
  read: number;
  sent: number;
  /** Nothing due that day: no mail (the day is still claimed). */
  empty: number;
  /** Filed before the hour or zone changed, or the digest was turned off. */
  stale: number;
  /** Already sent that day, or claimed by another run. */
  skipped: number;
  failed: number;
  /** Lateness of each digest sent (ms after its time). */
  lateness: number[];
}

const CLOCK = { name: "digests" };

/**
 * One run of the digest job: every minute from the first not yet read (at most
 * DIGEST_CATCH_UP_MS back) through the current one, and the one before it again (a
 * slot filed just after a run read its minute). A minute with a failure is read
 * again by the next run, so a failed digest is retried once its claim lapses.
 */
export async function runDigests(options: DigestRunOptions): Promise<DigestRunReport> {
  const now = options.now ?? Date.now();
  const current = minuteOf(now);
  const clock = await ReminderClockEntity.get(CLOCK).go({ consistent: true });
  const resumeAt = clock.data ? minuteStart(clock.data.nextMinute) : now - 5 * MINUTE;
  const from = Math.max(Math.min(resumeAt, now - MINUTE), now - DIGEST_CATCH_UP_MS);
  const report: DigestRunReport = {
    minutes: 0,
    read: 0,
    sent: 0,
    empty: 0,
    stale: 0,
    skipped: 0,
    failed: 0,
    lateness: [],
  };
  let firstFailed: string | undefined;
  for (let at = minuteStart(minuteOf(from)); at <= minuteStart(current); at += MINUTE) {
    const minute = minuteOf(at);
    report.minutes++;
    const { data } = await DigestSlotEntity.query.byMinute({ minute }).go({ pages: "all" });
    report.read += data.length;
    await mapLimit(data, CONCURRENCY, (slot) =>
      deliver(slot, now, options, report).catch((error: unknown) => {
        report.failed++;
        firstFailed ??= minute;
        options.onError?.(error, slot);
      }),
    );
  }
  await ReminderClockEntity.put({ ...CLOCK, nextMinute: firstFailed ?? current }).go({
    response: "none",
  });
  return report;
}

type Slot = { minute: string; userId: string; email: string; day: string };

async function deliver(
  slot: Slot,
  now: number,
  options: DigestRunOptions,
  report: DigestRunReport,
) {
  const { data: person } = await UserEntity.get({ email: slot.email }).go({ consistent: true });
  const zone = person?.timeZone ?? DEFAULT_TIME_ZONE;
  const due = minuteStart(slot.minute);
  // Still the person's digest at this minute: same person, an hour chosen, and that
  // hour on that day in their zone now is this minute.
  if (
    !person ||
    person.userId !== slot.userId ||
    person.digestHour === undefined ||
    digestInstant(slot.day, person.digestHour, zone) !== due
  ) {
    report.stale++;
    return;
  }
  // The next day's first: a run that dies after this still leaves the chain going.
  const next = addDays(slot.day, 1);
  await fileSlot(slot, next, digestInstant(next, person.digestHour, zone));
  const claim: string = randomUUID();
  const key = { userId: slot.userId, day: slot.day };
  try {
    await DigestDayEntity.update(key)
      .set({
        claim,
        claimedUntil: now + DIGEST_CLAIM_MS,
        expiresAt: Math.floor((due + KEEP_MS) / 1000),
      })
      .where(
        (d, { notExists, lt }) =>
          `${notExists(d.sentAt)} AND (${notExists(d.claimedUntil)} OR ${lt(d.claimedUntil, now)})`,
      )
      .go({ response: "none" });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    report.skipped++;
    return;
  }
  let mailed = false;
  try {
    const { items, truncated } = await View.today(slot.userId, { today: slot.day });
    const sentAt = options.now ?? Date.now();
    // An empty day sends nothing: a mail saying "nothing today" every day is noise
    // people learn to ignore (docs/decisions.md).
    if (items.length > 0) {
      const late = sentAt - due > DIGEST_LATE_AFTER_MS;
      await options.send({ to: slot.email, day: slot.day, tasks: items, truncated, late });
      mailed = true;
      report.sent++;
      report.lateness.push(sentAt - due);
    } else {
      report.empty++;
    }
    await DigestDayEntity.patch(key)
      .set({
        sentAt: new Date(sentAt).toISOString(),
        outcome: items.length > 0 ? "sent" : "empty",
        tasks: items.length,
      })
      .where((d, { eq }) => eq(d.claim, claim))
      .go({ response: "none" });
  } catch (error) {
    // Not mailed: released, so the next run (which reads this minute again) retries at
    // once. Mailed but not marked: the claim stands, so it is not mailed twice.
    if (!mailed) {
      await DigestDayEntity.patch(key)
        .remove(["claim", "claimedUntil"])
        .where((d, { eq }) => eq(d.claim, claim))
        .go({ response: "none" })
        .catch(() => undefined);
    }
    throw error;
  }
}
