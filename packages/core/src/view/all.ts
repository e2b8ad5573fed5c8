/**
 * The All view: every task a person can read (their Inbox and every list they are
 * in), by due date then creation, a page at a time. Each page is a fixed number of
 * Queries, whatever the person holds: one for the memberships (gsi9), then one per
 * source, a source being a container (the Inbox, each list: at most
 * MAX_LISTS_PER_PERSON) and, without `includeDone`, an open status (gsi4/gsi8; with
 * it, the status-less due-order gsi2/gsi6). Each source's Query starts after the
 * cursor's position and the pages are merged; docs/data-model.md has the costs.
 *
 * A source read short of its end (its Limit, or a filter: a search, a tag, the
 * Inbox's "in no list") is known only up to where it stopped, so the page keeps
 * only what sorts at or before the nearest such stop, and the cursor resumes there.
 * Each such stop is past the cursor (a Query that stops read at least one item), so
 * every page moves on, and no task is skipped or given twice.
 */
import { createConversions } from "electrodb";
import { FAN_OUT, mapLimit } from "../concurrency";
import { checkCursor, decodeCursor, encodeCursor, invalidCursor } from "../cursor";
import { parseInput } from "../error";
import { LISTED_ATTRIBUTES, matchFilter, type TaskContainer, toTask } from "../task";
import { TaskEntity, type TaskItem } from "../task/entity";
import type { Task, TaskPage } from "../task/schema";
import { AllViewQuery } from "./schema";

type Status = Task["status"];
const OPEN: readonly Status[] = ["todo", "in_progress"];

/** A place in the view's order: due date (`~` when none, last), then task id (creation). */
interface Position {
  due: string;
  taskId: string;
}

const compare = (a: Position, b: Position) =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0;

const positionOf = (item: TaskItem): Position => ({
  due: item.dueSort ?? "~",
  taskId: item.taskId,
});

/** Read per source and page with a search or tag: DynamoDB filters after Limit. */
const FILTERED_BATCH = 100;

const DUE = /^(\d{4}-\d{2}-\d{2}|~)$/;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The API's cursor: the last position given, base64url JSON like every cursor of the API. */
function readCursor(cursor: string): Position {
  const { due, taskId } = decodeCursor(checkCursor(cursor, ["due", "taskId"]));
  if (!due || !taskId || !DUE.test(due) || !ULID.test(taskId)) throw invalidCursor();
  return { due, taskId };
}

interface Source {
  container: TaskContainer;
  status?: Status;
}

const conversions = createConversions(TaskEntity);

/** The source's due-order index, after `after` when given. */
function sourceQuery({ container, status }: Source, after: Position | undefined) {
  const { query } = TaskEntity;
  if ("listId" in container) {
    const { listId } = container;
    const chain = status
      ? query.byListStatusDue({ listId, listStatus: status })
      : query.byListDue({ listId });
    return after ? chain.gt({ listDue: after.due, listedTaskId: after.taskId }) : chain;
  }
  const { userId } = container;
  const chain = status ? query.byStatusDue({ userId, status }) : query.byDue({ userId });
  return after ? chain.gt({ dueSort: after.due, taskId: after.taskId }) : chain;
}

/** Where a Query that stopped short did stop (from its cursor, read back by ElectroDB). */
function stopOf({ container, status }: Source, cursor: string): Position {
  const listed = "listId" in container;
  const pattern = listed
    ? status
      ? "byListStatusDue"
      : "byListDue"
    : status
      ? "byStatusDue"
      : "byDue";
  const composite = conversions.byAccessPattern[pattern].fromCursor.toComposite(cursor) as Record<
    string,
    string | undefined
  >;
  const due = listed ? composite.listDue : composite.dueSort;
  const taskId = listed ? composite.listedTaskId : composite.taskId;
  if (due === undefined || taskId === undefined) throw new Error(`unreadable stop of ${pattern}`);
  // ElectroDB keeps keys lower-cased; task ids are upper-case ULIDs.
  return { due, taskId: taskId.toUpperCase() };
}

/** One page of the All view. `containers`: the Inbox and the person's lists. */
export async function allPage(containers: TaskContainer[], input: AllViewQuery): Promise<TaskPage> {
  const { includeDone, q, tag, limit, cursor } = parseInput(AllViewQuery, input);
  const after = cursor ? readCursor(cursor) : undefined;
  const match = { ...(q ? { q } : {}), ...(tag ? { tag } : {}) };
  const sources: Source[] = containers.flatMap((container) =>
    includeDone ? [{ container }] : OPEN.map((status) => ({ container, status })),
  );
  const reads = await mapLimit(sources, FAN_OUT, async (source) => {
    const chain = sourceQuery(source, after);
    const where = matchFilter(match, "userId" in source.container);
    const page = (await (where ? chain.where(where) : chain).go({
      limit: q || tag ? Math.max(limit, FILTERED_BATCH) : limit,
      pages: 1,
      order: "asc",
      attributes: LISTED_ATTRIBUTES,
    })) as { data: TaskItem[]; cursor: string | null };
    return { items: page.data, stop: page.cursor ? stopOf(source, page.cursor) : undefined };
  });
  // The nearest place a source stopped: past it, some source may hold tasks unread.
  const stops = reads.flatMap(({ stop }) => (stop ? [stop] : []));
  const stop = stops.sort(compare)[0];
  const known = reads
    .flatMap(({ items }) => items)
    .filter((item) => !stop || compare(positionOf(item), stop) <= 0)
    .sort((a, b) => compare(positionOf(a), positionOf(b)));
  const items = known.slice(0, limit);
  const last = items.at(-1);
  const next = known.length > limit && last ? positionOf(last) : stop;
  return { items: items.map(toTask), cursor: next ? encodeCursor({ ...next }) : null };
}
