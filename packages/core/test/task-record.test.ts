/**
 * The task functions build their DynamoDB requests without ElectroDB (`task/record.ts`)
 * but must keep ElectroDB's layout: the attachments' transactions and every item
 * already stored go through the entity. Every request is held to the one
 * ElectroDB builds for the same call, for arbitrary tasks and changes: items and keys
 * attribute for attribute, expressions with their names and values resolved, and a
 * patch by its effect on a stored item in DynamoDB Local.
 */
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import * as Task from "@taskmanager/core/task";
import { TASK_PRIORITIES, TASK_SORTS, TASK_STATUSES } from "@taskmanager/core/task/schema";
import fc from "fast-check";
import { monotonicFactory } from "ulid";
import { describe, expect, test } from "vitest";
import { dynamoClient, entityConfig } from "../src/electrodb";
import { TaskEntity } from "../src/task/entity";
import {
  deleteTask,
  foldCase,
  getTask,
  indexKeyOf,
  putTask,
  queryTasks,
  type TaskChanges,
  UNDATED,
  updateTask,
} from "../src/task/record";
import { newUserId } from "./helpers";

const { table } = entityConfig;
const newId = monotonicFactory();

/** An expression with its `#name` and `:value` placeholders replaced by what they stand for. */
function resolve(
  expression: string | undefined,
  names: Record<string, string> = {},
  values: Record<string, unknown> = {},
): string | undefined {
  return expression
    ?.replace(/#[\w]+/g, (name) => names[name] ?? name)
    .replace(/:[\w]+/g, (value) => (value in values ? JSON.stringify(values[value]) : value));
}

/** The parts of a request that decide what it does, placeholders resolved. */
function meaning(params: {
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}) {
  const { ExpressionAttributeNames: names, ExpressionAttributeValues: values } = params;
  return {
    key: resolve(params.KeyConditionExpression, names, values),
    filter: resolve(params.FilterExpression, names, values),
    condition: resolve(params.ConditionExpression, names, values),
  };
}

const plain = (values: Parameters<typeof unmarshall>[0] | undefined) =>
  values ? unmarshall(values) : undefined;

const text = (max: number) => fc.string({ unit: "grapheme", minLength: 0, maxLength: max });
const day = fc
  .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const tags = fc.uniqueArray(text(12).filter(Boolean), { maxLength: 5 });
const status = fc.constantFrom(...TASK_STATUSES);
const priority = fc.constantFrom(...TASK_PRIORITIES);
const ids = fc.constantFrom("01JDQ7ZQK2N4AVXW6M8B1C3D5E", "user-01JDQ7ZQK2N4AVXW6M8B1C3D5E");

/** A task's own fields, as a create stores them and a patch changes them. */
const taskFields = {
  title: text(40).filter(Boolean),
  description: text(60),
  status,
  priority,
  tags,
};

const storedTask = fc
  .record({ userId: ids, ...taskFields, dueDate: fc.option(day, { nil: undefined }) })
  .map(({ dueDate, ...fields }) => ({
    ...fields,
    ...(dueDate ? { dueDate } : {}),
    dueSort: dueDate ?? UNDATED,
    taskId: newId(),
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    version: 1,
  }));

/** A patch: any of the fields, at least one; `dueDate: null` removes the due date. */
const changes: fc.Arbitrary<TaskChanges> = fc
  .record({ ...taskFields, dueDate: fc.option(day, { nil: null }) }, { requiredKeys: [] })
  .filter((patch) => Object.keys(patch).length > 0);

describe("requests, against ElectroDB's for the same call", () => {
  test("a new task's item and its create-only condition", () => {
    fc.assert(
      fc.property(storedTask, (task) => {
        const ours = putTask(table, task);
        const theirs = TaskEntity.create(task).params();
        expect(plain(ours.Item)).toEqual(theirs.Item);
        expect(meaning(ours)).toEqual(meaning(theirs));
      }),
    );
  });

  test("the key a task is read and removed by, and removal only of what exists", () => {
    fc.assert(
      fc.property(ids, fc.uuid(), (userId, taskId) => {
        expect(plain(getTask(table, userId, taskId).Key)).toEqual(
          TaskEntity.get({ userId, taskId }).params().Key,
        );
        const ours = deleteTask(table, userId, taskId);
        const theirs = TaskEntity.remove({ userId, taskId }).params();
        expect(plain(ours.Key)).toEqual(theirs.Key);
        expect(meaning(ours)).toEqual(meaning(theirs));
      }),
    );
  });

  test("a page's Query on each index, with and without search and tag", () => {
    const match = fc.record({ q: text(20).filter(Boolean), tag: text(12) }, { requiredKeys: [] });
    fc.assert(
      fc.property(
        ids,
        fc.option(status, { nil: undefined }),
        fc.constantFrom(...TASK_SORTS),
        match,
        (userId, status, sort, { q, tag }) => {
          const ours = queryTasks(table, {
            userId,
            ...(status ? { status } : {}),
            sort,
            limit: 25,
            match: { ...(q !== undefined ? { q } : {}), ...(tag !== undefined ? { tag } : {}) },
          });
          const query = status
            ? sort === "due"
              ? TaskEntity.query.byStatusDue({ userId, status })
              : TaskEntity.query.byStatusCreated({ userId, status })
            : sort === "due"
              ? TaskEntity.query.byDue({ userId })
              : TaskEntity.query.byCreated({ userId });
          const theirs = query
            .where((attributes, { contains }) => {
              const conditions: string[] = [];
              if (q !== undefined) {
                const needle = foldCase(q);
                conditions.push(
                  `(${contains(attributes.titleSearch, needle)} OR ${contains(attributes.descriptionSearch, needle)} OR ${contains(attributes.tagsSearch, needle)})`,
                );
              }
              if (tag !== undefined) conditions.push(contains(attributes.tags, tag));
              return conditions.join(" AND ");
            })
            .params({ limit: 25, order: sort === "due" ? "asc" : "desc" });
          expect({
            index: ours.IndexName,
            forward: ours.ScanIndexForward,
            limit: ours.Limit,
            ...meaning({
              ...ours,
              ExpressionAttributeValues: plain(ours.ExpressionAttributeValues),
            }),
          }).toEqual({
            index: theirs.IndexName,
            forward: theirs.ScanIndexForward ?? true,
            limit: theirs.Limit,
            ...meaning(theirs),
          });
        },
      ),
    );
  });

  test("a cursor cut after a task names the keys ElectroDB's cursor for it names", () => {
    fc.assert(
      fc.property(storedTask, fc.option(status, { nil: undefined }), (task, status) => {
        const item = TaskEntity.create(task).params().Item as Record<string, string>;
        for (const sort of TASK_SORTS) {
          const index = status
            ? sort === "due"
              ? "gsi4"
              : "gsi3"
            : sort === "due"
              ? "gsi2"
              : "gsi1";
          const listed = { ...task, ...(status ? { status } : {}) };
          const expected = TaskEntity.create(listed).params().Item as Record<string, string>;
          expect(indexKeyOf(listed, status, sort)).toEqual({
            pk: item.pk,
            sk: item.sk,
            [`${index}pk`]: expected[`${index}pk`],
            [`${index}sk`]: expected[`${index}sk`],
          });
        }
      }),
    );
  });
});

/** The stored item, raw, with one task id put in place of another (to compare two items). */
async function storedItem(userId: string, taskId: string, asTaskId: string) {
  const { Item } = await dynamoClient.send(
    new GetItemCommand(getTask(table, userId, taskId, true)),
  );
  const swap = (value: string) =>
    value.replaceAll(taskId, asTaskId).replaceAll(taskId.toLowerCase(), asTaskId.toLowerCase());
  return normalized(plain(Item) ?? null, swap);
}

/** An item as plain JSON (sets as sorted arrays), each string mapped by `swap`. */
function normalized(item: unknown, swap = (value: string) => value) {
  return JSON.parse(
    JSON.stringify(item, (_, value) =>
      typeof value === "string" ? swap(value) : value instanceof Set ? [...value].sort() : value,
    ),
  );
}

test("a patch leaves the item ElectroDB's patch leaves, fields, search copies and index keys", async () => {
  const userId = newUserId("record");
  await fc.assert(
    fc.asyncProperty(storedTask, changes, async (task, patch) => {
      // Fresh ids every run: shrinking replays a task, and each create must be new.
      const theirsId = newId();
      const initial = { ...task, userId, taskId: theirsId };
      const oursId = newId();
      const updatedAt = "2026-12-02T08:30:00.000Z";
      await TaskEntity.create(initial).go();
      const { dueDate, ...fields } = patch;
      let theirs = TaskEntity.patch({ userId, taskId: theirsId })
        .set({
          ...fields,
          ...(dueDate ? { dueDate } : {}),
          ...(dueDate !== undefined ? { dueSort: dueDate ?? UNDATED } : {}),
          updatedAt,
        })
        .add({ version: 1 });
      if (dueDate === null) theirs = theirs.remove(["dueDate"]);
      await theirs.where(({ version }, { eq }) => eq(version, 1)).go();

      await dynamoClient.send(new PutItemCommand(putTask(table, { ...initial, taskId: oursId })));
      const { Attributes } = await dynamoClient.send(
        new UpdateItemCommand(updateTask(table, { userId, taskId: oursId }, patch, 1, updatedAt)),
      );
      const ours = await storedItem(userId, oursId, theirsId);
      expect(ours).toEqual(await storedItem(userId, theirsId, theirsId));
      // What the update returns is the item as stored.
      expect(normalized(plain(Attributes))).toEqual(await storedItem(userId, oursId, oursId));
    }),
    { numRuns: 40 },
  );
});

test("a patch at a version that is not the stored one changes nothing", async () => {
  const userId = newUserId("record");
  const created = await Task.create(userId, { title: "once" });
  await expect(
    dynamoClient.send(
      new UpdateItemCommand(
        updateTask(table, { userId, taskId: created.taskId }, { title: "twice" }, 2, "x"),
      ),
    ),
  ).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
  expect(await Task.get(userId, created.taskId)).toEqual(created);
});

test("tasks stored by either side read alike through the other", async () => {
  const userId = newUserId("record");
  const ours = await Task.create(userId, {
    title: "Écrire",
    tags: ["Home"],
    dueDate: "2030-02-03",
  });
  const { data } = await TaskEntity.get({ userId, taskId: ours.taskId }).go();
  const { attachmentCount, ...fields } = ours;
  expect(attachmentCount).toBe(0);
  expect(data).toEqual(fields);

  const theirs = fc.sample(storedTask, 1)[0];
  if (!theirs) throw new Error("no sample");
  await TaskEntity.create({ ...theirs, userId }).go();
  const read = await Task.get(userId, theirs.taskId);
  expect(read).toEqual({
    ...theirs,
    userId,
    dueDate: theirs.dueDate ?? null,
    dueSort: undefined,
    attachmentCount: 0,
  });
  // An item of another entity under a task's key is not a task.
  await dynamoClient.send(
    new PutItemCommand({
      TableName: table,
      Item: marshall({
        ...(plain(putTask(table, { ...theirs, userId, taskId: "other" }).Item) ?? {}),
        __edb_e__: "note",
      }),
    }),
  );
  await expect(Task.get(userId, "other")).rejects.toMatchObject({ code: "not_found" });
});
