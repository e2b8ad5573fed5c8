/**
 * Least privilege, held to the code: each route's declared access (what infra
 * grants) is exactly what its handler does to DynamoDB, recorded on the wire by a
 * proxy in front of DynamoDB Local while the handler runs in this process.
 */

import type { Server } from "node:http";
import { entityAttribute } from "@taskmanager/core/table";
import { lambdaContext, loadHandler } from "@taskmanager/local/aws/lambda-handlers";
import { signIn, signUp } from "@taskmanager/local/clients/sign-in";
import { toApiGatewayEvent } from "@taskmanager/local/gateways/apigw-event";
import { createFunctionUrlServer } from "@taskmanager/local/gateways/function-url-server";
import { close, createServer, listen, readBody } from "@taskmanager/local/gateways/http-server";
import { createIssuerServer } from "@taskmanager/local/gateways/issuer-server";
import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Access, grantsFor, type LinkName } from "../../src/access";
import { streamCleanup } from "../../src/attachments/cleanup-subscription";
import { digestJob } from "../../src/digests/job";
import { reminderJob } from "../../src/reminders/job";
import { exportFunction, issuer, type RouteDefinition, routes } from "../../src/routes";
import { api, newPerson, type Person } from "../helpers/api";
import { createList, join } from "../helpers/lists";
import { absentIds, label, ownedIds, pathOf } from "./route-cases";

const stack = inject("stack");
const tableOf: Partial<Record<LinkName, string>> = {
  Tasks: stack.tasksTable,
  AuthStorage: stack.authTable,
};

interface DynamoInput {
  TableName?: string;
  IndexName?: string;
  TransactItems?: Record<string, { TableName?: string }>[];
  RequestItems?: Record<string, unknown>;
}

/** What IAM authorizes a call as: a transaction is each of its items' own action. */
function iamActionsOf(action: string, input: DynamoInput) {
  if (action === "TransactWriteItems" || action === "TransactGetItems") {
    const item = { Put: "PutItem", Update: "UpdateItem", Delete: "DeleteItem", Get: "GetItem" };
    return (input.TransactItems ?? []).flatMap((entry) =>
      Object.entries(entry).map(([kind, request]) => ({
        action: item[kind as keyof typeof item] ?? `${kind}Item`,
        table: request.TableName,
        index: undefined,
      })),
    );
  }
  if (input.RequestItems) {
    return Object.keys(input.RequestItems).map((table) => ({ action, table, index: undefined }));
  }
  return [{ action, table: input.TableName, index: input.IndexName }];
}

/** `dynamodb:<Action>` and scope of every DynamoDB call, as "link action scope" lines. */
let recorded = new Set<string>();
let proxy: Server;

