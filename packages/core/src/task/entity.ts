import { Entity, type EntityItem } from "electrodb";
import { entityConfig } from "../electrodb";
import { TASK_PRIORITIES, TASK_STATUSES } from "./schema";

/** Sorts after every YYYY-MM-DD, so undated tasks come last in due-date order. */
export const UNDATED = "~";

/**
 * A task lives in its own item collection ("task", keyed by owner and id) so that
 * later records of the same task, such as attachments, are read with it in one
 * Query. The four indexes serve the list's status x sort combinations, each one
 * Query in the owner's partition.
 */
export const TaskEntity = new Entity(
  {
    model: { entity: "task", version: "1", service: "taskmanager" },
    attributes: {
      userId: { type: "string", required: true, readOnly: true },
      taskId: { type: "string", required: true, readOnly: true },
      title: { type: "string", required: true },
      description: { type: "string", required: true },
      status: { type: TASK_STATUSES, required: true },
      priority: { type: TASK_PRIORITIES, required: true },
      dueDate: { type: "string" },
      dueSort: { type: "string", required: true, hidden: true },
      tags: { type: "list", items: { type: "string" }, required: true },
      createdAt: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
      version: { type: "number", required: true },
    },
    indexes: {
      byId: {
        collection: "task",
        pk: { field: "pk", composite: ["userId", "taskId"] },
        sk: { field: "sk", composite: [] },
      },
      byCreated: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["userId"] },
        sk: { field: "gsi1sk", composite: ["taskId"] },
      },
      byDue: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["userId"] },
        sk: { field: "gsi2sk", composite: ["dueSort", "taskId"] },
      },
      byStatusCreated: {
        index: "gsi3",
        pk: { field: "gsi3pk", composite: ["userId", "status"] },
        sk: { field: "gsi3sk", composite: ["taskId"] },
      },
      byStatusDue: {
        index: "gsi4",
        pk: { field: "gsi4pk", composite: ["userId", "status"] },
        sk: { field: "gsi4sk", composite: ["dueSort", "taskId"] },
      },
    },
  },
  entityConfig,
);

export type TaskItem = EntityItem<typeof TaskEntity>;
