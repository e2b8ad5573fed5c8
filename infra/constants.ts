/**
 * Values the infra and its tests share. No SST globals here, so tests can import
 * it without running the stack.
 */

/** Lambda defaults for every function (infra/defaults.ts); a route may ask for more. */
export const FUNCTION_DEFAULTS = {
  runtime: "nodejs22.x",
  architecture: "arm64",
  memory: "512 MB",
  timeout: "10 seconds",
  logRetention: "2 weeks",
} as const;

/** API Gateway stage throttling: an unauthenticated flood is refused before any Lambda runs. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * Where `sst dev` runs the web app: Vite on this port with `strictPort`
 * (packages/web/vite.config.ts), so it never drifts to another port that the
 * API's CORS and the issuer's redirect list would not name.
 */
export const DEV_WEB_PORT = 5173;
export const DEV_WEB_URL = `http://localhost:${DEV_WEB_PORT}`;

/**
 * What happens to an attachment's bytes (infra/bucket.ts's lifecycle rules;
 * docs/operations.md says what it means for recovery). The bucket is versioned, so
 * a delete or an overwrite keeps the old bytes as a noncurrent version: they can be
 * restored for `recoveryDays`, then S3 removes them. An upload never completed is
 * expired after `pendingDays`, then kept as noncurrent like any deleted file.
 *
 * The promise, `goneWithinDays`: a deleted attachment's bytes are gone within it.
 * The worst case is an abandoned upload: `pendingDays`, then `recoveryDays`, each
 * rounded up to the next midnight UTC by S3 (+1 day each), plus S3's asynchronous
 * removal after an object becomes eligible, for which AWS gives no bound
 * (`LIFECYCLE_LAG_DAYS`, the margin kept for it).
 */
export const ATTACHMENT_LIFECYCLE = {
  recoveryDays: 7,
  pendingDays: 1,
  goneWithinDays: 14,
} as const;

/** The margin the promise keeps for S3's lifecycle running after objects become eligible. */
export const LIFECYCLE_LAG_DAYS = 3;

/**
 * The stream subscriber's timeout (infra/table-stream.ts), sized for the largest
 * purge: a removed task with MAX_ATTACHMENTS_PER_TASK attachments, whose objects
 * are deleted one by one, with S3 and DynamoDB throttling. The worst case that
 * still succeeds is every call using all its attempts, each attempt its whole
 * request timeout, with the SDK's throttling backoff between them (up to 1 s,
 * then 2 s); a call that fails for good ends the invocation at once (the record
 * is retried), so only slow success needs the time. The mapping hands the
 * function one record at a time, so one invocation is at most one purge.
 */
export const CLEANUP_SIZING = {
  /** MAX_ATTACHMENTS_PER_TASK (packages/core/src/attachment/schema.ts). */
  attachments: 20,
  /** One DeleteObject: S3_TIME's 3 attempts of 5 s, plus 1 s and 2 s of backoff. */
  s3DeleteMs: 3 * 5_000 + 1_000 + 2_000,
  /** The records' Query and their BatchWriteItem: DYNAMO_TIME.BUDGET_MS each. */
  dynamoMs: 2 * 2_500,
  /** Records per invocation (the event source mapping's batch size). */
  batchSize: 1,
  margin: 1.5,
} as const;

export const CLEANUP_WORST_PURGE_MS =
  CLEANUP_SIZING.attachments * CLEANUP_SIZING.s3DeleteMs + CLEANUP_SIZING.dynamoMs;

/** The subscriber's timeout: the worst purge with the margin, in whole minutes. */
export const CLEANUP_TIMEOUT_SECONDS =
  Math.ceil((CLEANUP_WORST_PURGE_MS * CLEANUP_SIZING.margin) / 60_000) * 60;

/**
 * The reminder job's timeout: a run that reads back a day of minutes after an
 * outage and sends what it finds fits, and it ends well inside a reminder's claim
 * (CLAIM_MS, 5 minutes, in packages/core/src/reminder), so a claim never outlives
 * the run that took it while that run can still send.
 */
export const REMINDER_JOB_TIMEOUT_SECONDS = 240;

/**
 * The digest job's timeout, on the same rule as the reminders': inside a day's
 * claim (DIGEST_CLAIM_MS, 5 minutes, in packages/core/src/digest).
 */
export const DIGEST_JOB_TIMEOUT_SECONDS = 240;
