/**
 * The streaming export over real HTTP, through the local Function URL (the same
 * handler file, the same CORS): formats, round trips, filters, paging, isolation
 * and the refusals that come before any body byte.
 */

import { seedTasks } from "@taskmanager/core/seed";
import { type CreateTaskInput, Task, type Task as TaskRecord } from "@taskmanager/core/task/schema";
import { joinUrl } from "@taskmanager/core/url/schema";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod/mini";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";
import { claimsOf, forgeToken } from "../helpers/tokens";

async function download(query: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(joinUrl(stack().export, query), {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Keep the BOM: `response.text()` would drop it.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, bytes, text, json };
}

async function listAll(token: string, query = ""): Promise<TaskRecord[]> {
  const tasks: TaskRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await api(`/tasks?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`, {
      token,
    });
    const body = page.json as { items: TaskRecord[]; cursor: string | null };
    tasks.push(...body.items);
    cursor = body.cursor;
  } while (cursor);
  return tasks;
}

/** The NDJSON lines as tasks: every export here is of the Inbox, which each line names. */
const parseNdjson = (text: string) =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const { list, ...task } = JSON.parse(line) as { list?: unknown };
      expect(list).toBe("Inbox");
      return task as unknown;
    });

/** A CSV row back to a task: the inverse of the export's cell encoding (for cells with no formula start). */
function fromCsvRow(row: Record<string, string>): TaskRecord {
  return Task.parse({
    ...row,
    dueDate: row.dueDate === "" ? null : row.dueDate,
    listId: row.listId || undefined,
    updatedBy: row.updatedBy || undefined,
    // Issue 20's columns, empty for these tasks (export/lists.test.ts has them filled).
    dueTime: row.dueTime || undefined,
    recurrence: undefined,
    reminders: row.reminders ? JSON.parse(row.reminders) : undefined,
    tags: JSON.parse(row.tags ?? "[]"),
    version: Number(row.version),
    attachmentCount: Number(row.attachmentCount),
  });
}

const parseCsv = (text: string) =>
  parse(text, { bom: true, columns: true, comment: "#" }) as Record<string, string>[];

const tricky: CreateTaskInput[] = [
  {
    title: "Café ☕ 日本語 😀 naïve",
    description: "Ünïcödé — “smart quotes” ‘and’ ß",
    tags: ["été"],
  },
  { title: "Commas, everywhere, really", description: "a,b,,c", tags: ["a,b", "c"] },
  { title: 'She said "hi" and ""left""', description: '"' },
  { title: "Line breaks", description: "one\ntwo\r\nthree\rfour", dueDate: "2027-02-28" },
  { title: "Ends with space \\ and backslash", description: "", status: "in_progress" },
  { title: "Done already", status: "done", priority: "high", tags: ["x", "y;z", "[q]"] },
];

let ada: Person;
let adaTasks: TaskRecord[];

beforeAll(async () => {
  ada = await newPerson("export-ada");
  for (const input of tricky) {
    const created = await api("/tasks", { method: "POST", token: ada.token, body: input });
    expect(created.status, created.text).toBe(201);
  }
  adaTasks = await listAll(ada.token);
});

