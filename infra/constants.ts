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
