/**
 * The daily digest's one-minute job, as data: `infra/digests.ts` gives it to an
 * `sst.aws.Cron` (its schedule, its grants), the local stack runs the same handler
 * on the same schedule, and a test holds the grants to what its runs call.
 * docs/decisions.md says why a Cron of its own rather than the reminders'.
 */
import { AuthClients, AuthEmail, Tasks } from "../access";

export const digestJob = {
  handler: "packages/functions/src/digests/run.handler",
  /** Every minute: a digest goes out within a minute of the person's hour. */
  schedule: "rate(1 minute)",
  access: [
    // The clock, the minute's slots (a Query on the table), the person's settings,
    // the next day's slot, the day's claim and outcome.
    Tasks.getItem,
    Tasks.putItem,
    Tasks.updateItem,
    Tasks.queryCollection,
    // The Today view: the person's memberships and each container's due-order index.
    Tasks.query,
    AuthEmail.send,
    // The web app's origin, for the links.
    AuthClients.read,
  ],
} as const;
