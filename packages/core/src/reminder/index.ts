/**
 * Reminders: filing a task's reminders under the minute each fires in
 * (`filing.ts`: in the same transaction as the task's write, task/index.ts), and the one-minute
 * job's work (`runDue`): read the minutes not yet read, claim each reminder with a
 * condition (so concurrent or retried runs send it once), re-read its task, and
 * send it only if the task still wants it. docs/decisions.md says why a bucketed
 * index and a Cron rather than one EventBridge schedule per reminder.
 */
import { randomUUID } from "node:crypto";
import { mapLimit } from "../concurrency";
import { isConditionFailure, parseInput } from "../error";
import { TaskEntity, type TaskItem } from "../task/entity";
import { NoticeEntity, ReminderClockEntity, ReminderEntity } from "./entity";
import { filings, firings, KEEP_MS, minuteOf, type Recipient, type Scheduled } from "./filing";
import {
  CATCH_UP_MS,
  CLAIM_MS,
  DueRemindersQuery,
  LATE_AFTER_MS,
  type ReminderNotice,
} from "./schema";

const MINUTE = 60_000;

export { CATCH_UP_MS, CLAIM_MS, filings, firings, LATE_AFTER_MS, minuteOf, type Recipient };

/** How many reminders one run sends at once (docs/performance.md: 10,000 in a minute). */
export const SEND_CONCURRENCY = 16;

const minuteStart = (minute: string) => Date.parse(`${minute}:00.000Z`);

/**
 * Files the task's reminders that are still to come under their minutes, for
 * `recipient`. Create-only: an item already filed (maybe already sent) is never
 * overwritten, so writing the same schedule again sends nothing twice. Returns how
 * many were filed anew.
 */
export async function schedule(
  task: Scheduled & { userId: string; taskId: string },
  recipient: Recipient,
  zone: string,
  now: number = Date.now(),
): Promise<number> {
  const filed = await Promise.all(
    filings(task, recipient, zone, now).map(async (item) => {
      try {
        await ReminderEntity.create(item).go({ response: "none" });
        return 1;
      } catch (error) {
        if (isConditionFailure(error)) return 0;
        throw error;
      }
    }),
  );
  return filed.reduce<number>((sum, n) => sum + n, 0);
}

/** What the job hands its sender: one reminder to email. */
export interface Delivery {
  to: string;
  taskId: string;
  title: string;
  dueDate: string | null;
  dueTime: string | undefined;
  fireAt: number;
  late: boolean;
}

export interface RunOptions {
  now?: number;
  /** Sends one reminder (the email); a throw leaves it claimed, retried after CLAIM_MS. */
  send: (delivery: Delivery) => Promise<void>;
  /** Whether the recipient may still see the task (its creator, or a member of its list). */
  reach: (task: TaskItem, recipientId: string) => Promise<boolean>;
  /** The recipient's time zone now (a relative reminder's time is recomputed in it). */
  zoneOf: (email: string) => Promise<string>;
  /** Reminders in flight at once (default SEND_CONCURRENCY; the bench compares others). */
  concurrency?: number;
  /** Told why a reminder could not be sent (it stays claimed; counted in `failed`). */
  onError?: (error: unknown, reminder: { minute: string; taskId: string; key: string }) => void;
}

export interface RunReport {
  minutes: number;
  read: number;
  sent: number;
  late: number;
  stale: number;
  /** Already sent or claimed by another run. */
  skipped: number;
  failed: number;
  /** Lateness of each reminder sent (ms after its time). */
  lateness: number[];
}

const CLOCK = { name: "reminders" };

/**
 * One run of the one-minute job. Reads every minute from the first one not yet
 * read (at most CATCH_UP_MS back) through the current one, and the minute before
 * the current one again: a reminder filed into a minute just after a run read it is
 * found by the next run, at most a minute late.
 */
export async function runDue(options: RunOptions): Promise<RunReport> {
  const now = options.now ?? Date.now();
  const current = minuteOf(now);
  const clock = await ReminderClockEntity.get(CLOCK).go({ consistent: true });
  const resumeAt = clock.data ? minuteStart(clock.data.nextMinute) : now - 5 * MINUTE;
  const from = minuteOf(Math.max(Math.min(resumeAt, now - MINUTE), now - CATCH_UP_MS));
  const report: RunReport = {
    minutes: 0,
    read: 0,
    sent: 0,
    late: 0,
    stale: 0,
    skipped: 0,
    failed: 0,
    lateness: [],
  };
  const zones = new Map<string, Promise<string>>();
  const zoneOf = (email: string) => {
    const known = zones.get(email);
    if (known) return known;
    const zone = options.zoneOf(email);
    zones.set(email, zone);
    return zone;
  };
  let firstFailed: string | undefined;
  for (let at = minuteStart(from); at <= minuteStart(current); at += MINUTE) {
    const minute = minuteOf(at);
    report.minutes++;
    const { data } = await ReminderEntity.query.byMinute({ minute }).go({ pages: "all" });
    report.read += data.length;
    const pending = data.filter((item) => item.sentAt === undefined);
    report.skipped += data.length - pending.length;
    // A pool, not batches: a slow send holds one slot, not the whole batch.
    await mapLimit(pending, options.concurrency ?? SEND_CONCURRENCY, (item) =>
      deliver(item, { ...options, zoneOf, now: options.now }, report).catch((error: unknown) => {
        report.failed++;
        firstFailed ??= minute;
        options.onError?.(error, item);
      }),
    );
  }
  // A minute with a failure is read again by the next run, which retries what this
  // one released (a failure before the mail releases the claim).
  await ReminderClockEntity.put({ ...CLOCK, nextMinute: firstFailed ?? current }).go({
    response: "none",
  });
  return report;
}

