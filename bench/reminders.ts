/**
 * 10,000 reminders due in the same minute (issue 20), sent by one run of the job
 * through the local stack's mailbox (its SES stand-in), as the one-minute Cron runs
 * it: the run starts at a minute's start and reads that minute. Prints, per send
 * concurrency, the delivery spread (ms after the minute's start) and p99 lateness,
 * and checks each reminder was sent exactly once. Sizes: BENCH_REMINDERS (10,000),
 * BENCH_CONCURRENCY ("16,64": one fresh minute of reminders for each).
 * `pnpm --filter @taskmanager/bench bench reminders`.
 */
import { ulid } from "ulid";
import { startFixture } from "./lib/fixture";
import { percentile, printTable, writeResult } from "./lib/report";

const COUNT = Number(process.env.BENCH_REMINDERS ?? 10_000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "16,64").split(",").map(Number);
const MINUTE = 60_000;

export async function reminders() {
  const fixture = await startFixture({ inProcess: true });
  try {
    // Imported late: core reads the table's name from the environment the fixture set.
    const Reminder = await import("../packages/core/src/reminder/index");
    const { ReminderEntity } = await import("../packages/core/src/reminder/entity");
    const { seedTaskItems } = await import("../packages/core/src/seed/index");
    const { sendReminder } = await import("../packages/functions/src/reminders/email");
    const { reach } = await import("../packages/functions/src/reminders/run");
    const User = await import("../packages/core/src/user/index");
    process.env.AWS_ENDPOINT_URL_SESV2 = fixture.stack.urls.mail;
    const { userId } = fixture.person;
    const email = `bench-${userId}@example.com`.toLowerCase();

    const rows: (string | number)[][] = [];
    const results = [];
    // Minutes a day ahead, one per variant: the stack's own job (reading up to now) never reaches them.
    const base = Math.ceil((Date.now() + 24 * 60 * MINUTE) / MINUTE) * MINUTE;
    for (const [v, concurrency] of CONCURRENCY.entries()) {
      const at = base + v * MINUTE;
      const seeded = performance.now();
      await seed(at);
      const seedMs = performance.now() - seeded;
      // Start as the Cron does, at a wall-clock minute's start; lateness counts from it.
      await new Promise((r) => setTimeout(r, MINUTE - (Date.now() % MINUTE)));
      const minuteStart = performance.now();
      const sends: number[] = [];
      const counts = new Map<string, number>();
      const errors = new Map<string, number>();
      const report = await Reminder.runDue({
        now: at + 1,
        concurrency,
        send: async (delivery) => {
          await sendReminder(delivery);
          counts.set(delivery.taskId, (counts.get(delivery.taskId) ?? 0) + 1);
          sends.push(performance.now() - minuteStart);
        },
        reach,
        zoneOf: User.timeZoneOf,
        onError: (error) => {
          const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          errors.set(name.slice(0, 120), (errors.get(name.slice(0, 120)) ?? 0) + 1);
        },
      });
      // Never twice. A failure (a DynamoDB timeout, say) before the send leaves the
      // reminder claimed, unsent; after it (marking it sent), sent but counted failed too.
      if ([...counts.values()].some((n) => n > 1) || counts.size + report.failed < COUNT) {
        throw new Error(`concurrency ${concurrency}: ${counts.size} sent, ${report.failed} failed`);
      }
      console.log(`concurrency ${concurrency}: ${counts.size} sent, ${report.failed} failed`);
      const withinMinute = sends.filter((t) => t <= MINUTE).length;
      const result = {
        concurrency,
        reminders: COUNT,
        seedMs: Math.round(seedMs),
        firstMs: Math.round(percentile(sends, 0)),
        p50Ms: Math.round(percentile(sends, 50)),
        p99Ms: Math.round(percentile(sends, 99)),
        lastMs: Math.round(percentile(sends, 100)),
        withinMinute,
        failed: report.failed,
        errors: Object.fromEntries(errors),
        perSecond: Math.round(counts.size / (percentile(sends, 100) / 1000)),
      };
      results.push(result);
      console.log(JSON.stringify(result));
      rows.push([
        concurrency,
        COUNT,
        result.firstMs,
        result.p50Ms,
        result.p99Ms,
        result.lastMs,
        `${withinMinute} (${((100 * withinMinute) / COUNT).toFixed(1)}%)`,
        report.failed,
        result.perSecond,
      ]);
    }
    printTable(
      `${COUNT} reminders due in one minute, one run started at the minute's start (ms after it)`,
      [
        "concurrency",
        "reminders",
        "first",
        "p50",
        "p99 lateness",
        "last",
        "within 60 s",
        "failed",
        "per s",
      ],
      rows,
    );
    writeResult("reminders", results);
    return results;

    /** COUNT tasks with a reminder at `at`, and their filed reminders, written in batches. */
    async function seed(at: number) {
      const now = new Date().toISOString();
      const tasks = Array.from({ length: COUNT }, (_, i) => ({
        userId,
        taskId: ulid(),
        title: `Reminder ${i}`,
        description: "",
        status: "todo" as const,
        priority: "medium" as const,
        dueDate: "2030-01-01",
        dueSort: "2030-01-01",
        reminders: [{ at: new Date(at).toISOString() }],
        tags: [],
        createdAt: now,
        updatedAt: now,
        version: 1,
      }));
      for (let start = 0; start < tasks.length; start += 2_000) {
        await seedTaskItems(tasks.slice(start, start + 2_000));
      }
      const key = `at:${new Date(at).toISOString().slice(0, 16)}`;
      const items = tasks.map((task) => ({
        minute: Reminder.minuteOf(at),
        ownerId: userId,
        taskId: task.taskId,
        key,
        recipientId: userId,
        recipientEmail: email,
        expiresAt: Math.floor(at / 1000) + 8 * 24 * 3600,
      }));
      for (let start = 0; start < items.length; start += 2_000) {
        let pending = items.slice(start, start + 2_000);
        while (pending.length > 0) {
          const { unprocessed } = await ReminderEntity.put(pending).go({ concurrent: 4 });
          pending = unprocessed as typeof pending;
        }
      }
    }
  } finally {
    await fixture.stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await reminders();
