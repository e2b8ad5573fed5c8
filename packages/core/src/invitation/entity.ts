import { Entity } from "electrodb";
import { ROLES } from "../list/schema";
import { entityConfig } from "../table/client";

/**
 * A pending invitation to a list, in the list's collection. The link's secret is
 * not stored, only its SHA-256; the item expires on its own (the table's TTL) a
 * while after the link stops working, which is checked on every use.
 */
export const InvitationEntity = new Entity(
  {
    model: { entity: "invitation", version: "1", service: "taskmanager" },
    attributes: {
      listId: { type: "string", required: true, readOnly: true },
      invitationId: { type: "string", required: true, readOnly: true },
      email: { type: "string", required: true, readOnly: true },
      role: { type: ROLES, required: true, readOnly: true },
      // Not hidden: accepting compares it, and conditions its delete on it (used once).
      secretHash: { type: "string", required: true, readOnly: true },
      invitedBy: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
      /** Epoch seconds: the link's end, and the table's TTL attribute. */
      expiresAt: { type: "number", required: true, readOnly: true },
    },
    indexes: {
      byList: {
        collection: "list",
        pk: { field: "pk", composite: ["listId"] },
        sk: { field: "sk", composite: ["invitationId"] },
      },
    },
  },
  entityConfig,
);
