import { Entity, type EntityItem } from "electrodb";
import { FREQUENCIES, RECURRENCE_MODES, type Recurrence, toRRuleText } from "../recurrence/schema";
import { entityConfig } from "../table/client";
import { foldText, TASK_PRIORITIES, TASK_STATUSES } from "./schema";
import { tagsSearchOf } from "./search";

/**
 * The due-order sort key of a task without a due date: sorts after every
 * YYYY-MM-DD, so undated tasks come last. ElectroDB runs a watcher on `set`, not
 * on `remove`, so a patch that removes the due date sets `dueSort` to this itself.
 */
export const UNDATED = "~";

/**
 * A task lives in its own item collection ("task", keyed by owner and id) so that
 * later records of the same task, such as attachments, are read with it in one
 * Query. The four indexes serve the list's status x sort combinations, each one
 * Query in the owner's partition.
 *
 * Every attribute derived from another is defined here and nowhere else: ElectroDB
 * sets it on create and, because it watches its source, on every patch that changes
 * the source, along with the index keys built from it.
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
      /** The due date, or UNDATED: the due-order indexes' sort key, undated tasks last. */
      dueSort: {
        type: "string",
        watch: ["dueDate"],
        set: (value, { dueDate }) => dueDate ?? value ?? UNDATED,
      },
      tags: { type: "list", items: { type: "string" }, required: true },
      // Folded copies (no case, no accents: foldText) that only search and the tag
      // filter read. Each watches its own field, so a patch of one field keeps its copy
      // current without reading the item first.
      titleSearch: {
        type: "string",
        hidden: true,
        watch: ["title"],
        set: (_, { title }) => (title === undefined ? undefined : foldText(title)),
      },
      descriptionSearch: {
        type: "string",
        hidden: true,
        watch: ["description"],
        set: (_, { description }) =>
          description === undefined ? undefined : foldText(description),
      },
      tagsSearch: {
        type: "string",
        hidden: true,
        watch: ["tags"],
        set: (_, { tags }) => (tags === undefined ? undefined : tagsSearchOf(tags)),
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
      // Time of day, repeat rule and reminders (issue 20): absent on every task
      // without them, so older items and their bytes are unchanged.
      dueTime: { type: "string" },
      recurrence: {
        type: "map",
        properties: {
          freq: { type: FREQUENCIES, required: true },
          interval: { type: "number", required: true },
          // Enums are checked by the schema: ElectroDB types no enum list items.
          byWeekday: { type: "list", items: { type: "string" } },
          byMonthDay: { type: "number" },
          bySetPos: { type: "number" },
          mode: { type: RECURRENCE_MODES, required: true },
        },
      },
      /** `recurrence` as RFC 5545 text; a patch removing `recurrence` removes it too. */
      recurrenceRule: {
        type: "string",
        watch: ["recurrence"],
        set: (value, { recurrence }) =>
          recurrence ? toRRuleText(recurrence as Recurrence) : value,
      },
      reminders: {
        type: "list",
        items: { type: "map", properties: { before: { type: "number" }, at: { type: "string" } } },
      },
      nextTaskId: { type: "string" },
      /** The list it is in; absent for a task in its creator's Inbox (every task before lists). */
      listId: { type: "string" },
      /** Who last created or changed it (their email). */
      updatedBy: { type: "string" },
      // The list indexes' own composites: copies of status, dueSort and taskId that
      // only a listed task carries (listPlacement), so that those indexes stay sparse
      // and a write to an Inbox task never needs a list composite.
      // Not hidden: a page cut short makes its cursor from them.
      listStatus: { type: TASK_STATUSES },
      listDue: { type: "string" },
      listedTaskId: { type: "string" },
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
      // A list's tasks: the same four orders, keyed by the list (the person's four
      // above stay keyed by the creator: the Inbox is read there).
      byListCreated: {
        index: "gsi5",
        pk: { field: "gsi5pk", composite: ["listId"] },
        sk: { field: "gsi5sk", composite: ["listedTaskId"] },
      },
      byListDue: {
        index: "gsi6",
        pk: { field: "gsi6pk", composite: ["listId"] },
        sk: { field: "gsi6sk", composite: ["listDue", "listedTaskId"] },
      },
      byListStatusCreated: {
        index: "gsi7",
        pk: { field: "gsi7pk", composite: ["listId", "listStatus"] },
        sk: { field: "gsi7sk", composite: ["listedTaskId"] },
      },
      byListStatusDue: {
        index: "gsi8",
        pk: { field: "gsi8pk", composite: ["listId", "listStatus"] },
        sk: { field: "gsi8sk", composite: ["listDue", "listedTaskId"] },
      },
      /** A listed task by its id alone: another member's task is not in the caller's partition. */
      byListedId: {
        index: "gsi9",
        pk: { field: "gsi9pk", composite: ["listedTaskId"] },
        sk: { field: "gsi9sk", composite: [] },
      },
    },
  },
  entityConfig,
);

export type TaskItem = EntityItem<typeof TaskEntity>;

/**
 * What a task in a list carries besides `listId`: the list indexes' composites. A
 * write to a listed task sets all of them from the task as it will be (so every
 * list index key is rewritten whole); moving to the Inbox removes them all.
 */
export function listPlacement(
  listId: string,
  task: { taskId: string; status: TaskItem["status"]; dueSort: string },
) {
  return {
    listId,
    listStatus: task.status,
    listDue: task.dueSort,
    listedTaskId: task.taskId,
  };
}

/** The attributes a move to the Inbox removes. */
export const LIST_PLACEMENT_ATTRIBUTES = [
  "listId",
  "listStatus",
  "listDue",
  "listedTaskId",
] as const;
