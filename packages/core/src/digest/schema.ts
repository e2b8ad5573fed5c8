/**
 * The daily digest's bounds, pure (infra's tests and the docs read them without
 * loading the table).
 */
const MINUTE_MS = 60_000;

/** After an outage the job reads back at most a day: a digest up to a day late still goes. */
export const DIGEST_CATCH_UP_MS = 24 * 60 * MINUTE_MS;
/** How long a run's claim on a day holds: one that died mid-send is retried after it. */
export const DIGEST_CLAIM_MS = 5 * MINUTE_MS;
/** Sent later than this after its time, a digest says it is late. */
export const DIGEST_LATE_AFTER_MS = MINUTE_MS;
