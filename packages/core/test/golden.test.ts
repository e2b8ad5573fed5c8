/**
 * No migration: the data layer moved from hand-built requests to ElectroDB without
 * changing a byte. `golden/items.json` holds items and cursors written by the code
 * before the move (commit b86025f: task/record.ts, user/record.ts), captured by
 * running its domain against DynamoDB Local. Each test holds one direction:
 * - what the domain writes now is those items, attribute for attribute, wire types
 *   included (a number stays N, a tag list stays L, the id set stays SS);
 * - what was stored then reads, patches and pages the same now;
 * - cursors handed out then still resume where they did.
 * Ids are placeholders in the fixture, replaced by each run's own.
 *
 * One change since, on purpose (issue 18): the search copies fold accents away and
 * the tags' copy marks whole tags. Those three attributes are compared with their new
 * values, written out by hand below; every other attribute is still the fixture's.
 */
import { readFileSync } from "node:fs";
import {
  type AttributeValue,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from "@aws-sdk/client-dynamodb";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import * as Attachment from "@taskmanager/core/attachment";
import * as Task from "@taskmanager/core/task";
import type {
  CreateTaskInput,
  ListTasksQuery,
  UpdateTaskInput,
} from "@taskmanager/core/task/schema";
import * as User from "@taskmanager/core/user";
import { Resource } from "sst";
import { ulid } from "ulid";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { entityAttribute } from "../src/table";
import { dynamoClient, entityConfig } from "../src/table/client";

type Item = Record<string, AttributeValue>;
interface Golden {
  capturedAt: string;
  tasks: Array<{
    name: string;
    create: CreateTaskInput;
    item: Item;
    read: unknown;
    patches: Array<{ name: string; patch: UpdateTaskInput; item: Item; read: unknown }>;
  }>;
  attachments: {
    create: { filename: string; contentType: string; size: number };
    pending: { items: Item[]; list: unknown; task: unknown };
    uploaded: { items: Item[]; list: unknown };
  };
  users: Array<{ email: string; item: Item; read: unknown }>;
  cursors: {
    userId: string;
    items: Item[];
    pages: Array<{
      query: ListTasksQuery;
      firstPage: string[];
      cursor: string;
      decoded: Record<string, string>;
      nextPage: string[];
      nextCursor: string | null;
    }>;
  };
}

const golden: Golden = JSON.parse(
  readFileSync(new URL("./golden/items.json", import.meta.url), "utf8"),
);
const { table } = entityConfig;
const NOW = golden.capturedAt;
const LATER = "2026-12-06T09:05:00.000Z";

/** The fixture with this run's ids in place of its placeholders. */
function filled<T>(value: T, ids: Record<string, string>): T {
  let text = JSON.stringify(value);
  for (const [name, id] of Object.entries(ids)) {
    text = text.replaceAll(`{${name}:lower}`, id.toLowerCase()).replaceAll(`{${name}}`, id);
  }
  return JSON.parse(text);
}

/** An item as compared: attributes in name order, sets (unordered in DynamoDB) sorted. */
function stable(item: Item | undefined): Item {
  if (!item) throw new Error("no item stored");
  return Object.fromEntries(
    Object.keys(item)
      .sort()
      .map((name) => {
        const value = item[name] as AttributeValue;
        return [name, value.SS ? { SS: [...value.SS].sort() } : value];
      }),
  );
}

/** The item stored under a fixture item's own key, raw. */
async function storedAt(expected: Item): Promise<Item> {
  const { Item } = await dynamoClient.send(
    new GetItemCommand({
      TableName: table,
      Key: { pk: expected.pk as AttributeValue, sk: expected.sk as AttributeValue },
      ConsistentRead: true,
    }),
  );
  return stable(Item);
}

/** Every item in a fixture item's partition (a task's collection), raw. */
async function partitionOf(expected: Item): Promise<Item[]> {
  const { Items = [] } = await dynamoClient.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": expected.pk as AttributeValue },
      ConsistentRead: true,
    }),
  );
  return Items.map(stable);
}

const putRaw = (Item: Item) => dynamoClient.send(new PutItemCommand({ TableName: table, Item }));

