/**
 * Fuzzing every route of the route table over HTTP against the run's local stack:
 * requests generated from each route's own definition (route-arbitraries.ts), a few
 * at a time over kept-alive connections. Whatever is sent, no 5xx; every 4xx from a
 * handler is the error envelope, with the status of its code; a 2xx is the route's
 * own status and response schema; no one else's task is ever reached.
 *
 * In `pnpm test`: 10,000 requests with a fixed seed. `pnpm fuzz` runs a longer
 * campaign with a random seed (FUZZ_SEED=random, FUZZ_REQUESTS=...): fast-check
 * prints the seed and path of any failure, and FUZZ_SEED=<seed> replays it.
 */

import { Agent } from "node:http";
import { ErrorBody } from "@taskmanager/core/error/schema";
import { Task, TaskPage } from "@taskmanager/core/task/schema";
import { rawRequest } from "@taskmanager/local/clients/raw-http";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as z from "zod/mini";
import { STATUS_OF_CODE } from "../../src/http/errors";
import { type RouteDefinition, routes } from "../../src/routes";
import { api, newPerson, stack } from "../helpers/api";
import { type FuzzRequest, type FuzzWorld, routeRequest } from "./route-arbitraries";

const seed =
  process.env.FUZZ_SEED === "random"
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 20_261_201);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
/** Parallel connections: a few, so the run is quick without swamping a 2-core machine. */
const CONNECTIONS = 4;

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
afterAll(() => agent.destroy());

let world: FuzzWorld;
beforeAll(async () => {
  const [me, other] = await Promise.all([newPerson("fuzz"), newPerson("fuzz-other")]);
  const create = async (token: string, title: string, repeating = false) => {
    // Half repeat, so a repeating task's routes (skip) reach their success too.
    const body = repeating
      ? { title, dueDate: "2030-01-07", recurrence: { freq: "daily" } }
      : { title };
    const response = await api("/tasks", { method: "POST", token, body });
    return Task.parse(response.json).taskId;
  };
  const taskIds: string[] = [];
  // Enough that the DELETEs of a run (about 1 in 700 requests succeeds) leave tasks for
  // the other routes to reach their success with.
  for (let i = 0; i < 40; i++) taskIds.push(await create(me.token, `fuzz ${i}`, i % 2 === 1));
  const otherTaskIds = [
    await create(other.token, "not yours"),
    await create(other.token, "nor this"),
  ];
  // Real cursors, so paging is fuzzed past its parsing; one for each sort.
  const cursors: string[] = [];
  for (const qs of ["limit=1", "limit=2&sort=due", "limit=1&status=todo"]) {
    const page = TaskPage.parse((await api(`/tasks?${qs}`, { token: me.token })).json);
    if (page.cursor) cursors.push(page.cursor);
  }
  const apiHost = new URL(stack().api).host;
  world = {
    token: me.token,
    otherToken: other.token,
    taskIds,
    otherTaskIds,
    cursors,
    hosts: [apiHost, "localhost", "EXAMPLE.com", "[::1]:3000", "api.example.com:443"],
  };
});

const routeOf = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
const seen = new Map<string, Map<number, number>>();
let sent = 0;

async function check(request: FuzzRequest) {
  const response = await rawRequest(stack().api, {
    method: request.method,
    target: request.target,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    agent,
  });
  sent++;
  const route = routeOf.get(request.routeKey) as RouteDefinition;
  const statuses = seen.get(request.routeKey) ?? new Map<number, number>();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  seen.set(request.routeKey, statuses);

  const what = `${request.method} ${request.target.slice(0, 200)} -> ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  if (request.gateway) {
    // The gateway's own answer, before any handler.
    expect({ status: response.status, body: JSON.parse(response.text) }, what).toEqual({
      status: request.gateway.status,
      body: { message: request.gateway.message },
    });
    return;
  }
  if (response.status === 413 && !response.text.includes('"error"')) {
    // Only a body over API Gateway's 10 MB gets the gateway's 413; none is that big.
    throw new Error(`the gateway refused a body it should have passed on: ${what}`);
  }
  if (response.status >= 400) {
    expect(String(response.headers["content-type"]), what).toMatch(/^application\/json/);
    const envelope = z.strictObject(ErrorBody.shape).safeParse(JSON.parse(response.text));
    expect(envelope.success, what).toBe(true);
    const code = envelope.data?.error.code as keyof typeof STATUS_OF_CODE;
    expect(STATUS_OF_CODE[code], what).toBe(response.status);
    if (!route.public && !request.signedIn) expect(response.status, what).toBe(401);
    return;
  }
  expect(request.othersTask, `someone else's task was reached: ${what}`).toBe(false);
  expect(response.status, what).toBe(route.response.status);
  if (route.response.schema) {
    const parsed = route.response.schema.safeParse(JSON.parse(response.text));
    expect(parsed.success, what).toBe(true);
  } else if (response.status === 204) {
    expect(response.text).toBe("");
  }
}

test(
  `${REQUESTS} generated requests over every route: no 5xx, every refusal in the envelope (seed ${seed})`,
  async () => {
    console.log(`fuzz: seed ${seed}, ${REQUESTS} requests (replay with FUZZ_SEED=${seed})`);
    const request = fc.oneof(...routes.map((route) => routeRequest(route, world)));
    const batch = fc.array(request, { minLength: CONNECTIONS, maxLength: CONNECTIONS });
    await fc.assert(
      fc.asyncProperty(batch, async (requests) => {
        await Promise.all(requests.map(check));
      }),
      { seed, numRuns: Math.ceil(REQUESTS / CONNECTIONS) },
    );

    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    console.log(
      "fuzz: statuses per route",
      Object.fromEntries([...seen].map(([route, s]) => [route, Object.fromEntries(s)])),
    );
    // The generator gets past validation to every route's success, not only refusals,
    // where the fuzz world holds the resources a route names (it owns tasks only; the
    // attachment routes' successes are in the generated matrix and attachments tests).
    const reachable = routes.filter((route) =>
      Object.keys(route.params ?? {}).every((name) => name === "taskId"),
    );
    for (const route of reachable) {
      const statuses = seen.get(`${route.method} ${route.path}`);
      expect(statuses?.get(route.response.status), `${route.method} ${route.path}`).toBeGreaterThan(
        0,
      );
    }
  },
  // Generous for a loaded machine; the run itself is far shorter.
  REQUESTS * 30 + 60_000,
);
