/**
 * The stream's subscriber, invoked in this process with the event Lambda gives
 * it: the same record twice is harmless, and an expiry gives the place back once.
 */

import { objectKeyOf, recordsOfTask } from "@taskmanager/core/attachment";
import type { Attachment } from "@taskmanager/core/attachment/schema";
import { entityAttribute } from "@taskmanager/core/table";
import { Task } from "@taskmanager/core/task/schema";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { beforeAll, expect, test } from "vitest";
import { handler } from "../../src/attachments/cleanup";
import { api, newPerson, type Person } from "../helpers/api";
import { newTask, objectExists, uploadFile } from "../helpers/attachments";

let person: Person;
beforeAll(async () => {
  person = await newPerson("cleanup");
});

let sequence = 0;
/** A REMOVE record as Lambda delivers it (DynamoDB JSON images). */
function removed(image: Record<string, string>, byTtl = false): DynamoDBRecord {
  sequence += 1;
  return {
    eventID: `event-${sequence}`,
    eventName: "REMOVE",
    eventSource: "aws:dynamodb",
    dynamodb: {
      SequenceNumber: String(sequence),
      StreamViewType: "NEW_AND_OLD_IMAGES",
      OldImage: Object.fromEntries(Object.entries(image).map(([k, v]) => [k, { S: v }])),
    },
    ...(byTtl ? { userIdentity: { type: "Service", principalId: "dynamodb.amazonaws.com" } } : {}),
  };
}
const invoke = (records: DynamoDBRecord[]) =>
  handler({ Records: records } satisfies DynamoDBStreamEvent);

async function taskWithFiles(count: number) {
  const task = await newTask(person);
  const files: Attachment[] = [];
  for (let i = 0; i < count; i++) {
    files.push(
      await uploadFile(person, task.taskId, `f${i}.txt`, "text/plain", new Uint8Array([i + 1])),
    );
  }
  const keys = files.map((file) => objectKeyOf(task.userId, task.taskId, file.attachmentId));
  return { task, files, keys };
}

test("a removed task's record delivered twice: everything of it goes, the second time is harmless", async () => {
  const { task, keys } = await taskWithFiles(2);
  const record = removed({ [entityAttribute]: "task", userId: task.userId, taskId: task.taskId });
  expect(await invoke([record])).toEqual({ batchItemFailures: [] });
  expect(await invoke([record])).toEqual({ batchItemFailures: [] });
  expect(await recordsOfTask(task.userId, task.taskId)).toEqual([]);
  for (const key of keys) expect(await objectExists(key)).toBe(false);
});

test("an expired attachment's record twice gives its place back once, and only its own", async () => {
  const { task, files, keys } = await taskWithFiles(2);
  const [gone, kept] = files as [Attachment, Attachment];
  const record = removed(
    {
      [entityAttribute]: "attachment",
      userId: task.userId,
      taskId: task.taskId,
      attachmentId: gone.attachmentId,
      objectKey: keys[0] as string,
    },
    true,
  );
  await invoke([record]);
  await invoke([record]);
  const read = Task.parse((await api(`/tasks/${task.taskId}`, { token: person.token })).json);
  expect(read.attachmentCount).toBe(1);
  expect(await objectExists(keys[0] as string)).toBe(false);
  expect(await objectExists(keys[1] as string)).toBe(true);
  expect(kept.status).toBe("uploaded");
});

test("an attachment removed by a request frees nothing more (the request did that)", async () => {
  const { task, files, keys } = await taskWithFiles(1);
  const [file] = files as [Attachment];
  await invoke([
    removed({
      [entityAttribute]: "attachment",
      userId: task.userId,
      taskId: task.taskId,
      attachmentId: file.attachmentId,
      objectKey: keys[0] as string,
    }),
  ]);
  const read = Task.parse((await api(`/tasks/${task.taskId}`, { token: person.token })).json);
  expect(read.attachmentCount).toBe(1);
  expect(await objectExists(keys[0] as string)).toBe(false);
});

test("a failing record is reported to be retried from, and nothing after it is handled", async () => {
  const later = await taskWithFiles(1);
  const malformed = removed({ [entityAttribute]: "task" });
  // An attribute value of no known type: reading the image fails.
  (malformed.dynamodb as { OldImage: Record<string, unknown> }).OldImage.userId = { Q: "?" };
  const result = await invoke([
    { eventName: "INSERT", dynamodb: { SequenceNumber: "0" } },
    malformed,
    removed({ [entityAttribute]: "task", userId: later.task.userId, taskId: later.task.taskId }),
  ]);
  expect(result).toEqual({
    batchItemFailures: [{ itemIdentifier: malformed.dynamodb?.SequenceNumber }],
  });
  expect(await recordsOfTask(later.task.userId, later.task.taskId)).toHaveLength(1);
  expect(await objectExists(later.keys[0] as string)).toBe(true);
});
