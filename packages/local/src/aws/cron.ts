/**
 * EventBridge's schedule for an `sst.aws.Cron`, on this machine: the same handler
 * file, invoked with a scheduled event at each whole interval of the wall clock
 * (`rate(1 minute)`: at every minute's start, as AWS's rate schedules run about
 * then). A run still going when the next is due is not doubled up here; a failed
 * run is logged (Lambda would retry it; the next run picks its work up anyway).
 */
import { randomUUID } from "node:crypto";
import { lambdaContext, loadHandler } from "./lambda-handlers";

export interface LocalCron {
  /** Runs the handler now (tests), after any run in progress. */
  runNow(): Promise<unknown>;
  stop(): Promise<void>;
}

/** `rate(N minute|minutes|hour|hours)` in milliseconds; other expressions are refused. */
export function rateMs(schedule: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours)\)$/.exec(schedule);
  if (!match) throw new Error(`The local cron takes rate(N minutes|hours) only, not ${schedule}`);
  return Number(match[1]) * (match[2]?.startsWith("hour") ? 3_600_000 : 60_000);
}

export function startCron(options: {
  name: string;
  handler: string;
  schedule: string;
  onError?: (error: unknown) => void;
}): LocalCron {
  const every = rateMs(options.schedule);
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const invoke = () => {
    running = running.then(async () => {
      const handler = await loadHandler(options.handler);
      const time = new Date().toISOString();
      const event = {
        version: "0",
        id: randomUUID(),
        "detail-type": "Scheduled Event",
        source: "aws.events",
        time,
        resources: [`arn:aws:events:us-east-1:000000000000:rule/${options.name}`],
        detail: {},
      };
      try {
        return await handler(event, lambdaContext(options.name, event.id));
      } catch (error) {
        (options.onError ?? ((e) => console.error(`${options.name} failed:`, e)))(error);
        return undefined;
      }
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        void invoke();
        schedule();
      },
      every - (Date.now() % every),
    );
    timer.unref();
  };
  schedule();
  return {
    runNow: invoke,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
