/**
 * Today and Upcoming for a person in 20 lists with 10,000 tasks (issue 19): the view
 * as core serves it, against the same Queries sent bare (lib-dynamodb with
 * ElectroDB's own params, every page read, the same number in flight), interleaved
 * round by round. Sizes: BENCH_LISTS (20), BENCH_TASKS (10,000), BENCH_ROUNDS (200).
 * `pnpm --filter @taskmanager/bench bench lists-views`.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { monotonicFactory } from "ulid";
import { startFixture } from "./lib/fixture";
import { interleaved, ms, printTable, ratio, writeResult } from "./lib/report";

const LISTS = Number(process.env.BENCH_LISTS ?? 20);
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP = Math.max(2, Math.round(ROUNDS / 10));
const TODAY = "2026-12-07";

export async function listsViews() {
  const fixture = await startFixture({ inProcess: true });
  try {
    // Imported late: core reads the table's name from the environment the fixture set.
    const { TaskEntity, listPlacement } = await import("../packages/core/src/task/entity");
    const { LISTED_ATTRIBUTES } = await import("../packages/core/src/task/index");
    const List = await import("../packages/core/src/list/index");
    const View = await import("../packages/core/src/view/index");
    const { MembershipEntity } = await import("../packages/core/src/membership/entity");
    const { FAN_OUT, mapLimit } = await import("../packages/core/src/concurrency");
    const { seedTaskItems } = await import("../packages/core/src/seed/index");
    const { userId } = fixture.person;
    const person = { userId, email: `bench-${userId}@example.com` };

    const listIds: string[] = [];
    for (let i = 0; i < LISTS; i++)
      listIds.push((await List.create(person, { name: `List ${i}` })).listId);

    // Seeded as Task.create stores a listed task: due dates spread over four months
    // around today, a third undated; every third done.
    const newTaskId = monotonicFactory();
    const now = new Date().toISOString();
    const statuses = ["todo", "in_progress", "done"] as const;
    const items = Array.from({ length: TASKS }, (_, i) => {
      const taskId = newTaskId();
      const status = statuses[i % 3] as (typeof statuses)[number];
      const offset = (i % 120) - 60;
      const dueDate = i % 3 === 1 ? undefined : addDays(TODAY, offset);
      const listId = listIds[i % LISTS] as string;
      return {
        userId,
        taskId,
        title: `Task ${i}`,
        description: "",
        status,
        priority: "medium" as const,
        ...(dueDate ? { dueDate } : {}),
        tags: i % 2 ? ["bench"] : [],
        createdAt: now,
        updatedAt: now,
        version: 1,
        ...listPlacement(listId, { taskId, status, dueSort: dueDate ?? "~" }),
      };
    });
    for (let start = 0; start < items.length; start += 2_000) {
      await seedTaskItems(items.slice(start, start + 2_000));
    }

    // The bare way: the view's own Queries (ElectroDB's params), sent with
    // lib-dynamodb, every page read, FAN_OUT at a time, items returned as they come.
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const readAll = async (input: QueryCommandInput) => {
      let key: Record<string, unknown> | undefined;
      let count = 0;
      do {
        const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: key }));
        count += page.Items?.length ?? 0;
        key = page.LastEvaluatedKey;
      } while (key);
      return count;
    };
    const membershipsQuery = MembershipEntity.query
      .byPerson({ userId })
      .params() as QueryCommandInput;
    const windowQueries = (from: string | undefined, before: string) => [
      ...(["todo", "in_progress"] as const).map((status) => {
        const chain = TaskEntity.query.byStatusDue({ userId, status });
        return (
          from
            ? chain.between({ dueSort: from }, { dueSort: before })
            : chain.lt({ dueSort: before })
        )
          .where(({ listId }, { notExists }) => notExists(listId))
          .params({ attributes: LISTED_ATTRIBUTES }) as QueryCommandInput;
      }),
      ...listIds.flatMap((listId) =>
        (["todo", "in_progress"] as const).map((listStatus) => {
          const chain = TaskEntity.query.byListStatusDue({ listId, listStatus });
          return (
            from
              ? chain.between({ listDue: from }, { listDue: before })
              : chain.lt({ listDue: before })
          ).params({ attributes: LISTED_ATTRIBUTES }) as QueryCommandInput;
        }),
      ),
    ];
    const bare = (queries: QueryCommandInput[]) => async () => {
      await readAll(membershipsQuery);
      return (await mapLimit(queries, FAN_OUT, readAll)).reduce((a, b) => a + b, 0);
    };
    const todayQueries = windowQueries(undefined, addDays(TODAY, 1));
    const upcomingQueries = windowQueries(TODAY, addDays(TODAY, 7));
    const ways = {
      today: () => View.today(userId, { today: TODAY }),
      bareToday: bare(todayQueries),
      upcoming: () => View.upcoming(userId, { today: TODAY }),
      bareUpcoming: bare(upcomingQueries),
    };
    // Both ways find the same tasks (checked once, never inside the timing).
    const [today, bareToday, upcoming, bareUpcoming] = await Promise.all([
      View.today(userId, { today: TODAY }),
      bare(todayQueries)(),
      View.upcoming(userId, { today: TODAY }),
      bare(upcomingQueries)(),
    ]);
    if (
      today.items.length !== Math.min(bareToday, 500) ||
      upcoming.items.length !== Math.min(bareUpcoming, 500)
    ) {
      throw new Error(
        `views ${today.items.length}/${upcoming.items.length} vs bare ${bareToday}/${bareUpcoming}`,
      );
    }
    const stats = await interleaved(ways, { rounds: ROUNDS, warmup: WARMUP });
    const queries = 1 + todayQueries.length;
    printTable(
      `Views: ${LISTS} lists, ${TASKS} tasks, ${queries} Queries a view, ${ROUNDS} interleaved rounds (ms)`,
      ["view", "tasks", "p50", "p99", "bare p50", "bare p99", "p50 vs bare", "p99 vs bare"],
      [
        row("Today", today.items.length, stats.today, stats.bareToday),
        row("Upcoming", upcoming.items.length, stats.upcoming, stats.bareUpcoming),
      ],
    );
    const result = {
      lists: LISTS,
      tasks: TASKS,
      rounds: ROUNDS,
      queries,
      found: { today: today.items.length, upcoming: upcoming.items.length },
      stats,
    };
    writeResult("lists-views", result);
    return result;
  } finally {
    await fixture.stack.stop();
  }
}

interface Percentiles {
  p50: number;
  p99: number;
}

/** One view's line: its figures, the bare Queries' figures, and their ratios. */
function row(view: string, found: number, served: Percentiles, bare: Percentiles) {
  return [
    view,
    found,
    ms(served.p50),
    ms(served.p99),
    ms(bare.p50),
    ms(bare.p99),
    ratio(served.p50 / bare.p50),
    ratio(served.p99 / bare.p99),
  ];
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

if (import.meta.url === `file://${process.argv[1]}`) await listsViews();
