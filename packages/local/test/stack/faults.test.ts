/**
 * DynamoDB Local killed, then frozen, under a steady stream of creates, on a stack of
 * its own in persistent mode: every request answers within 3 s (a 503 envelope
 * while DynamoDB is down), requests succeed again within 5 s of it being back with
 * nothing else restarted (supervision restarts the killed one; the frozen one just
 * resumes), and every create acknowledged with 201 is stored afterwards.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ErrorBody } from "@taskmanager/core/error/schema";
import { Task, TaskPage } from "@taskmanager/core/task/schema";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as z from "zod/mini";
import { signUp } from "../../src/clients/sign-in";
import type { Stack } from "../../src/stack/stack";
import { startStackProcess } from "../../src/stack/stack-process";

/** The API's promise, whatever DynamoDB does. */
const ANSWER_WITHIN_MS = 3_000;
/** How soon after DynamoDB is back requests must succeed again. */
const RECOVER_WITHIN_MS = 5_000;
/** Generous, so only a hang (not a slow machine) fails: a stuck request aborts here. */
const CLIENT_ABORT_MS = 15_000;

interface Outcome {
  started: number;
  ended: number;
  status: number;
  text: string;
  taskId?: string;
}

const dataDir = mkdtempSync(join(tmpdir(), "faults-"));
let stack: Stack;
let token = "";

beforeAll(async () => {
  stack = await startStackProcess({
    inMemory: false,
    dataDir,
    printMail: false,
    tables: { tasks: "faults-tasks", auth: "faults-auth" },
    webOrigins: ["http://127.0.0.1:5173"],
  });
  token = (await signUp(stack.urls, `faults-${Date.now()}@example.com`, "correct-horse-battery"))
    .access;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Two clients creating tasks one after another until stopped, every outcome kept. */
function streamOfCreates() {
  const outcomes: Outcome[] = [];
  let running = true;
  let n = 0;
  const client = async () => {
    while (running) {
      const started = Date.now();
      const title = `create ${n++}`;
      const outcome = await fetch(`${stack.urls.api}/tasks`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ title }),
        signal: AbortSignal.timeout(CLIENT_ABORT_MS),
      })
        .then(async (response) => ({ status: response.status, text: await response.text() }))
        .catch((error: unknown) => ({ status: 0, text: String(error) }));
      const ended = Date.now();
      const taskId =
        outcome.status === 201 ? Task.parse(JSON.parse(outcome.text)).taskId : undefined;
      outcomes.push({ started, ended, ...outcome, ...(taskId ? { taskId } : {}) });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const clients = [client(), client()];
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

/** The first create started after `since` that succeeded, waiting for it if need be. */
async function firstSuccessAfter(outcomes: Outcome[], since: number) {
  const found = () => outcomes.find((o) => o.started >= since && o.status === 201);
  await until(() => found() !== undefined, 60_000, "a create succeeding again");
  return found() as Outcome;
}

async function storedTaskIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const qs = new URLSearchParams({ limit: "100", ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${stack.urls.api}/tasks?${qs}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const page = TaskPage.parse(await response.json());
    for (const task of page.items) ids.add(task.taskId);
    cursor = page.cursor;
  } while (cursor);
  return ids;
}

test("killed, then frozen: quick 503s, recovery on its own, no acknowledged create lost", async () => {
  const stream = streamOfCreates();
  try {
    await until(
      () => stream.outcomes.filter((o) => o.status === 201).length >= 5,
      30_000,
      "warm-up",
    );

    // Killed: supervision starts a new Java process on the same port and data.
    const killed = stack.dynamoPid() as number;
    const killedAt = Date.now();
    process.kill(killed, "SIGKILL");
    // Java starts in about 3.5 s when idle, but a busy machine can take far longer.
    await until(() => stack.dynamoPid() !== killed, 240_000, "DynamoDB Local restarted");
    const restartedAt = Date.now();
    const afterRestart = await firstSuccessAfter(stream.outcomes, restartedAt);
    expect(afterRestart.ended - restartedAt).toBeLessThan(RECOVER_WITHIN_MS);
    const whileDead = stream.outcomes.filter((o) => o.started > killedAt && o.ended < restartedAt);
    expect(whileDead.some((o) => o.status === 503)).toBe(true);

    // Frozen: the process is there, accepts connections, and answers nothing.
    const frozen = stack.dynamoPid() as number;
    const frozenAt = Date.now();
    process.kill(frozen, "SIGSTOP");
    let resumedAt = 0;
    try {
      await sleep(6_000);
    } finally {
      process.kill(frozen, "SIGCONT");
      resumedAt = Date.now();
    }
    const afterResume = await firstSuccessAfter(stream.outcomes, resumedAt);
    expect(afterResume.ended - resumedAt).toBeLessThan(RECOVER_WITHIN_MS);
    const whileFrozen = stream.outcomes.filter((o) => o.started > frozenAt && o.ended < resumedAt);
    expect(whileFrozen.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    // Nothing else was restarted: the same Java process serves on.
    expect(stack.dynamoPid()).toBe(frozen);
  } finally {
    await stream.stop();
  }

  const { outcomes } = stream;
  const slowest = Math.max(...outcomes.map((o) => o.ended - o.started));
  console.log(
    `faults: ${outcomes.length} creates, ${outcomes.filter((o) => o.status === 201).length} acknowledged, ${outcomes.filter((o) => o.status === 503).length} answered 503; slowest answer ${slowest} ms`,
  );
  for (const outcome of outcomes) {
    expect(outcome.ended - outcome.started, outcome.text).toBeLessThan(ANSWER_WITHIN_MS);
    expect([201, 503], outcome.text).toContain(outcome.status);
    if (outcome.status === 503) {
      expect(z.strictObject(ErrorBody.shape).parse(JSON.parse(outcome.text)).error.code).toBe(
        "unavailable",
      );
    }
  }
  const stored = await storedTaskIds();
  const lost = outcomes.filter((o) => o.taskId && !stored.has(o.taskId));
  expect(lost).toEqual([]);
}, 420_000);
