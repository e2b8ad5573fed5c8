import { Entity, type EntityItem } from "electrodb";
import { entityConfig } from "../electrodb";

/** One record per email address, holding the id that owns that person's tasks. */
export const UserEntity = new Entity(
  {
    model: { entity: "user", version: "1", service: "taskmanager" },
    attributes: {
      email: { type: "string", required: true, readOnly: true },
      userId: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
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

export type UserItem = EntityItem<typeof UserEntity>;
