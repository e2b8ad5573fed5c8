import { Entity } from "electrodb";
import { entityConfig } from "../table/client";

/**
 * One firing of one reminder, filed under the UTC minute it fires in: the
 * one-minute job reads a minute's partition with one Query, so what it reads grows
 * with the reminders due, never with the tasks stored. Its identity is (minute,
 * task, reminder key): writing the same schedule twice writes the same item, and a
 * changed schedule writes a new one while the old one is found stale when its
 * minute comes (the task is re-read then) and skipped. Expires by TTL a week after.
 */
export const ReminderEntity = new Entity(
  {
    model: { entity: "reminder", version: "1", service: "taskmanager" },
    attributes: {
      /** The UTC minute it fires in, "YYYY-MM-DDTHH:MM". */
      minute: { type: "string", required: true, readOnly: true },
      /** The task, in its creator's partition. */
      ownerId: { type: "string", required: true, readOnly: true },
      taskId: { type: "string", required: true, readOnly: true },
      /** reminderKey() of the reminder on the task ("before:60", "at:..."). */
      key: { type: "string", required: true, readOnly: true },
      /** Who it goes to: the person who set the task's reminders. */
      recipientId: { type: "string", required: true },
      recipientEmail: { type: "string", required: true },
      /** The claim of the run sending it, and until when (epoch ms) it holds. */
      claim: { type: "string" },
      claimedUntil: { type: "number" },
      /** Set once sent (or given up on: `outcome` says which). */
      sentAt: { type: "string" },
      outcome: { type: ["sent", "late", "stale", "expired"] as const },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byMinute: {
        pk: { field: "pk", composite: ["minute"] },
        sk: { field: "sk", composite: ["ownerId", "taskId", "key"] },
      },
    },
  },
  entityConfig,
);

/**
 * A delivered reminder, in its recipient's partition, for the web app's in-app
 * notices (GET /reminders/due reads the newest with one Query). Expires by TTL.
 */
export const NoticeEntity = new Entity(
  {
    model: { entity: "notice", version: "1", service: "taskmanager" },
    attributes: {
      recipientId: { type: "string", required: true, readOnly: true },
      sentAt: { type: "string", required: true, readOnly: true },
      taskId: { type: "string", required: true, readOnly: true },
      key: { type: "string", required: true, readOnly: true },
      title: { type: "string", required: true },
      fireAt: { type: "string", required: true },
      late: { type: "boolean", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byRecipient: {
        pk: { field: "pk", composite: ["recipientId"] },
        sk: { field: "sk", composite: ["sentAt", "taskId", "key"] },
      },
    },
  },
  entityConfig,
);

/**
 * Where the one-minute job has read up to: one item, so a redeploy, a restart of
 * the local stack or an outage resumes from the first minute not yet read.
 */
export const ReminderClockEntity = new Entity(
  {
    model: { entity: "reminderClock", version: "1", service: "taskmanager" },
    attributes: {
      name: { type: "string", required: true, readOnly: true },
      /** The first minute (UTC, "YYYY-MM-DDTHH:MM") the next run must read. */
      nextMinute: { type: "string", required: true },
    },
    indexes: {
      byName: {
        pk: { field: "pk", composite: ["name"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  entityConfig,
);
