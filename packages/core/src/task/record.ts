/**
 * The stored task: one item per task, keyed, indexed and tagged exactly as
 * ElectroDB's entity "task" (version 1, service "taskmanager", `entity.ts`) writes
 * it, so items written either way read alike. The Task functions build their
 * DynamoDB requests here for the bare client: bundling ElectroDB for five
 * single-item calls and one Query was a third of every task handler's size and
 * cold start (docs/performance.md). `entity.ts` stays the model for the
 * attachments' transactions; test/task-record.test.ts holds every request built
 * here to ElectroDB's own, item for item.
 */
import type {
  AttributeValue,
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  QueryCommandInput,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { TASK_SORTS, Task } from "./schema";

/** Sorts after every YYYY-MM-DD, so undated tasks come last in due-date order. */
export const UNDATED = "~";

/** How search compares text: DynamoDB's `contains` is case-sensitive, so both sides are folded. */
export const foldCase = (text: string) => text.normalize("NFKC").toLocaleLowerCase("en");

/** Joins the tags for substring search, so that "home work" does not match the tags home and work. */
export const TAG_SEPARATOR = "\n";

/** A task as stored: its fields, the sort key for due order, and the search copies. */
export interface TaskRecord {
  userId: string;
  taskId: string;
  title: string;
  description: string;
  status: Task["status"];
  priority: Task["priority"];
  dueDate?: string;
  dueSort: string;
  tags: string[];
  titleSearch?: string;
  descriptionSearch?: string;
  tagsSearch?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Kept by the Attachment functions; a Set as read from DynamoDB (`SS`). */
  attachmentIds?: ReadonlySet<string>;
}

/** ElectroDB's identifiers: which entity and version owns an item. */
const IDENTITY = { __edb_e__: "task", __edb_v__: "1" } as const;

/** A stored item that is a task of this entity version (ElectroDB's ownership check). */
export function isStoredTask(
  item: Record<string, unknown>,
): item is Record<string, unknown> & TaskRecord {
  return item.__edb_e__ === IDENTITY.__edb_e__ && item.__edb_v__ === IDENTITY.__edb_v__;
}

// ElectroDB's keys: `$service#name_value...` for partitions, `$entity_version#name_value...`
// for sort keys (`$collection#entity_version` for the collection's), all lower-cased.
const ownerKey = (userId: string) => `$taskmanager#userid_${userId}`.toLowerCase();
const ownerStatusKey = (userId: string, status: string) =>
  `$taskmanager#userid_${userId}#status_${status}`.toLowerCase();
const CREATED_PREFIX = "$task_1#taskid_";
const DUE_PREFIX = "$task_1#duesort_";
const createdKey = (taskId: string) => `${CREATED_PREFIX}${taskId}`.toLowerCase();
const dueKey = (dueSort: string, taskId: string) =>
  `${DUE_PREFIX}${dueSort}#taskid_${taskId}`.toLowerCase();

/** The table's key of a task: its own partition, the "task" item collection. */
export function taskKey(userId: string, taskId: string): Record<"pk" | "sk", string> {
  return {
    pk: `$taskmanager#userid_${userId}#taskid_${taskId}`.toLowerCase(),
    sk: "$task#task_1",
  };
}

/** The four list indexes, one per status x sort combination. */
const LIST_INDEXES = {
  created: { all: "gsi1", byStatus: "gsi3", prefix: CREATED_PREFIX },
  due: { all: "gsi2", byStatus: "gsi4", prefix: DUE_PREFIX },
} as const;

/** The index that serves a status x sort combination. */
const listIndex = (status: Task["status"] | undefined, sort: (typeof TASK_SORTS)[number]) =>
  status ? LIST_INDEXES[sort].byStatus : LIST_INDEXES[sort].all;

/** Every key a stored task carries: the table's and each index's. */
export function taskKeys(
  task: Pick<TaskRecord, "userId" | "taskId" | "status" | "dueSort">,
): Record<string, string> {
  const { userId, taskId, status, dueSort } = task;
  return {
    ...taskKey(userId, taskId),
    gsi1pk: ownerKey(userId),
    gsi1sk: createdKey(taskId),
    gsi2pk: ownerKey(userId),
    gsi2sk: dueKey(dueSort, taskId),
    gsi3pk: ownerStatusKey(userId, status),
    gsi3sk: createdKey(taskId),
    gsi4pk: ownerStatusKey(userId, status),
    gsi4sk: dueKey(dueSort, taskId),
  };
}

/** The key a Query on a list index resumes after: the table's key and that index's. */
export function indexKeyOf(
  task: Pick<TaskRecord, "userId" | "taskId" | "status" | "dueSort">,
  status: Task["status"] | undefined,
  sort: (typeof TASK_SORTS)[number],
): Record<string, string> {
  const index = listIndex(status, sort);
  const keys = taskKeys(task);
  return {
    pk: keys.pk as string,
    sk: keys.sk as string,
    [`${index}pk`]: keys[`${index}pk`] as string,
    [`${index}sk`]: keys[`${index}sk`] as string,
  };
}

const searchCopies = (fields: Partial<Pick<TaskRecord, "title" | "description" | "tags">>) => ({
  ...(fields.title !== undefined ? { titleSearch: foldCase(fields.title) } : {}),
  ...(fields.description !== undefined ? { descriptionSearch: foldCase(fields.description) } : {}),
  ...(fields.tags !== undefined
    ? { tagsSearch: fields.tags.map(foldCase).join(TAG_SEPARATOR) }
    : {}),
});

/** A new task's fields; the search copies, keys and identifiers are derived from them. */
export type NewTask = Omit<
  TaskRecord,
  "titleSearch" | "descriptionSearch" | "tagsSearch" | "attachmentIds"
>;

/** The item a new task is stored as (also what the seed batch-writes). */
export function taskItem(task: NewTask): StoredItem {
  return marshall(
    { ...task, ...searchCopies(task), ...taskKeys(task), ...IDENTITY },
    { removeUndefinedValues: true },
  );
}

/** Only a new task: the put must not replace an item already stored under its key. */
export function putTask(table: string, task: NewTask): PutItemCommandInput {
  return {
    TableName: table,
    Item: taskItem(task),
    ConditionExpression: "attribute_not_exists(#pk) AND attribute_not_exists(#sk)",
    ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
  };
}

export function getTask(
  table: string,
  userId: string,
  taskId: string,
  consistent = false,
): GetItemCommandInput {
  return {
    TableName: table,
    Key: marshall(taskKey(userId, taskId)),
    ...(consistent ? { ConsistentRead: true } : {}),
  };
}

/** Removes a task that exists; a missing one fails the condition (a 404, not a silent 204). */
export function deleteTask(table: string, userId: string, taskId: string): DeleteItemCommandInput {
  return {
    TableName: table,
    Key: marshall(taskKey(userId, taskId)),
    ConditionExpression: "attribute_exists(#pk) AND attribute_exists(#sk)",
    ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
  };
}

/** The fields a patch may change; `dueDate: null` removes the due date. */
export interface TaskChanges {
  title?: string;
  description?: string;
  status?: Task["status"];
  priority?: Task["priority"];
  dueDate?: string | null;
  tags?: string[];
}

/**
 * A patch of an existing task at the version the caller read, returning the task as
 * stored after it. Besides the changed fields it keeps what depends on them current,
 * as ElectroDB's patch does: the search copies, the due-order sort key, and the index
 * keys built from status or due date.
 */
export function updateTask(
  table: string,
  key: { userId: string; taskId: string },
  changes: TaskChanges,
  expectedVersion: number,
  updatedAt: string,
): UpdateItemCommandInput {
  const { dueDate, ...fields } = changes;
  const { userId, taskId } = key;
  const dueSort = dueDate === undefined ? undefined : (dueDate ?? UNDATED);
  const set: Record<string, unknown> = {
    ...fields,
    ...(dueDate ? { dueDate } : {}),
    ...(dueSort !== undefined ? { dueSort } : {}),
    updatedAt,
    ...searchCopies(fields),
  };
  if (dueSort !== undefined) {
    set.gsi2sk = dueKey(dueSort, taskId);
    set.gsi4sk = dueKey(dueSort, taskId);
  }
  if (fields.status !== undefined) {
    set.gsi3pk = ownerStatusKey(userId, fields.status);
    set.gsi4pk = ownerStatusKey(userId, fields.status);
  }
  Object.assign(set, { userId, taskId }, IDENTITY);

  const names: Record<string, string> = { "#pk": "pk", "#sk": "sk", "#version": "version" };
  const values: Record<string, unknown> = { ":expected": expectedVersion, ":one": 1 };
  const assignments = Object.entries(set).map(([name, value]) => {
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    return `#${name} = :${name}`;
  });
  const removal = dueDate === null ? " REMOVE #dueDate" : "";
  if (removal) names["#dueDate"] = "dueDate";
  return {
    TableName: table,
    Key: marshall(taskKey(userId, taskId)),
    UpdateExpression: `SET ${assignments.join(", ")}${removal} ADD #version :one`,
    ConditionExpression: "attribute_exists(#pk) AND attribute_exists(#sk) AND #version = :expected",
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: marshall(values),
    ReturnValues: "ALL_NEW",
  };
}

/** What a list may be narrowed to: text in title, description or tags, and an exact tag. */
export interface TaskMatch {
  q?: string;
  tag?: string;
}

/**
 * One page of a person's tasks on the index for a status x sort combination: always
 * one Query in the owner's partition. Newest first for "created" (ULIDs sort by
 * time); soonest due first otherwise. A search or tag is a FilterExpression, which
 * DynamoDB applies after Limit.
 */
export function queryTasks(
  table: string,
  page: {
    userId: string;
    status?: Task["status"];
    sort: (typeof TASK_SORTS)[number];
    limit: number;
    startKey?: Record<string, unknown>;
    match?: TaskMatch;
  },
): QueryCommandInput {
  const { userId, status, sort, limit, startKey, match = {} } = page;
  const indexName = listIndex(status, sort);
  const names: Record<string, string> = { "#pk": `${indexName}pk`, "#sk": `${indexName}sk` };
  const values: Record<string, unknown> = {
    ":pk": status ? ownerStatusKey(userId, status) : ownerKey(userId),
    ":sk": LIST_INDEXES[sort].prefix,
  };
  const filters: string[] = [];
  if (match.q !== undefined) {
    Object.assign(names, {
      "#titleSearch": "titleSearch",
      "#descriptionSearch": "descriptionSearch",
      "#tagsSearch": "tagsSearch",
    });
    values[":q"] = foldCase(match.q);
    filters.push(
      "(contains(#titleSearch, :q) OR contains(#descriptionSearch, :q) OR contains(#tagsSearch, :q))",
    );
  }
  if (match.tag !== undefined) {
    // On a list attribute, contains is element equality: the exact tag.
    names["#tags"] = "tags";
    values[":tag"] = match.tag;
    filters.push("contains(#tags, :tag)");
  }
  return {
    TableName: table,
    IndexName: indexName,
    KeyConditionExpression: "#pk = :pk and begins_with(#sk, :sk)",
    ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: marshall(values),
    ScanIndexForward: sort === "due",
    Limit: limit,
    ...(startKey ? { ExclusiveStartKey: marshall(startKey) } : {}),
  };
}

export type StoredItem = Record<string, AttributeValue>;