const at = (iso: string) => vi.setSystemTime(new Date(iso));

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  at(NOW);
});
afterEach(() => at(NOW));

const newUser = () => `golden-${ulid()}`;

/** Each search copy in the fixture (the old fold: case only), as it is folded now. */
const REFOLDED: Record<string, string> = {
  "": "",
  "buy milk": "buy milk",
  "écrire le rapport": "ecrire le rapport",
  "renamed i\u0307": "renamed i",
  "deux\nlignes, “citées”": "deux\nlignes, “citees”",
  "home\nwork stuff\nß": "\nhome\nwork stuff\nß\n",
  "ünïcode\nb": "\nunicode\nb\n",
};
const COPY_OF = { title: "titleSearch", description: "descriptionSearch", tags: "tagsSearch" };
type Copy = (typeof COPY_OF)[keyof typeof COPY_OF];
const ALL_COPIES = Object.values(COPY_OF);

/** A fixture item with these search copies as folded now. */
function refolded(item: Item, copies: readonly Copy[] = ALL_COPIES): Item {
  const next = { ...item };
  for (const copy of copies) {
    const old = item[copy]?.S;
    if (old === undefined) continue;
    const now = REFOLDED[old];
    if (now === undefined) throw new Error(`no refolded value for ${JSON.stringify(old)}`);
    next[copy] = { S: now };
  }
  return next;
}

/** The copies a patch rewrites: those of the fields it sets. */
const copiesPatchedBy = (patch: UpdateTaskInput) =>
  Object.entries(COPY_OF)
    .filter(([field]) => field in patch)
    .map(([, copy]) => copy);

describe("tasks", () => {
  test.each(golden.tasks)(
    "a new task ($name) is stored as before, and so is each patch of it",
    async (fixture) => {
      const userId = newUser();
      const created = await Task.create(userId, fixture.create);
      const ids = { userId, taskId: created.taskId };
      const item = filled(refolded(fixture.item), ids);
      expect(await storedAt(item)).toEqual(item);
      expect(created).toEqual(filled(fixture.read, ids));
      for (const step of fixture.patches) {
        at(LATER);
        const updated = await Task.update(userId, created.taskId, step.patch);
        const expected = filled(refolded(step.item), ids);
        expect(await storedAt(expected), step.name).toEqual(expected);
        expect(updated, step.name).toEqual(filled(step.read, ids));
      }
    },
  );

  test.each(golden.tasks)(
    "a task ($name) stored before reads and patches as it did",
    async (fixture) => {
      const userId = newUser();
      const ids = { userId, taskId: ulid() };
      await putRaw(filled(fixture.item, ids));
      expect(await Task.get(userId, ids.taskId)).toEqual(filled(fixture.read, ids));
      // A patch refolds the copies of the fields it sets; the others keep the old fold.
      const patched = new Set<Copy>();
      for (const step of fixture.patches) {
        // Each patch applied to the item as the old code left it after the one before.
        at(LATER);
        const updated = await Task.update(userId, ids.taskId, step.patch);
        for (const copy of copiesPatchedBy(step.patch)) patched.add(copy);
        const expected = filled(refolded(step.item, [...patched]), ids);
        expect(updated, step.name).toEqual(filled(step.read, ids));
        expect(await storedAt(expected), step.name).toEqual(expected);
        expect(await Task.get(userId, ids.taskId)).toEqual(filled(step.read, ids));
      }
    },
  );

  test("an item of another entity under a task's key is no task", async () => {
    const userId = newUser();
    const ids = { userId, taskId: ulid() };
    const [fixture] = golden.tasks;
    if (!fixture) throw new Error("no task fixture");
    await putRaw({ ...filled(fixture.item, ids), [entityAttribute]: { S: "note" } });
    await expect(Task.get(userId, ids.taskId)).rejects.toMatchObject({ code: "not_found" });
    expect((await Task.list(userId)).items).toEqual([]);
  });
});

