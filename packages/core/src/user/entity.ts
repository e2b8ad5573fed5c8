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
