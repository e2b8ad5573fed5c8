/**
 * ONE-OFF: captures golden items and cursors from the code as it stands (before
 * every entity goes through ElectroDB). Run with CAPTURE_GOLDEN=1; writes
 * golden/items.json. Deleted once the fixtures are committed.
 */
import { writeFileSync } from "node:fs";
import { GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import * as Attachment from "@taskmanager/core/attachment";
import * as Task from "@taskmanager/core/task";
import * as User from "@taskmanager/core/user";
import { expect, test, vi } from "vitest";
import { dynamoClient, entityConfig } from "../../src/electrodb";
import { getTask, taskItem, UNDATED } from "../../src/task/record";

const { table } = entityConfig;
const NOW = "2026-12-06T09:00:00.000Z";
const LATER = "2026-12-06T09:05:00.000Z";

type Raw = Record<string, unknown>;
/** Sets (SS) are stored unordered: sort them so a fixture compares exactly. */
function stable(item: Raw | undefined): Raw {
  if (!item) throw new Error("no item");
  const out: Raw = {};
  for (const key of Object.keys(item).sort()) {
    const value = item[key] as Record<string, unknown>;
    out[key] = value.SS ? { SS: [...(value.SS as string[])].sort() } : value;
  }
  return out;
}

function placeholders(text: string, ids: Record<string, string>): string {
  let out = text;
  for (const [name, id] of Object.entries(ids)) {
    out = out.replaceAll(id, `{${name}}`).replaceAll(id.toLowerCase(), `{${name}:lower}`);
  }
  return out;
}
const withPlaceholders = <T>(value: T, ids: Record<string, string>): T =>
  JSON.parse(placeholders(JSON.stringify(value), ids));

async function rawTask(userId: string, taskId: string) {
  const { Item } = await dynamoClient.send(
    new GetItemCommand(getTask(table, userId, taskId, true)),
  );
  return stable(Item as Raw);
}

async function rawCollection(userId: string, taskId: string) {
  const { Items = [] } = await dynamoClient.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: {
        ":pk": { S: `$taskmanager#userid_${userId}#taskid_${taskId}`.toLowerCase() },
      },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => stable(item as Raw));
}

