import { Entity } from "electrodb";
import { entityConfig } from "../table/client";

/**
 * A person who can sign in: one item per email (trimmed, lower-cased by the schema),
 * holding the id that owns their tasks, so an email is never a key elsewhere.
 */
export const UserEntity = new Entity(
  {
    model: { entity: "user", version: "1", service: "taskmanager" },
    attributes: {
      email: { type: "string", required: true, readOnly: true },
      userId: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
      /** Their IANA time zone (issue 20): what "today", due times and reminders are read in. */
      timeZone: { type: "string" },
      /** The language quick add reads dates in (a canonical BCP 47 tag). */
      locale: { type: "string" },
      /** The hour (0–23, in `timeZone`) of their daily digest; absent: none. */
      digestHour: { type: "number" },
    },
    indexes: {
      byEmail: {
        pk: { field: "pk", composite: ["email"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  entityConfig,
);