type ReminderItem = Awaited<ReturnType<ReturnType<typeof ReminderEntity.get>["go"]>>["data"] & {};

async function deliver(item: ReminderItem, options: RunOptions, report: RunReport) {
  const key = { minute: item.minute, ownerId: item.ownerId, taskId: item.taskId, key: item.key };
  const claim: string = randomUUID();
  const claimedAt = options.now ?? Date.now();
  try {
    await ReminderEntity.patch(key)
      .set({ claim, claimedUntil: claimedAt + CLAIM_MS })
      .where(
        (r, { notExists, lt }) =>
          `${notExists(r.sentAt)} AND (${notExists(r.claimedUntil)} OR ${lt(r.claimedUntil, claimedAt)})`,
      )
      .go({ response: "none" });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    report.skipped++;
    return;
  }
  const progress = { mailed: false };
  try {
    await sendClaimed(item, key, claim, options, report, progress);
  } catch (error) {
    // Not mailed: released, so the next run (which reads this minute again) retries
    // it at once. Mailed but not marked: the claim stands, so it is not mailed twice.
    if (!progress.mailed) {
      await ReminderEntity.patch(key)
        .remove(["claim", "claimedUntil"])
        .where((r, { eq }) => eq(r.claim, claim))
        .go({ response: "none" })
        .catch(() => undefined);
    }
    throw error;
  }
}

type ReminderKey = { minute: string; ownerId: string; taskId: string; key: string };

/**
 * After the claim: re-reads the task, sends it if still due, marks the outcome and
 * files the notice. `progress.mailed` says, if it throws, whether the mail went.
 */
async function sendClaimed(
  item: ReminderItem,
  key: ReminderKey,
  claim: string,
  options: RunOptions,
  report: RunReport,
  progress: { mailed: boolean },
): Promise<void> {
  const finish = (outcome: "sent" | "late" | "stale", sentAt: string) =>
    ReminderEntity.patch(key)
      .set({ sentAt, outcome })
      .where((r, { eq }) => eq(r.claim, claim))
      .go({ response: "none" });
  // Re-read the task now: completed, deleted, rescheduled or out of reach since it
  // was filed, and it is stale.
  const { data: task } = await TaskEntity.get({ userId: item.ownerId, taskId: item.taskId }).go({
    consistent: true,
  });
  const fireAt = minuteStart(item.minute);
  const stillDue =
    task !== null &&
    task.status !== "done" &&
    firings(task, await options.zoneOf(item.recipientEmail)).some(
      (f) => f.key === item.key && minuteOf(f.fireAt) === item.minute,
    ) &&
    (await options.reach(task, item.recipientId));
  const sentAt = options.now ?? Date.now();
  if (!task || !stillDue) {
    report.stale++;
    await finish("stale", new Date(sentAt).toISOString());
    return;
  }
  const late = sentAt - fireAt > LATE_AFTER_MS;
  await options.send({
    to: item.recipientEmail,
    taskId: task.taskId,
    title: task.title,
    dueDate: task.dueDate ?? null,
    dueTime: task.dueTime,
    fireAt,
    late,
  });
  progress.mailed = true;
  const sentIso = new Date(sentAt).toISOString();
  await finish(late ? "late" : "sent", sentIso);
  await NoticeEntity.create({
    recipientId: item.recipientId,
    sentAt: sentIso,
    taskId: task.taskId,
    key: item.key,
    title: task.title,
    fireAt: new Date(fireAt).toISOString(),
    late,
    expiresAt: Math.floor((fireAt + KEEP_MS) / 1000),
  }).go({ response: "none" });
  report.sent++;
  if (late) report.late++;
  report.lateness.push(sentAt - fireAt);
}

/** The caller's delivered reminders since `since` (default: the last day), newest first. */
export async function notices(
  recipientId: string,
  query: DueRemindersQuery = {},
  now: number = Date.now(),
): Promise<ReminderNotice[]> {
  const parsed = parseInput(DueRemindersQuery, query);
  const since = new Date(parsed.since ? Date.parse(parsed.since) : now - 24 * 60 * MINUTE);
  const { data } = await NoticeEntity.query
    .byRecipient({ recipientId })
    .gt({ sentAt: since.toISOString() })
    .go({ order: "desc", limit: 50 });
  return data.map(({ taskId, title, fireAt, sentAt, late }) => ({
    taskId,
    title,
    fireAt,
    sentAt,
    late,
  }));
}
