/**
 * Issue 18: tags ignore case ("work" and "Work" are one tag, the filter finds both)
 * and search ignores accents ("cafe" finds "Café"), in the list and the export
 * alike (one filter). Tasks stored before keep being found as they were, and the
 * backfill (task/refold.ts) makes them found the new way, idempotently.
 */
import { type AttributeValue, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import * as Task from "@taskmanager/core/task";
import type { TaskPagesQuery, Task as TaskRecord } from "@taskmanager/core/task/schema";
import { ulid } from "ulid";
import { beforeAll, describe, expect, test } from "vitest";
import { dynamoClient, entityConfig } from "../src/table/client";
import { refoldSearchCopies } from "../src/task/refold";
import golden from "./golden/items.json" with { type: "json" };
import { invalidInput, newUserId } from "./helpers";

const titles = (page: { items: TaskRecord[] }) => page.items.map((t) => t.title).sort();
const exported = async (userId: string, query: TaskPagesQuery) => {
  const found: string[] = [];
  for await (const page of Task.pages(userId, query)) found.push(...page.map((t) => t.title));
  return found.sort();
};

describe("tags and search ignore case and accents", () => {
  const userId = newUserId("fold");
  beforeAll(async () => {
    await Task.create(userId, { title: "Café with Ana", tags: ["Work"] });
    await Task.create(userId, { title: "Report", tags: ["work", "Écoles"] });
    await Task.create(userId, { title: "Garden", description: "Naïve plan", tags: ["home"] });
  });

  test("a tag finds every task carrying it in any case", async () => {
    for (const tag of ["work", "Work", "WORK"]) {
      expect(titles(await Task.list(userId, { tag })), tag).toEqual(["Café with Ana", "Report"]);
    }
    expect(titles(await Task.list(userId, { tag: "ecoles" }))).toEqual(["Report"]);
    // A whole tag, not a part of one, nor two tags together.
    expect(titles(await Task.list(userId, { tag: "wor" }))).toEqual([]);
    expect(titles(await Task.list(userId, { tag: "work\nécoles" }))).toEqual([]);
  });

  test("a search finds text whatever its accents and case", async () => {
    expect(titles(await Task.list(userId, { q: "cafe" }))).toEqual(["Café with Ana"]);
    expect(titles(await Task.list(userId, { q: "CAFÉ" }))).toEqual(["Café with Ana"]);
    expect(titles(await Task.list(userId, { q: "naive" }))).toEqual(["Garden"]);
    expect(titles(await Task.list(userId, { q: "ecole" }))).toEqual(["Report"]);
    expect(titles(await Task.list(userId, { q: "work home" }))).toEqual([]);
  });

  test("the export filters the same way", async () => {
    expect(await exported(userId, { tag: "WORK" })).toEqual(["Café with Ana", "Report"]);
    expect(await exported(userId, { q: "cafe" })).toEqual(["Café with Ana"]);
  });

  test("one task cannot carry the same tag twice in another case", async () => {
    await expect(Task.create(userId, { title: "x", tags: ["work", "Work"] })).rejects.toMatchObject(
      invalidInput,
    );
    await expect(Task.create(userId, { title: "x", tags: ["cafe", "Café"] })).rejects.toMatchObject(
      invalidInput,
    );
  });
});

describe("tasks stored before the new folding", () => {
  const { table } = entityConfig;
  const [, full] = golden.tasks;
  if (!full) throw new Error("no golden task");

  /** The golden "full" task as the old code stored it: title "Écrire le RAPPORT", tags Home, Work Stuff, ß. */
  async function putOld(userId: string) {
    const taskId = ulid();
    const text = JSON.stringify(full?.item)
      .replaceAll("{userId:lower}", userId.toLowerCase())
      .replaceAll("{userId}", userId)
      .replaceAll("{taskId:lower}", taskId.toLowerCase())
      .replaceAll("{taskId}", taskId);
    const item = JSON.parse(text) as Record<string, AttributeValue>;
    await dynamoClient.send(new PutItemCommand({ TableName: table, Item: item }));
    return { taskId, item };
  }
  const raw = async (item: Record<string, AttributeValue>) =>
    (
      await dynamoClient.send(
        new GetItemCommand({
          TableName: table,
          Key: { pk: item.pk as AttributeValue, sk: item.sk as AttributeValue },
          ConsistentRead: true,
        }),
      )
    ).Item;

  test("are found as before until the backfill, and the new way after it", async () => {
    const userId = newUserId("refold");
    const { item } = await putOld(userId);
    const found = async (query: { q?: string; tag?: string }) =>
      (await Task.list(userId, query)).items.length;
    // As before: the old fold of the search, the tag as typed.
    expect(await found({ q: "écrire" })).toBe(1);
    expect(await found({ q: "RAPPORT" })).toBe(1);
    expect(await found({ tag: "Home" })).toBe(1);
    // Not yet: these need the new copies.
    expect(await found({ q: "ecrire" })).toBe(0);
    expect(await found({ tag: "home" })).toBe(0);

    const report = await refoldSearchCopies({ userId });
    expect(report).toEqual({ read: 1, rewritten: 1, changedMeanwhile: 0 });
    for (const query of [
      { q: "ecrire" },
      { q: "écrire" },
      { tag: "home" },
      { tag: "WORK STUFF" },
    ]) {
      expect(await found(query), JSON.stringify(query)).toBe(1);
    }
    // Only the copies changed: the person's fields, version and updatedAt did not.
    const after = await raw(item);
    const { titleSearch, descriptionSearch, tagsSearch, ...rest } = after ?? {};
    const { titleSearch: _t, descriptionSearch: _d, tagsSearch: _g, ...before } = item;
    expect(rest).toEqual(before);
    expect({ titleSearch, descriptionSearch, tagsSearch }).toEqual({
      titleSearch: { S: "ecrire le rapport" },
      descriptionSearch: { S: "deux\nlignes, “citees”" },
      tagsSearch: { S: "\nhome\nwork stuff\nß\n" },
    });

    // Idempotent: run again, the same bytes.
    expect(await refoldSearchCopies({ userId })).toEqual({
      read: 1,
      rewritten: 1,
      changedMeanwhile: 0,
    });
    expect(await raw(item)).toEqual(after);
  });

  test("the backfill as deployed scans the table, a page at a time", async () => {
    const people = [newUserId("refold-scan"), newUserId("refold-scan")];
    const items = [];
    for (const userId of people) items.push((await putOld(userId)).item);
    const mine = new Set(people);
    let pages = 0;
    const report = await refoldSearchCopies({
      select: (task) => mine.has(task.userId),
      pageSize: 25,
      onPage: () => {
        pages += 1;
      },
    });
    expect(report.rewritten).toBe(2);
    expect(report.read).toBeGreaterThanOrEqual(2);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const item of items) {
      expect((await raw(item))?.tagsSearch).toEqual({ S: "\nhome\nwork stuff\nß\n" });
    }
  });
});