beforeAll(async () => {
  proxy = createServer(async (req, res) => {
    const body = await readBody(req);
    const action = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "?";
    for (const call of iamActionsOf(action, JSON.parse(body.toString("utf8") || "{}"))) {
      const link = Object.entries(tableOf).find(([, name]) => name === call.table)?.[0];
      recorded.add(
        `${link ?? call.table} dynamodb:${call.action} ${call.index ? "indexes" : "resource"}`,
      );
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !["host", "content-length"].includes(name)),
    ) as Record<string, string>;
    const upstream = await fetch(stack.dynamo, { method: "POST", headers, body });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  // Handlers load after this, so their SDK clients (the issuer's storage too) use the proxy.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = await listen(proxy, 0);
  process.env.AWS_ENDPOINT_URL_SESV2 = stack.mail;
});
afterAll(async () => {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = stack.dynamo;
  await close(proxy);
});

const declared = (access: readonly Access[]) =>
  new Set(access.flatMap((entry) => entry.actions.map((a) => `${entry.link} ${a} ${entry.scope}`)));
/** Only DynamoDB is recorded here; other links (mail, values) are checked statically below. */
const dynamoOnly = (lines: Set<string>) =>
  new Set([...lines].filter((line) => line.split(" ")[1]?.startsWith("dynamodb:")));

/**
 * `listId` names the list a route whose role is about a target list (a task made
 * in a list, one list's page) reads, in its body or its query; without it, the
 * caller's Inbox.
 */
async function invoke(
  route: RouteDefinition,
  person: Person,
  ids: Record<string, string>,
  listId?: string,
) {
  const handler = await loadHandler(route.handler);
  const url = new URL(pathOf(route, ids), "http://api.local");
  if (listId && !route.body) url.searchParams.set("listId", listId);
  const example = route.body?.example as object | undefined;
  const body = route.body
    ? Buffer.from(JSON.stringify(listId ? { ...example, listId } : example))
    : Buffer.alloc(0);
  const event = toApiGatewayEvent(
    {
      method: route.method,
      url,
      headers: { authorization: `Bearer ${person.token}`, "content-type": "application/json" },
      body,
      sourceIp: "127.0.0.1",
    },
    { routeKey: label(route), pathParameters: Object.keys(ids).length ? ids : undefined },
  );
  const result = await handler(event, lambdaContext("access-test", "req"));
  expect(result.statusCode, `${label(route)}: ${result.body}`).toBeLessThan(500);
  return result.statusCode as number;
}

describe("each route is granted exactly what its handler does", () => {
  let person: Person;
  beforeAll(async () => {
    person = await newPerson("access");
  });

  test.each(routes.filter((route) => !route.public).map((route) => [label(route), route] as const))(
    "%s",
    async (_, route) => {
      const owned = await ownedIds(route, person);
      recorded = new Set();
      // Success, then the same request again (a stale version, an id already gone),
      // then ids that name nothing: together they take every path the handler has.
      await invoke(route, person, owned);
      await invoke(route, person, owned);
      await invoke(route, person, absentIds(route));
      // Leaving takes another path when others stay: as an editor of someone's list.
      if (label(route) === "DELETE /lists/{listId}/me") {
        const owner = await newPerson("access-owner");
        const listId = await createList(owner);
        await join(owner, listId, person, "editor");
        await invoke(route, person, { listId });
      }
      // A route about a target list: in a list, and in one that does not exist.
      if (typeof route.role === "object" && route.role.of === "target") {
        await invoke(route, person, owned, await createList(person));
        await invoke(route, person, owned, ulid());
      }
      expect([...recorded].sort()).toEqual([...dynamoOnly(declared(route.access))].sort());
    },
  );
});

test("the stream's cleanup is granted exactly what purging a removed task does", async () => {
  const person = await newPerson("access-stream");
  const attachmentRoute = routes.find((route) => route.path.endsWith("{attachmentId}"));
  const ids = await ownedIds(attachmentRoute as RouteDefinition, person);
  const task = await api(`/tasks/${ids.taskId}`, { token: person.token });
  const userId = (task.json as { userId: string }).userId;
  const removed = (entity: string, image: Record<string, string>, userIdentity?: object) => ({
    eventName: "REMOVE" as const,
    dynamodb: {
      SequenceNumber: "1",
      OldImage: Object.fromEntries(
        Object.entries({ [entityAttribute]: entity, userId, taskId: ids.taskId, ...image }).map(
          ([name, value]) => [name, { S: value }],
        ),
      ),
    },
    ...(userIdentity ? { userIdentity } : {}),
  });
  const handler = await loadHandler(streamCleanup.handler);
  recorded = new Set();
  const list = await createList(person);
  const inList = await api("/tasks", {
    method: "POST",
    token: person.token,
    body: { title: "in a list", listId: list },
  });
  expect(inList.status).toBe(201);
  const event = {
    Records: [
      removed("list", { listId: list }),
      removed("task", {}),
      removed(
        "attachment",
        { attachmentId: ids.attachmentId as string, objectKey: `${userId}/${ids.taskId}/x` },
        { type: "Service", principalId: "dynamodb.amazonaws.com" },
      ),
    ],
  };
  expect(await handler(event, lambdaContext("access-test", "req"))).toEqual({
    batchItemFailures: [],
  });
  expect([...recorded].sort()).toEqual([...dynamoOnly(declared(streamCleanup.access))].sort());
});

test("the issuer is granted exactly what sign-up, sign-in and refresh do to DynamoDB", async () => {
  const server = createIssuerServer();
  const url = await listen(server, 0);
  try {
    recorded = new Set();
    const urls = { auth: url, mail: stack.mail };
    const email = `access-${Date.now()}@example.com`;
    await signUp(urls, email, "correct-horse-battery");
    const { refresh } = await signIn(urls, email, "correct-horse-battery");
    const refreshed = await fetch(`${url}/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refresh }),
    });
    expect(refreshed.status).toBe(200);
    expect([...recorded].sort()).toEqual([...dynamoOnly(declared(issuer.access))].sort());
  } finally {
    await close(server);
  }
});

test("the export is granted exactly what streaming a person's tasks does to DynamoDB", async () => {
  const server = createFunctionUrlServer({
    handler: exportFunction.handler,
    name: "access-export",
    cors: { ...exportFunction.cors, allowOrigins: [] },
  });
  const url = await listen(server, 0);
  try {
    const person = await newPerson("access-export");
    const created = await api("/tasks", {
      method: "POST",
      token: person.token,
      body: { title: "x" },
    });
    expect(created.status).toBe(201);
    recorded = new Set();
    const listId = await createList(person);
    const inList = await api("/tasks", {
      method: "POST",
      token: person.token,
      body: { title: "x in a list", listId },
    });
    expect(inList.status).toBe(201);
    for (const query of [
      "?format=csv",
      "?format=ndjson&status=todo&sort=due",
      `?format=csv&listId=${listId}`,
    ]) {
      const response = await fetch(`${url}/${query}`, {
        headers: { authorization: `Bearer ${person.token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("x");
    }
    expect([...recorded].sort()).toEqual([...dynamoOnly(declared(exportFunction.access))].sort());
  } finally {
    await close(server);
  }
});

test("no grant is a wildcard, and every resource is one of the linked resource's own ARNs", () => {
  for (const [what, access] of [
    ...routes.map((route) => [label(route), route.access] as const),
    ["issuer", issuer.access] as const,
    ["export", exportFunction.access] as const,
    ["reminder job", reminderJob.access] as const,
    ["digest job", digestJob.access] as const,
  ]) {
    for (const grant of grantsFor(access, (link, scope) => [`arn:${link}:${scope}`])) {
      expect(
        grant.resources.every((arn) => /^arn:[A-Za-z]+:(resource|indexes|objects)$/.test(arn)),
        what,
      ).toBe(true);
      for (const action of grant.actions) expect(action, what).toMatch(/^[a-z0-9]+:[A-Za-z]+$/);
    }
  }
});

describe("the reminder job is granted exactly what its runs do to DynamoDB", () => {
  const MINUTE = 60_000;
  const isoMinute = (at: number) => new Date(at).toISOString().replace(/:\d\d\.\d{3}Z$/, ":00Z");

  test("delivering, late, skipped (done, deleted, rescheduled) and a removed member's", async () => {
    // Loaded now, after the proxy: the job's DynamoDB client is the one the routes use.
    const { runOnce } = await import("../../src/reminders/run");
    const owner = await newPerson("access-remind");
    const member = await newPerson("access-remind-member");
    const listId = await createList(owner);
    const memberId = await join(owner, listId, member, "editor");
    // A month ahead: no other suite's run of the job (at most 12 hours ahead) reads it.
    const due = Math.ceil((Date.now() + 30 * 24 * 60 * MINUTE) / MINUTE) * MINUTE;
    const lateDue = due + 10 * MINUTE;
    const create = async (who: Person, title: string, at: number, extra = {}) => {
      const created = await api("/tasks", {
        method: "POST",
        token: who.token,
        body: { title, dueDate: "2030-01-01", reminders: [{ at: isoMinute(at) }], ...extra },
      });
      expect(created.status, created.text).toBe(201);
      return (created.json as { taskId: string }).taskId;
    };
    await create(owner, "delivered", due);
    await create(owner, "delivered in a list", due, { listId });
    await create(member, "for a removed member", due, { listId });
    const done = await create(owner, "completed", due);
    const deleted = await create(owner, "deleted", due);
    const moved = await create(owner, "rescheduled", due);
    await create(owner, "late", lateDue);
    const patch = (taskId: string, body: object) =>
      api(`/tasks/${taskId}`, {
        method: "PATCH",
        token: owner.token,
        body: { version: 1, ...body },
      });
    expect((await patch(done, { status: "done" })).status).toBe(200);
    expect((await patch(moved, { reminders: [{ at: isoMinute(due + 60 * MINUTE) }] })).status).toBe(
      200,
    );
    expect((await api(`/tasks/${deleted}`, { method: "DELETE", token: owner.token })).status).toBe(
      204,
    );
    const removed = await api(`/lists/${listId}/members/${memberId}`, {
      method: "DELETE",
      token: owner.token,
    });
    expect(removed.status, removed.text).toBe(204);

    recorded = new Set();
    // Two concurrent runs in the minute (one claims, one is refused), then one after an outage.
    const onTime = await Promise.all([runOnce(due + 5_000), runOnce(due + 5_000)]);
    const late = await runOnce(lateDue + 40 * MINUTE);
    const sum = (key: "sent" | "stale" | "late") =>
      [...onTime, late].reduce((n, r) => n + r[key], 0);
    expect({ sent: sum("sent"), stale: sum("stale"), late: sum("late") }).toEqual({
      sent: 3,
      stale: 4,
      late: 1,
    });
    expect([...recorded].sort()).toEqual([...dynamoOnly(declared(reminderJob.access))].sort());
    // The mail grant is used too: the owner's three reminders are in the mailbox.
    const mail = await fetch(`${stack.mail}/mailbox/${encodeURIComponent(owner.email)}`);
    const { messages } = (await mail.json()) as { messages: Array<{ subject: string }> };
    expect(
      messages
        .map((m) => m.subject)
        .filter((s) => /reminder/i.test(s))
        .sort(),
    ).toEqual(["Late reminder: late", "Reminder: delivered", "Reminder: delivered in a list"]);
  }, 120_000);
});

test("the digest job is granted exactly what its runs do to DynamoDB", async () => {
  // Loaded now, after the proxy: the job's DynamoDB client is the one the routes use.
  const { runOnce } = await import("../../src/digests/run");
  const User = await import("@taskmanager/core/user");
  // A day no other suite's digest run reads (theirs are within a day of now, or in 2027).
  const filedAt = Date.parse("2028-01-09T12:00:00Z");
  const dueAt = Date.parse("2028-01-10T08:00:00Z");
  const busy = await newPerson("access-digest");
  const empty = await newPerson("access-digest-empty");
  const moved = await newPerson("access-digest-moved");
  for (const who of [busy, empty, moved]) {
    await User.updateSettings(who.email, { timeZone: "UTC", digestHour: 8 }, filedAt);
  }
  await User.updateSettings(moved.email, { digestHour: 9 }, filedAt);
  const listId = await createList(busy);
  for (const body of [
    { title: "today", dueDate: "2028-01-10" },
    { title: "overdue in a list", dueDate: "2028-01-02", listId },
  ]) {
    expect((await api("/tasks", { method: "POST", token: busy.token, body })).status).toBe(201);
  }
  recorded = new Set();
  // Two runs at once (one claims each day, the other is refused): a digest sent, an
  // empty day, a slot left stale by a changed hour.
  const reports = await Promise.all([runOnce(dueAt + 5_000), runOnce(dueAt + 5_000)]);
  const sum = (key: "sent" | "empty" | "stale") => reports.reduce((n, r) => n + r[key], 0);
  expect({ sent: sum("sent"), empty: sum("empty"), stale: sum("stale") }).toEqual({
    sent: 1,
    empty: 1,
    stale: 2,
  });
  expect([...recorded].sort()).toEqual([...dynamoOnly(declared(digestJob.access))].sort());
  const mail = await fetch(`${stack.mail}/mailbox/${encodeURIComponent(busy.email)}`);
  const { messages } = (await mail.json()) as { messages: Array<{ subject: string }> };
  expect(messages.map((m) => m.subject)).toContain("Your day, 2028-01-10: 1 task, 1 overdue");
}, 120_000);