describe("the export refuses before any body byte, in the API's envelope", () => {
  test("no token, a malformed one, or a forged one: 401", async () => {
    for (const token of [undefined, "not-a-jwt", await forgeToken({ properties: {} })]) {
      const response = await download("?format=csv", token);
      expectError(response, 401, "unauthorized");
      expect(response.headers.get("content-disposition")).toBeNull();
    }
  });

  test.each([
    ["?format=xml", "format"],
    ["?format=csv&status=someday", "status"],
    ["?format=ndjson&sort=random", "sort"],
    ["?format=csv&limit=5", ""],
  ])("a bad query (%s): 400 naming the field", async (query, path) => {
    const error = expectError(await download(query, ada.token), 400, "validation_failed");
    expect(error.issues?.map((issue) => issue.path)).toContain(path);
  });

  test("only GET is served", async () => {
    const response = await fetch(joinUrl(stack().export, "?format=csv"), {
      method: "POST",
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(response.status).toBe(404);
  });
});

describe("CSV", () => {
  test("is an attachment named by today's date, UTF-8 with a BOM and a header row", async () => {
    const response = await download("?format=csv", ada.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename=tasks-${new Date().toISOString().slice(0, 10)}.csv`,
    );
    expect([...response.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text.slice(1).split("\r\n")[0]).toBe(
      "taskId,title,description,status,priority,dueDate,tags,createdAt,updatedAt,version,attachmentCount,userId,listId,updatedBy,dueTime,recurrence,reminders,list",
    );
  });

  test("round-trips every field through a real CSV parser, in the list's order", async () => {
    const rows = parseCsv((await download("?format=csv", ada.token)).text);
    expect(rows.map(fromCsvRow)).toEqual(adaTasks);
  });

  test("neutralises cells a spreadsheet would run as a formula", async () => {
    const person = await newPerson("export-formula");
    const inputs = [
      { title: '=HYPERLINK("http://evil","x")', description: "\t=1+1" },
      { title: "+SUM(A1:A9)", description: "\r@cmd" },
      { title: "-2+3", description: "plain" },
      { title: "@SUM(1)", description: "- a bullet", tags: ["=tag"] },
    ];
    for (const body of inputs) {
      expect((await api("/tasks", { method: "POST", token: person.token, body })).status).toBe(201);
    }
    const rows = parseCsv((await download("?format=csv", person.token)).text);
    const cells = rows.map((row) => [row.title, row.description]).reverse();
    expect(cells).toEqual([
      ['\'=HYPERLINK("http://evil","x")', "'\t=1+1"],
      ["'+SUM(A1:A9)", "'\r@cmd"],
      ["'-2+3", "plain"],
      ["'@SUM(1)", "'- a bullet"],
    ]);
    // The tags cell is a JSON array, so it starts with "[" and needs nothing.
    expect(rows[0]?.tags).toBe('["=tag"]');
  });
});

describe("NDJSON", () => {
  test("is one task a line, every field intact", async () => {
    const response = await download("?format=ndjson", ada.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename=tasks-\d{4}-\d{2}-\d{2}\.ndjson$/,
    );
    expect(response.text.endsWith("\n")).toBe(true);
    expect(
      parseNdjson(response.text).map((line) => z.strictObject(Task.shape).parse(line)),
    ).toEqual(adaTasks);
  });

  test("CSV is the default format", async () => {
    const response = await download("", ada.token);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  });
});

describe("filters", () => {
  test.each(["todo", "in_progress", "done"] as const)("status=%s", async (status) => {
    const lines = parseNdjson((await download(`?format=ndjson&status=${status}`, ada.token)).text);
    expect(lines).toEqual(adaTasks.filter((task) => task.status === status));
  });

  test("sort=due is the list's due-date order", async () => {
    const lines = parseNdjson((await download("?format=ndjson&sort=due", ada.token)).text);
    expect(lines).toEqual(await listAll(ada.token, "&sort=due"));
  });

  test.each([
    ["q=CAF%C3%89", 1],
    ["q=cafe%CC%81&sort=due", 1],
    ["q=%20quotes%20", 1],
    ["tag=a%2Cb", 1],
    ["tag=%C3%A9t%C3%A9&q=na%C3%AFve", 1],
    ["q=line&status=todo", 1],
    // Tags ignore case and accents (issue 18): "Y;Z" is the tag "y;z", "ETE" is "été".
    ["tag=Y;Z", 1],
    ["tag=ETE", 1],
    ["tag=y", 0],
  ])("%s is the list's search and tag: the same tasks, in its order", async (query, count) => {
    const expected = await listAll(ada.token, `&${query}`);
    expect(expected).toHaveLength(count);
    const lines = parseNdjson((await download(`?format=ndjson&${query}`, ada.token)).text);
    expect(lines).toEqual(expected);
    const rows = parseCsv((await download(`?format=csv&${query}`, ada.token)).text);
    expect(rows.map(fromCsvRow)).toEqual(expected);
  });

  test.each([
    ["?q=%20%20", "q"],
    [`?tag=${"x".repeat(33)}`, "tag"],
    [`?q=${"x".repeat(101)}`, "q"],
  ])("a search or tag the list refuses (%s): 400 naming it", async (query, path) => {
    const error = expectError(await download(query, ada.token), 400, "validation_failed");
    expect(error.issues?.map((issue) => issue.path)).toContain(path);
  });

  test("a filter with no tasks is a header row alone", async () => {
    const person = await newPerson("export-empty");
    const response = await download("?format=csv&status=done", person.token);
    expect(response.status).toBe(200);
    expect(parseCsv(response.text)).toEqual([]);
  });
});

describe("many pages, two people", () => {
  test("a search reads on through thousands of tasks and keeps only the matches", async () => {
    const carol = await newPerson("export-carol");
    const carolId = (claimsOf(carol.token).properties as { userId: string }).userId;
    // More than the first page (100) and a full one (1,000): the matches are in none of them.
    await seedTasks(carolId, 1_150);
    for (const title of ["needle one", "NEEDLE two"]) {
      const created = await api("/tasks", { method: "POST", token: carol.token, body: { title } });
      expect(created.status).toBe(201);
    }
    const lines = parseNdjson(
      (await download("?format=ndjson&q=needle&sort=due", carol.token)).text,
    ) as TaskRecord[];
    expect(lines.map((t) => t.title)).toEqual(
      (await listAll(carol.token, "&q=needle&sort=due")).map((t) => t.title),
    );
    expect(lines.map((t) => t.title).sort()).toEqual(["NEEDLE two", "needle one"]);
  }, 120_000);

  test("pages through thousands of tasks with none lost or repeated, and none of another person's", async () => {
    const bob = await newPerson("export-bob");
    const bobId = (claimsOf(bob.token).properties as { userId: string }).userId;
    await seedTasks(bobId, 2_345);
    const lines = parseNdjson((await download("?format=ndjson", bob.token)).text) as TaskRecord[];
    expect(lines).toHaveLength(2_345);
    expect(new Set(lines.map((t) => t.taskId)).size).toBe(2_345);
    expect(lines.every((t) => t.userId === bobId)).toBe(true);
    const ids = lines.map((t) => t.taskId);
    expect(ids).toEqual([...ids].sort().reverse());

    // And Ada's export still has Ada's tasks only.
    const adaLines = parseNdjson((await download("?format=ndjson", ada.token)).text);
    expect(adaLines).toEqual(adaTasks);
    const csvRows = parseCsv((await download("?format=csv", bob.token)).text);
    expect(csvRows).toHaveLength(2_345);
    expect(csvRows.every((row) => row.userId === bobId)).toBe(true);
  });
});

describe("CORS, as a Function URL does it", () => {
  const origin = () => stack().webOrigins[0] as string;

  test("preflight from the web app allows GET with the authorization header, and nothing else", async () => {
    const response = await fetch(joinUrl(stack().export, "?format=csv"), {
      method: "OPTIONS",
      headers: {
        origin: origin(),
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(response.ok).toBe(true);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin());
    expect(response.headers.get("access-control-allow-methods")).toBe("GET");
    expect(response.headers.get("access-control-allow-headers")).toBe("authorization");
  });

  test("another origin gets no CORS headers", async () => {
    const response = await fetch(stack().export, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const get = await download("?format=csv", ada.token, { origin: "https://evil.example" });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("the download itself carries the origin and exposes the filename", async () => {
    const response = await download("?format=csv", ada.token, { origin: origin() });
    expect(response.headers.get("access-control-allow-origin")).toBe(origin());
    expect(response.headers.get("access-control-expose-headers")).toBe("content-disposition");
  });
});