describe("attachments", () => {
  /**
   * The attachment fixtures replayed at the present: a pending record's TTL is a real
   * epoch time that the local stack's sweeper acts on, so replayed at the capture's
   * own time it would be swept mid-test. Its times (and the clock) move by the same
   * whole number of seconds; everything else is compared as captured.
   */
  const shift = Math.floor(vi.getRealSystemTime() / 1000) * 1000 - Date.parse(NOW);
  const shiftedIso = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  const capturedExpiry = /"expiresAt":\{"N":"(\d+)"\}/g;
  const shifted = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value)
        .replaceAll(NOW, shiftedIso(NOW))
        .replaceAll(LATER, shiftedIso(LATER))
        .replace(
          capturedExpiry,
          (_, seconds) => `"expiresAt":{"N":"${Number(seconds) + shift / 1000}"}`,
        ),
    );
  const { create } = golden.attachments;
  const pending = shifted(golden.attachments.pending);
  const uploaded = shifted(golden.attachments.uploaded);
  const s3 = new S3Client({ forcePathStyle: true });

  beforeEach(() => at(shiftedIso(NOW)));

  test("a new attachment and its task's id set are stored as before, pending then uploaded", async () => {
    const userId = newUser();
    const task = await Task.create(userId, { title: "with a file" });
    const started = await Attachment.create(userId, task.taskId, create);
    const ids = { userId, taskId: task.taskId, attachmentId: started.attachment.attachmentId };
    const [first] = filled(pending.items, ids);
    if (!first) throw new Error("no attachment fixture");
    expect(await partitionOf(first)).toEqual(filled(pending.items, ids));

    // The bytes go straight to the bucket: what is checked is the record's change.
    await s3.send(
      new PutObjectCommand({
        Bucket: Resource.Attachments.name,
        Key: `${userId}/${task.taskId}/${ids.attachmentId}`,
        Body: "golden bytes",
        ContentType: create.contentType,
      }),
    );
    at(shiftedIso(LATER));
    await Attachment.complete(userId, task.taskId, ids.attachmentId);
    expect(await partitionOf(first)).toEqual(filled(uploaded.items, ids));
  });

  test("attachments stored before read as they did", async () => {
    for (const state of [pending, uploaded]) {
      const userId = newUser();
      const ids = { userId, taskId: ulid(), attachmentId: ulid() };
      for (const item of filled(state.items, ids)) await putRaw(item);
      expect(await Attachment.list(userId, ids.taskId)).toEqual(filled(state.list, ids));
    }
    const userId = newUser();
    const ids = { userId, taskId: ulid(), attachmentId: ulid() };
    for (const item of filled(pending.items, ids)) await putRaw(item);
    expect(await Task.get(userId, ids.taskId)).toEqual(filled(pending.task, ids));
  });
});

describe("users", () => {
  // The run's table is fresh, so the fixture's address is new to it until the second
  // test puts the old item over the first one's.
  test.each(golden.users)("a new user ($email) is stored as before", async (fixture) => {
    const user = await User.fromEmail(fixture.email);
    const expected = filled(fixture.item, { userId: user.userId });
    expect(await storedAt(expected)).toEqual(expected);
    expect(user).toEqual(filled(fixture.read, { userId: user.userId }));
  });

  test.each(golden.users)(
    "a user ($email) stored before signs in as the same id",
    async (fixture) => {
      const ids = { userId: ulid() };
      await putRaw(filled(fixture.item, ids));
      expect(await User.fromEmail(fixture.email.toUpperCase())).toEqual(filled(fixture.read, ids));
    },
  );
});

describe("cursors handed out before", () => {
  const { userId, items, pages } = golden.cursors;
  const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));

  beforeAll(async () => {
    for (const item of items) await putRaw(item);
  });

  test.each(pages)("resume where they did: $query", async (page) => {
    const first = await Task.list(userId, page.query);
    expect(first.items.map((t) => t.taskId)).toEqual(page.firstPage);
    if (!first.cursor) throw new Error("no cursor");
    // Today's cursor names the same key (JSON key order aside).
    expect(decode(first.cursor)).toEqual(page.decoded);

    const next = await Task.list(userId, { ...page.query, cursor: page.cursor });
    expect(next.items.map((t) => t.taskId)).toEqual(page.nextPage);
    expect(next.cursor && decode(next.cursor)).toEqual(page.nextCursor && decode(page.nextCursor));
  });
});
