import { Entity } from "electrodb";
import { entityConfig } from "../electrodb";
import { foldCase, TAG_SEPARATOR } from "./record";
import { TASK_PRIORITIES, TASK_STATUSES } from "./schema";

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
      // Case-folded copies that only search reads. Each watches its own field, so a
      // patch of one field keeps its copy current without reading the item first.
      titleSearch: {
        type: "string",
        hidden: true,
        watch: ["title"],
        set: (_, { title }) => (title === undefined ? undefined : foldCase(title)),
      },
      descriptionSearch: {
        type: "string",
        hidden: true,
        watch: ["description"],
        set: (_, { description }) =>
          description === undefined ? undefined : foldCase(description),
      },
      tagsSearch: {
        type: "string",
        hidden: true,
        watch: ["tags"],
        set: (_, { tags }) => tags?.map(foldCase).join(TAG_SEPARATOR),
      },
      createdAt: { type: "string", required: true, readOnly: true },
      updatedAt: { type: "string", required: true },
      version: { type: "number", required: true },
      /**
       * The task's attachments, kept by the Attachment functions in the same
       * transaction as each attachment record. A set, not a counter: adding or
       * removing an id twice (a retried stream record) changes nothing, and its
       * size enforces the per-task limit in a condition, race-free.
       */
      attachmentIds: { type: "set", items: "string" },
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
