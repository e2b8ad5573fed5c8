import { Entity } from "electrodb";
import { ROLES } from "../list/schema";
import { entityConfig } from "../table/client";

/**
 * A person's place in a list: their role, and where the list sits in their sidebar.
 * In the list's collection (the members of a list: one Query), and on gsi9 by person
 * (the lists of a person: one Query). The access decision of every request about a
 * list is one consistent GetItem of this item, so a removal takes effect at once.
 */
export const MembershipEntity = new Entity(
  {
    model: { entity: "membership", version: "1", service: "taskmanager" },
    attributes: {
      listId: { type: "string", required: true, readOnly: true },
      userId: { type: "string", required: true, readOnly: true },
      /** The member's email, to show who is in the list without a read per member. */
      email: { type: "string", required: true, readOnly: true },
      role: { type: ROLES, required: true },
      /**
       * The list's name, copied so that a person's lists are one Query; a rename
       * rewrites every copy in the same transaction as the list (at most
       * MAX_MEMBERS_PER_LIST + 1 items).
       */
      listName: { type: "string", required: true },
      position: { type: "number", required: true },
      joinedAt: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      byList: {
        collection: "list",
        pk: { field: "pk", composite: ["listId"] },
        sk: { field: "sk", composite: ["userId"] },
      },
      byPerson: {
        index: "gsi9",
        pk: { field: "gsi9pk", composite: ["userId"] },
        sk: { field: "gsi9sk", composite: ["listId"] },
      },
    },
  },
  entityConfig,
);
