/**
 * The digest job (digests/job.ts): sends the daily digests due, each person's once
 * a day. A run that could not send some throws after the rest are done, so Lambda
 * counts an error (the function's error alarm) and the next run retries them.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import * as Digest from "@taskmanager/core/digest";
import { sendDigest } from "./email";

const logger = new Logger({ serviceName: "taskmanager-digests" });

/** One run with the job's own mail; `now` for tests that choose the moment. */
export function runOnce(now?: number): Promise<Digest.DigestRunReport> {
  return Digest.runDigests({
    ...(now === undefined ? {} : { now }),
    send: sendDigest,
    onError: (error, { minute, userId }) =>
      logger.warn("digest not sent", { minute, userId, error }),
  });
}

export async function handler(): Promise<Digest.DigestRunReport> {
  const report = await runOnce();
  const { lateness, ...counts } = report;
  // A quiet minute is a debug line: `pnpm start` runs this every minute too.
  const log = report.read > 0 || report.failed > 0 ? logger.info : logger.debug;
  log.call(logger, "digests", { ...counts, latenessMaxMs: Math.max(0, ...lateness) });
  if (report.failed > 0) throw new Error(`${report.failed} digest(s) failed; retried next run`);
  return report;
}