test.runIf(process.env.CAPTURE_GOLDEN)("capture", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(NOW));
  const fixtures: Record<string, unknown> = {
    capturedAt: NOW,
    note: "Items and cursors written by the code before every entity went through ElectroDB (task/record.ts, user/record.ts); ids are placeholders ({userId}, {taskId}, {attachmentId}; ':lower' where the key lower-cases them).",
  };

  // Tasks: created, then patched, through the domain as the API calls it.
  const userId = "golden-01JDQ7ZQK2N4AVXW6M8B1C3D5E";
  const creates = {
    minimal: { title: "Buy milk" },
    full: {
      title: "  Écrire le RAPPORT ",
      description: "Deux\nlignes, “citées”",
      status: "in_progress",
      priority: "high",
      dueDate: "2030-02-03",
      tags: ["Home", "Work Stuff", "ß"],
    },
  } as const;
  const patches = {
    titleAndStatus: { title: "Renamed İ", status: "done" },
    clearDue: { dueDate: null },
    newDueAndTags: { dueDate: "2031-12-31", tags: ["Ünïcode", "b"] },
    descriptionAndPriority: { description: "", priority: "low" },
  } as const;
  const tasks: unknown[] = [];
  for (const [name, input] of Object.entries(creates)) {
    vi.setSystemTime(new Date(NOW));
    const created = await Task.create(userId, input);
    const ids = { userId, taskId: created.taskId };
    const entry: Record<string, unknown> = {
      name,
      create: input,
      item: withPlaceholders(await rawTask(userId, created.taskId), ids),
      read: withPlaceholders(await Task.get(userId, created.taskId), ids),
      patches: [] as unknown[],
    };
    let version = created.version;
    for (const [patchName, patch] of Object.entries(patches)) {
      vi.setSystemTime(new Date(LATER));
      const updated = await Task.update(userId, created.taskId, { ...patch, version });
      (entry.patches as unknown[]).push({
        name: patchName,
        patch: { ...patch, version },
        updatedAt: LATER,
        item: withPlaceholders(await rawTask(userId, created.taskId), ids),
        read: withPlaceholders(updated, ids),
      });
      version = updated.version;
    }
    tasks.push(entry);
  }
  fixtures.tasks = tasks;

  // Attachments: the record and the task's id set, pending then uploaded.
  vi.setSystemTime(new Date(NOW));
  const owner = await Task.create(userId, { title: "with a file" });
  const file = new TextEncoder().encode("golden bytes");
  const started = await Attachment.create(userId, owner.taskId, {
    filename: "receipt.txt",
    contentType: "text/plain",
    size: file.length,
  });
  const ids = {
    userId,
    taskId: owner.taskId,
    attachmentId: started.attachment.attachmentId,
  };
  const pending = withPlaceholders(await rawCollection(userId, owner.taskId), ids);
  const pendingRead = withPlaceholders(await Attachment.list(userId, owner.taskId), ids);
  const pendingTask = withPlaceholders(await Task.get(userId, owner.taskId), ids);
  vi.useRealTimers();
  const sent = await fetch(started.upload.url, {
    method: "PUT",
    headers: started.upload.headers,
    body: file,
  });
  expect(sent.status).toBe(200);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(LATER));
  await Attachment.complete(userId, owner.taskId, started.attachment.attachmentId);
  fixtures.attachments = {
    create: { filename: "receipt.txt", contentType: "text/plain", size: file.length },
    pending: { items: pending, list: pendingRead, task: pendingTask },
    uploaded: {
      items: withPlaceholders(await rawCollection(userId, owner.taskId), ids),
      list: withPlaceholders(await Attachment.list(userId, owner.taskId), ids),
    },
  };

  // Users: one record per email, keyed by the lower-cased address.
  vi.setSystemTime(new Date(NOW));
  const user = await User.fromEmail("Golden.Person@Example.com");
  const { Item: userRaw } = await dynamoClient.send(
    new GetItemCommand({
      TableName: table,
      Key: { pk: { S: "$taskmanager#email_golden.person@example.com" }, sk: { S: "$user_1" } },
      ConsistentRead: true,
    }),
  );
  fixtures.users = [
    {
      email: "Golden.Person@Example.com",
      item: withPlaceholders(stable(userRaw as Raw), { userId: user.userId }),
      read: withPlaceholders(user, { userId: user.userId }),
    },
  ];

  // Cursors minted by today's API, over tasks with fixed ids (written as the seed writes them).
  const cursorUser = "golden-cursors-01JDQ7ZQK2N4AVXW6M8B1C3D5E";
  const fixed = [
    ["01JDQ80000000000000000000A", "todo", "2030-01-05", ["home"], "Alpha report"],
    ["01JDQ80000000000000000000B", "done", undefined, ["work"], "Beta"],
    ["01JDQ80000000000000000000C", "todo", "2029-06-01", ["work", "home"], "Gamma report"],
    ["01JDQ80000000000000000000D", "in_progress", "2030-01-05", [], "Delta"],
    ["01JDQ80000000000000000000E", "todo", undefined, ["home"], "Epsilon report"],
  ] as const;
  const stored: Raw[] = [];
  for (const [taskId, status, dueDate, tags, title] of fixed) {
    const item = taskItem({
      userId: cursorUser,
      taskId,
      title,
      description: `about ${title}`,
      status,
      priority: "medium",
      ...(dueDate ? { dueDate } : {}),
      dueSort: dueDate ?? UNDATED,
      tags: [...tags],
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
    await dynamoClient.send(new PutItemCommand({ TableName: table, Item: item }));
    stored.push(stable(item as Raw));
  }
  const queries = [
    { sort: "created", limit: 2 },
    { sort: "due", limit: 2 },
    { sort: "created", status: "todo", limit: 1 },
    { sort: "due", status: "todo", limit: 2 },
    { sort: "created", q: "REPORT", limit: 1 },
    { sort: "due", tag: "home", limit: 1 },
    { sort: "due", status: "todo", q: "report", tag: "home", limit: 1 },
  ];
  const cursors: unknown[] = [];
  for (const query of queries) {
    const first = await Task.list(cursorUser, query);
    if (!first.cursor) throw new Error(`no cursor for ${JSON.stringify(query)}`);
    const second = await Task.list(cursorUser, { ...query, cursor: first.cursor });
    cursors.push({
      query,
      firstPage: first.items.map((t) => t.taskId),
      cursor: first.cursor,
      decoded: JSON.parse(Buffer.from(first.cursor, "base64url").toString("utf8")),
      nextPage: second.items.map((t) => t.taskId),
      nextCursor: second.cursor,
    });
  }
  fixtures.cursors = { userId: cursorUser, items: stored, pages: cursors };

  vi.useRealTimers();
  writeFileSync(
    new URL("./items.json", import.meta.url),
    `${JSON.stringify(fixtures, null, 2)}\n`,
  );
});
