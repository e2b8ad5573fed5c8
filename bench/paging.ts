/**
 * Paging depth: a page at the start and one at the end of a 10,000-task person
 * (newest first, 50 a page), through the API and as the bare Query, interleaved.
 * A cursor is a DynamoDB start key, so the last page should cost what the first does.
 */
import type { QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { bareQuery, listQueryInput, seedTasks, startFixture } from "./lib/fixture";
import { interleaved, ms, printTable, ratio, writeResult } from "./lib/report";

const TASKS = Number(process.env.BENCH_PAGING_TASKS ?? 10_000);
const LIMIT = 50;
const ROUNDS = Number(process.env.BENCH_PAGING_ROUNDS ?? 300);

export async function paging() {
  const fixture = await startFixture({ inProcess: false });
  try {
    const { person } = fixture;
    const seeding = performance.now();
    await seedTasks(person.userId, TASKS);
    console.log(`seeded ${TASKS} tasks in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    // Walk every page once, through the API and bare, to find the last page's cursor/key.
    const page = async (cursor?: string) => {
      const query = `limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const response = await fixture.api(`/tasks?${query}`);
      if (response.status !== 200) throw new Error(`GET /tasks?${query}: ${response.status}`);
      return (await response.json()) as { items: unknown[]; cursor: string | null };
    };
    // The last page that has tasks (a full last page still carries a cursor to an empty one).
    let lastCursor: string | undefined;
    let pages = 0;
    let seen = 0;
    for (let cursor: string | undefined; ; ) {
      const next = await page(cursor);
      if (next.items.length) {
        pages++;
        lastCursor = cursor;
      }
      seen += next.items.length;
      if (!next.cursor) break;
      cursor = next.cursor;
    }
    if (seen !== TASKS) throw new Error(`paged through ${seen} tasks, not ${TASKS}`);
    const query = bareQuery();
    const firstInput = await listQueryInput(person.userId, LIMIT);
    let lastInput: QueryCommandInput = firstInput;
    for (let input = firstInput; ; ) {
      const result = await query(input);
      if (result.Items?.length) lastInput = input;
      if (!result.LastEvaluatedKey) break;
      input = { ...firstInput, ExclusiveStartKey: result.LastEvaluatedKey };
    }

    const ways = {
      "API, first page": () => page(),
      "API, last page": () => page(lastCursor),
      "bare Query, first page": () => query(firstInput),
      "bare Query, last page": () => query(lastInput),
    };
    const stats = await interleaved(ways, { rounds: ROUNDS, warmup: 20 });
    const names = Object.keys(ways) as (keyof typeof ways)[];
    const bareFirst = stats["bare Query, first page"];
    printTable(
      `Paging depth: ${TASKS} tasks, ${pages} pages of ${LIMIT}, ${ROUNDS} interleaved rounds (ms)`,
      ["request", "p50", "p99", "p50 vs bare first page"],
      names.map((n) => [
        n,
        ms(stats[n].p50),
        ms(stats[n].p99),
        ratio(stats[n].p50 / bareFirst.p50),
      ]),
    );
    const result = {
      tasks: TASKS,
      pages,
      limit: LIMIT,
      rounds: ROUNDS,
      stats,
      lastOverFirst: {
        api: stats["API, last page"].p50 / stats["API, first page"].p50,
        bare: stats["bare Query, last page"].p50 / bareFirst.p50,
      },
    };
    writeResult("paging", result);
    return result;
  } finally {
    await fixture.stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await paging();
