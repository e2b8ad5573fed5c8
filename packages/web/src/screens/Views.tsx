/**
 * The views across lists (Today, Upcoming, All) and one list's own view. Each is in the
 * URL; done tasks are hidden unless "Show completed" is on (`done=1` in the URL), and
 * `q` and `tag` search within it.
 */
import { getRouteApi } from "@tanstack/react-router";
import type { Task } from "@taskmanager/core/task/schema";
import { useId, useState } from "react";
import { describeError } from "../app/error-message";
import { useScreen } from "../app/screen";
import { browserTimeZone, useSettings } from "../app/settings";
import type { View } from "../lists/endpoints";
import { useAllView, useLists, useMembers, useView } from "../lists/queries";
import type { ViewSearch } from "../search";
import { formatDay, todayIn } from "../tasks/dates";
import { pendingDeletes } from "../tasks/deletion";
import { useTaskList } from "../tasks/queries";
import { withQueries } from "../tasks/query-client";
import { useReadOn } from "../tasks/read-on";
import { LeaveList } from "../widgets/LeaveList";
import { ListActions } from "../widgets/ListActions";
import { QuickAdd } from "../widgets/QuickAdd";
import { SharePanel } from "../widgets/SharePanel";
import { ShowCompleted } from "../widgets/ShowCompleted";
import { TaskRows } from "../widgets/TaskRows";
import { emptyFiltered, ViewFilters, viewFilter } from "../widgets/ViewFilters";

const TITLES: Record<View, string> = { today: "Today", upcoming: "Upcoming" };

function Failure({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" className="error">
      <p>{describeError(error)}</p>
      <button type="button" onClick={retry}>
        Retry
      </button>
    </div>
  );
}

/** Upcoming's days: runs of the same due date (the server orders by it). */
export function groupByDay(tasks: Task[]): [string, Task[]][] {
  const days = new Map<string, Task[]>();
  for (const task of tasks) {
    const day = task.dueDate ?? "";
    days.set(day, [...(days.get(day) ?? []), task]);
  }
  return [...days];
}

function ViewScreen({ view, search }: { view: View; search: ViewSearch }) {
  const includeDone = search.done === "1";
  const filter = viewFilter(search);
  // The person's own date, in their zone from settings (until read, or without one, the
  // browser's): the server never guesses a time zone. Quick add's default is the same
  // day, so a task added here is in this view.
  const settings = useSettings();
  const today = todayIn(settings.data?.timeZone ?? browserTimeZone());
  const result = useView(view, { today, includeDone, ...filter });
  const heading = useScreen(TITLES[view]);
  const id = useId();
  const tasks = result.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="list-header">
        <h1 id={`${id}-heading`} tabIndex={-1} ref={heading}>
          {TITLES[view]}
        </h1>
        <ShowCompleted on={includeDone} />
      </div>
      {/* Today and Upcoming (which starts today) both default to today. */}
      <QuickAdd defaultDue={today} />
      <ViewFilters {...filter} />
      {result.isPending ? (
        <p role="status">Loading tasks…</p>
      ) : result.isError ? (
        <Failure error={result.error} retry={() => void result.refetch()} />
      ) : view === "upcoming" && tasks.length > 0 ? (
        groupByDay(tasks).map(([day, items]) => (
          <section key={day} aria-labelledby={`${id}-${day}`} className="day">
            <h2 id={`${id}-${day}`}>{formatDay(day)}</h2>
            <TaskRows tasks={items} headingId={`${id}-heading`} empty="" />
          </section>
        ))
      ) : (
        <TaskRows
          tasks={tasks}
          headingId={`${id}-heading`}
          empty={
            emptyFiltered(filter) ??
            (view === "today" ? "Nothing due today." : "Nothing due in the next seven days.")
          }
        />
      )}
      {result.data?.truncated ? (
        <p className="empty">Only the first {tasks.length} tasks are shown.</p>
      ) : null}
    </section>
  );
}

const todayRoute = getRouteApi("/today");
const upcomingRoute = getRouteApi("/upcoming");

export const TodayScreen = withQueries(function Today() {
  return <ViewScreen view="today" search={todayRoute.useSearch()} />;
});
export const UpcomingScreen = withQueries(function Upcoming() {
  return <ViewScreen view="upcoming" search={upcomingRoute.useSearch()} />;
});

const allRoute = getRouteApi("/all");

