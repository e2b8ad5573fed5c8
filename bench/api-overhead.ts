/**
 * API overhead, three ways, interleaved round by round so load on the machine hits
 * all three alike: `GET /tasks?limit=50` over HTTP through the local stack, the same
 * handler called in this process with a synthetic API Gateway v2 event, and the
 * same DynamoDB Query with bare lib-dynamodb (ElectroDB's own params for it).
 */
import { routes } from "@taskmanager/functions/routes";
import { loadHandler } from "@taskmanager/local/aws/lambda-handlers";
import { apiEvent, benchContext, muteHandlerLogs } from "./lib/events";
import { bareQuery, listQueryInput, seedTasks, startFixture } from "./lib/fixture";
import { interleaved, ms, printTable, ratio, writeResult } from "./lib/report";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1500);
const WARMUP = 150;
const LIMIT = 50;

export async function apiOverhead() {
  muteHandlerLogs();
  const fixture = await startFixture({ inProcess: true });
  try {
    const { person } = fixture;
    await seedTasks(person.userId, 120);
    const route = routes.find((r) => r.method === "GET" && r.path === "/tasks");
    if (!route) throw new Error("no GET /tasks route");
    const handler = await loadHandler(route.handler);
    const path = `/tasks?limit=${LIMIT}`;
    const event = apiEvent({
      method: "GET",
      routeKey: "GET /tasks",
      path,
      authorization: person.authorization,
    });
    const context = benchContext("list");
    const query = bareQuery();
    const input = await listQueryInput(person.userId, LIMIT);

    /** Each way's own answer, parsed: checked once before timing, never inside it. */
    const counts = {
      http: async () => {
        const response = await fixture.api(path);
        const body = (await response.json()) as { items: unknown[] };
        return response.status === 200 ? body.items.length : -1;
      },
      handler: async () => {
        const result = await handler({ ...event }, context);
        return result.statusCode === 200 ? (JSON.parse(result.body).items as unknown[]).length : -1;
      },
      bare: async () => (await query(input)).Items?.length ?? -1,
    };
    for (const name of Object.keys(counts) as (keyof typeof counts)[]) {
      const count = await counts[name]();
      if (count !== LIMIT) throw new Error(`${name} returned ${count} items, not ${LIMIT}`);
    }
    /**
     * What is timed: each way up to its answer, as its caller receives it (the HTTP
     * body read to the end, the handler's serialised result, the Query's items), and
     * nothing of the bench's own (no parsing of what came back, which the bare Query
     * would not have to do).
     */
    const ways = {
      http: async () => {
        const response = await fixture.api(path);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      },
      handler: async () => {
        const result = await handler({ ...event }, context);
        if (result.statusCode !== 200) throw new Error(`handler ${result.statusCode}`);
      },
      bare: async () => {
        await query(input);
      },
    };
    const stats = await interleaved(ways, { rounds: ROUNDS, warmup: WARMUP });
    const bare = stats.bare;
    const rows = [
      { way: "HTTP through the local gateway", key: "http" as const },
      { way: "handler in-process (API Gateway v2 event)", key: "handler" as const },
      { way: "bare lib-dynamodb Query", key: "bare" as const },
    ].map(({ way, key }) => [
      way,
      ms(stats[key].p50),
      ms(stats[key].p99),
      ratio(stats[key].p50 / bare.p50),
      ratio(stats[key].p99 / bare.p99),
      `+${ms(stats[key].p50 - bare.p50)}`,
    ]);
    printTable(
      `API overhead: GET ${path}, ${ROUNDS} interleaved rounds (ms)`,
      ["way", "p50", "p99", "p50 vs bare", "p99 vs bare", "p50 extra"],
      rows,
    );
    const result = {
      path,
      rounds: ROUNDS,
      stats,
      ratios: {
        handlerP50: stats.handler.p50 / bare.p50,
        httpP50: stats.http.p50 / bare.p50,
        handlerP99: stats.handler.p99 / bare.p99,
        httpP99: stats.http.p99 / bare.p99,
      },
    };
    writeResult("api-overhead", result);
    return result;
  } finally {
    await fixture.stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await apiOverhead();
