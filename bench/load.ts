/**
 * Load: autocannon against the local stack (in a process of its own, as a
 * deployment would be), 32 connections for 30 s, on a mixed workload: each
 * connection repeats a 20-request cycle of 70% reads, 20% creates and updates and
 * 10% deletes, as people of its own. One update per cycle is deliberately stale,
 * so its 409 is expected; any other status outside the route's success (and any
 * 5xx) is unexpected. Measured after a 5 s warm-up at the same load (its unexpected
 * responses are reported too). Target: zero unexpected, p99 at most 4x p50.
 */
import autocannon, { type Request } from "autocannon";
import { newPerson, seedTasks, startFixture } from "./lib/fixture";
import { ms, printTable, ratio, writeResult } from "./lib/report";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 5);
const PEOPLE = 8;

interface Cycle {
  authorization?: string;
  a?: { id: string; version: number };
  b?: { id: string; version: number };
}

type Step = {
  kind: "read" | "create" | "update" | "delete";
  expect: number;
  request: (c: Cycle) => { method: Request["method"]; path: string; body?: unknown };
  keep?: (c: Cycle, body: string) => void;
};

const created =
  (slot: "a" | "b") =>
  (c: Cycle, body: string): void => {
    const task = JSON.parse(body) as { taskId: string; version: number };
    c[slot] = { id: task.taskId, version: task.version };
  };
const read = (path: (c: Cycle) => string): Step => ({
  kind: "read",
  expect: 200,
  request: (c) => ({ method: "GET", path: path(c) }),
});
const list = (query: string) => read(() => `/tasks?${query}`);
const one = (slot: "a" | "b") => read((c) => `/tasks/${c[slot]?.id}`);

const CYCLE: Step[] = [
  {
    kind: "create",
    expect: 201,
    request: () => ({ method: "POST", path: "/tasks", body: { title: "Load A", tags: ["load"] } }),
    keep: created("a"),
  },
  list("limit=25"),
  one("a"),
  list("sort=due&limit=25"),
  {
    kind: "update",
    expect: 200,
    request: (c) => ({
      method: "PATCH",
      path: `/tasks/${c.a?.id}`,
      body: { version: c.a?.version, status: "in_progress" },
    }),
    keep: created("a"),
  },
  one("a"),
  list("status=todo&limit=25"),
  list("limit=10"),
  {
    kind: "create",
    expect: 201,
    request: () => ({
      method: "POST",
      path: "/tasks",
      body: { title: "Load B", dueDate: "2027-01-15" },
    }),
    keep: created("b"),
  },
  one("b"),
  list("limit=50"),
  // Deliberately stale: A is at version 2 now, so this must be a 409.
  {
    kind: "update",
    expect: 409,
    request: (c) => ({
      method: "PATCH",
      path: `/tasks/${c.a?.id}`,
      body: { version: 1, title: "stale" },
    }),
  },
  list("sort=due&status=todo&limit=25"),
  one("a"),
  {
    kind: "delete",
    expect: 204,
    request: (c) => ({ method: "DELETE", path: `/tasks/${c.a?.id}` }),
  },
  list("limit=25"),
  one("b"),
  list("status=in_progress&limit=25"),
  {
    kind: "delete",
    expect: 204,
    request: (c) => ({ method: "DELETE", path: `/tasks/${c.b?.id}` }),
  },
  list("limit=25"),
];

export async function load() {
  const fixture = await startFixture({ inProcess: false });
  try {
    const people = [fixture.person];
    while (people.length < PEOPLE) people.push(await newPerson(fixture.stack));
    for (const person of people) await seedTasks(person.userId, 200);

    let cycles = 0;
    /** What one autocannon run saw, per step kind and per unexpected status. */
    const newTally = () => ({
      unexpected: new Map<string, number>(),
      byKind: { read: 0, create: 0, update: 0, delete: 0 },
      expected409: 0,
    });
    const requestsFor = (tally: ReturnType<typeof newTally>): Request[] =>
      CYCLE.map((step, index) => ({
        setupRequest: (req: Request, context: Cycle) => {
          if (index === 0) context.authorization = people[cycles++ % people.length]?.authorization;
          const { method, path, body } = step.request(context);
          return {
            ...req,
            method,
            path,
            headers: {
              authorization: context.authorization ?? "",
              "content-type": "application/json",
            },
            ...(body === undefined ? { body: undefined } : { body: JSON.stringify(body) }),
          };
        },
        onResponse: (status: number, body: string, context: Cycle) => {
          tally.byKind[step.kind]++;
          if (status === step.expect) {
            if (status === 409) tally.expected409++;
            step.keep?.(context, body);
          } else {
            const key = `${step.request(context).method} step ${index}: ${status} (expected ${step.expect})`;
            tally.unexpected.set(key, (tally.unexpected.get(key) ?? 0) + 1);
          }
        },
      }));

    // Warm-up at the same load, not measured: the JIT of DynamoDB Local's JVM and of
    // the stack, and every connection's first requests, belong to the cold-start
    // bench; this one is about a running service. Its surprises still count.
    const warmup = newTally();
    if (WARMUP_S > 0) {
      await autocannon({
        url: fixture.stack.urls.api,
        connections: CONNECTIONS,
        duration: WARMUP_S,
        requests: requestsFor(warmup),
      });
    }
    const tally = newTally();
    const { unexpected, byKind } = tally;
    for (const [key, count] of warmup.unexpected) {
      unexpected.set(`warm-up: ${key}`, count);
    }
    const result = await autocannon({
      url: fixture.stack.urls.api,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: requestsFor(tally),
    });
    const expected409 = tally.expected409;
    const unexpectedTotal = [...unexpected.values()].reduce((a, b) => a + b, 0);
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    const figures = {
      connections: CONNECTIONS,
      durationS: DURATION_S,
      warmupS: WARMUP_S,
      requests: total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      p99OverP50: result.latency.p99 / result.latency.p50,
      mix: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v / total])),
      expected409,
      unexpected: unexpectedTotal,
      unexpectedByStep: Object.fromEntries(unexpected),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    };
    printTable(
      `Load: ${CONNECTIONS} connections, ${DURATION_S} s, 70/20/10 reads/writes/deletes (latency ms)`,
      [
        "rps",
        "p50",
        "p90",
        "p99",
        "max",
        "p99/p50",
        "requests",
        "expected 409",
        "unexpected",
        "socket errors",
      ],
      [
        [
          figures.rps.toFixed(0),
          ms(figures.p50),
          ms(figures.p90),
          ms(figures.p99),
          ms(figures.max),
          ratio(figures.p99OverP50),
          total,
          expected409,
          unexpectedTotal,
          result.errors + result.timeouts,
        ],
      ],
    );
    for (const [key, count] of unexpected) console.log(`  unexpected: ${key} x${count}`);
    writeResult("load", figures);
    return figures;
  } finally {
    await fixture.stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await load();