/** All: every task the person can read (Inbox and lists), by due date, page by page. */
function AllView() {
  const search = allRoute.useSearch();
  const includeDone = search.done === "1";
  const filter = viewFilter(search);
  const result = useAllView({ includeDone, ...filter });
  const heading = useScreen("All");
  const id = useId();
  const tasks = result.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="list-header">
        <h1 id={`${id}-heading`} tabIndex={-1} ref={heading}>
          All
        </h1>
        <ShowCompleted on={includeDone} />
      </div>
      <QuickAdd />
      <ViewFilters {...filter} />
      {result.isPending ? (
        <p role="status">Loading tasks…</p>
      ) : result.isError && tasks.length === 0 ? (
        <Failure error={result.error} retry={() => void result.refetch()} />
      ) : (
        <TaskRows
          tasks={tasks}
          headingId={`${id}-heading`}
          empty={
            emptyFiltered(filter) ??
            (includeDone ? "No tasks yet." : "No open tasks: everything is done.")
          }
          more={
            result.hasNextPage
              ? {
                  loading: result.isFetchingNextPage,
                  load: async () => void (await result.fetchNextPage()),
                }
              : undefined
          }
          moreError={result.isFetchNextPageError ? describeError(result.error) : undefined}
        />
      )}
    </section>
  );
}

export const AllScreen = withQueries(AllView);

const listRoute = getRouteApi("/lists/$listId");

/** Whether the share panel is open, kept across a switch of lists (each list's view is new). */
interface Sharing {
  open: boolean;
  /** The list Share was pressed in: the panel takes focus there, not on a later switch. */
  openedIn: string | null;
  toggle: (listId: string) => void;
}

function ListViews() {
  const { listId } = listRoute.useParams();
  const [sharing, setSharing] = useState<{ open: boolean; openedIn: string | null }>({
    open: false,
    openedIn: null,
  });
  const toggle = (openedIn: string) => setSharing(({ open }) => ({ open: !open, openedIn }));
  // Keyed by list: another list is a new screen (its heading takes focus, nothing begun
  // in the previous one's header carries over), as any navigation.
  return <ListView key={listId} listId={listId} sharing={{ ...sharing, toggle }} />;
}

function ListView({ listId, sharing }: { listId: string; sharing: Sharing }) {
  const search = listRoute.useSearch();
  const includeDone = search.done === "1";
  const lists = useLists();
  // Deleted, its Undo still offered (Back came here): shown as gone, with nothing to act on.
  const deleting = pendingDeletes.use().has(listId);
  const list = deleting ? undefined : lists.data?.items.find((l) => l.listId === listId);
  const name = deleting
    ? "List deleted"
    : (list?.name ?? (lists.isPending ? "List" : "List not found"));
  const heading = useScreen(name);
  const id = useId();
  const filter = viewFilter(search);
  // Done tasks are left out by the API (a filter, so a page may come back short: read on).
  const tasks = useTaskList({
    sort: "created",
    listId,
    ...filter,
    ...(includeDone ? {} : { includeDone: false }),
  });
  const readOn = useReadOn(tasks, !includeDone || Boolean(filter.q || filter.tag));
  const shown = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="list-header">
        <h1 id={`${id}-heading`} tabIndex={-1} ref={heading}>
          {name}
        </h1>
        {list?.role === "owner" ? (
          <ListActions
            key={list.version}
            list={list}
            sharing={sharing.open}
            onShare={() => sharing.toggle(listId)}
          />
        ) : null}
        <ShowCompleted on={includeDone} />
      </div>
      <div className="members-row">
        <Members listId={listId} />
        {list ? <LeaveList list={list} /> : null}
      </div>
      {/* Open across a switch of lists, for each list its own; only its owner shares it. */}
      {sharing.open && list?.role === "owner" ? (
        <SharePanel
          key={listId}
          listId={listId}
          name={list.name}
          takeFocus={sharing.openedIn === listId}
        />
      ) : null}
      {list && list.role !== "viewer" ? <QuickAdd listId={listId} /> : null}
      <ViewFilters {...filter} />
      {tasks.isPending ? (
        <p role="status">Loading tasks…</p>
      ) : tasks.isError && shown.length === 0 ? (
        <Failure error={tasks.error} retry={() => void tasks.refetch()} />
      ) : (
        <TaskRows
          tasks={shown}
          headingId={`${id}-heading`}
          empty={
            deleting
              ? "This list and its tasks are being deleted: Undo, in the message at the bottom of the screen, keeps them."
              : (emptyFiltered(filter) ??
                (includeDone
                  ? "No tasks in this list yet."
                  : "No open tasks in this list. Show completed shows the done ones."))
          }
          more={
            tasks.hasNextPage
              ? { loading: tasks.isFetchingNextPage || readOn.reading, load: readOn.loadMore }
              : undefined
          }
          moreError={tasks.isFetchNextPageError ? describeError(tasks.error) : undefined}
        />
      )}
    </section>
  );
}

/** Who is in the list (under its name): people see with whom they share it. */
function Members({ listId }: { listId: string }) {
  const members = useMembers(listId);
  if (!members.data) return null;
  return (
    <p className="members">
      <span className="label">Members: </span>
      {members.data.items.map((m) => `${m.email} (${m.role})`).join(", ")}
    </p>
  );
}

export const ListScreen = withQueries(ListViews);
