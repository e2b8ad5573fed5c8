import { Entity } from "electrodb";
import { entityConfig } from "../table/client";

/**
 * A person's next daily digest, filed under the UTC minute it is due (their hour in
 * their zone on `day`): the one-minute digest job reads a minute's partition with
 * one Query, so what it reads grows with the people who chose a digest, never with
 * tasks or users. Filed create-only when the hour or the zone is set, and by the job
 * for the next day; one filed before a change is found stale at its minute (the
 * person's settings are re-read then) and skipped. Expires by TTL.
 */
export const DigestSlotEntity = new Entity(
  {
    model: { entity: "digestSlot", version: "1", service: "taskmanager" },
    attributes: {
      /** The UTC minute it is due, "YYYY-MM-DDTHH:MM". */
      minute: { type: "string", required: true, readOnly: true },
      userId: { type: "string", required: true, readOnly: true },
      /** The user record's key (their settings are read by it). */
      email: { type: "string", required: true, readOnly: true },
      /** The person's calendar day the digest is for, "YYYY-MM-DD" in their zone. */
      day: { type: "string", required: true, readOnly: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byMinute: {
        pk: { field: "pk", composite: ["minute"] },
        sk: { field: "sk", composite: ["userId"] },
      },
    },
  },
  entityConfig,
);

/**
 * A person's digest of one day, in their partition: the conditional claim that
 * makes it once a day across retries, concurrent runs and a changed hour, and how
 * it ended (`sent`, or `empty`: nothing due, no mail). Expires by TTL.
 */
export const DigestDayEntity = new Entity(
  {
    model: { entity: "digestDay", version: "1", service: "taskmanager" },
    attributes: {
      userId: { type: "string", required: true, readOnly: true },
      day: { type: "string", required: true, readOnly: true },
      claim: { type: "string" },
      claimedUntil: { type: "number" },
      sentAt: { type: "string" },
      outcome: { type: ["sent", "empty"] as const },
      /** How many tasks it listed. */
      tasks: { type: "number" },
      expiresAt: { type: "number" },
    },
    indexes: {
      byUserDay: {
        pk: { field: "pk", composite: ["userId"] },
        sk: { field: "sk", composite: ["day"] },
      },
    },
  },
  entityConfig,
);
