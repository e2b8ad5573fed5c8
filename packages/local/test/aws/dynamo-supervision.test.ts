/**
 * DynamoDB Local is supervised: a Java process that dies is reported and started
 * again on the same port (with its data when persistent), and supervision gives up
 * with a clear message after repeated crashes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { afterAll, expect, test } from "vitest";
import { type DynamoLocal, startDynamoLocal } from "../../src/aws/dynamo-local";
import { signUp } from "../../src/clients/sign-in";
import { freePort } from "../../src/stack/ports";
import { startStackProcess } from "../../src/stack/stack-process";

const dataDir = mkdtempSync(join(tmpdir(), "dynamo-supervision-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Polls `check` until it holds (or fails after `ms`). */
async function eventually<T>(check: () => T | Promise<T>, ms = 240_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a persistent DynamoDB Local that dies is restarted with its data, until it keeps dying", async () => {
  const lines: string[] = [];
  let gaveUp = "";
  const dynamo: DynamoLocal = await startDynamoLocal({
    port: await freePort(),
    dbPath: dataDir,
    log: (line) => lines.push(line),
    onGiveUp: (message) => {
      gaveUp = message;
    },
    maxCrashes: 2,
    // Restarts can take a while on a busy machine: both crashes must count.
    crashWindowMs: 600_000,
  });
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: "kept",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      }),
    );
    await client.send(new PutItemCommand({ TableName: "kept", Item: { pk: { S: "a" } } }));

    const back = (pid: number) =>
      eventually(() => lines.some((l) => l.includes(`is back (pid ${pid})`)));
    const first = dynamo.pid() as number;
    process.kill(first, "SIGKILL");
    const second = (await eventually(() => dynamo.pid() !== first && dynamo.pid())) as number;
    await back(second);
    expect(lines.join("\n")).toMatch(
      new RegExp(
        `pid ${first}\\) exited with signal SIGKILL; restarting it on port \\d+ \\(its data in .* is kept\\)`,
      ),
    );
    expect(lines.at(-1)).toBe(`[dynamo] DynamoDB Local is back (pid ${second}).`);
    const kept = await client.send(
      new GetItemCommand({ TableName: "kept", Key: { pk: { S: "a" } } }),
    );
    expect(kept.Item).toEqual({ pk: { S: "a" } });

    // The second crash within a minute: no more restarts, and a message that says why.
    process.kill(second, "SIGKILL");
    await eventually(() => gaveUp);
    expect(gaveUp).toMatch(
      /exited with signal SIGKILL; it crashed 2 times within 600 s, so it is not restarted again/,
    );
    expect(lines.at(-1)).toBe(gaveUp);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dynamo.pid()).toBeUndefined();
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}, 420_000);

test("in memory, a restarted DynamoDB Local gets its tables back and the API serves again", async () => {
  const stack = await startStackProcess({
    inMemory: true,
    printMail: false,
    tables: { tasks: "supervised-tasks", auth: "supervised-auth" },
    webOrigins: ["http://127.0.0.1:5173"],
  });
  try {
    const first = stack.dynamoPid() as number;
    expect(first).toEqual(expect.any(Number));
    process.kill(first, "SIGKILL");
    await eventually(() => stack.dynamoPid() !== first);
    // Everything was lost, people included: a new sign-up, then a create, works.
    const tokens = await signUp(
      stack.urls,
      `after-crash-${Date.now()}@example.com`,
      "correct-horse-battery",
    );
    const created = await fetch(`${stack.urls.api}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.access}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "after the crash" }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
  } finally {
    await stack.stop();
  }
}, 420_000);
