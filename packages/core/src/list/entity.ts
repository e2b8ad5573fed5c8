import { Entity } from "electrodb";
import { entityConfig } from "../table/client";

/**
 * A named list (project). It shares its item collection ("list", keyed by the list)
 * with its memberships and pending invitations, so deleting a list reads all of
 * them in one Query. Its tasks are not in it: they stay in their creators'
 * partitions and are found through the task entity's list indexes.
 */
export const ListEntity = new Entity(
  {
    model: { entity: "list", version: "1", service: "taskmanager" },
    attributes: {
      listId: { type: "string", required: true, readOnly: true },
      name: { type: "string", required: true },
      createdBy: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
      version: { type: "number", required: true },
    },
    indexes: {
      byId: {
        collection: "list",
        pk: { field: "pk", composite: ["listId"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  entityConfig,
);
