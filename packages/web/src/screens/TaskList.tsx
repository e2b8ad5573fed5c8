/**
 * The task list: quick add, search, filter by status and tag, sort, and paging
 * with "Load more". Done tasks are hidden unless "Show completed" is on or a status
 * is chosen, as in the views. Filter, sort, search and the switch live in the URL
 * (bookmarkable, kept across Back and reload) and are validated with the API's own
 * query schema.
 */
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { TASK_STATUSES } from "@taskmanager/core/task/schema";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { describeError } from "../app/error-message";
import { REVEAL_EVENT, SEARCH_ID, useScreen } from "../app/screen";
import { type ListSearch, rememberListSearch, stringifySearch } from "../search";
import { ListFilter } from "../tasks/endpoints";
import { statusLabel } from "../tasks/labels";
import { type RepairedLink, repairListLink } from "../tasks/list-link";
import { useTaskList } from "../tasks/queries";
import { withQueries } from "../tasks/query-client";
import { useReadOn } from "../tasks/read-on";
import { ExportButton } from "../widgets/ExportButton";
import { LabelledOptions } from "../widgets/LabelledOptions";
import { QuickAdd } from "../widgets/QuickAdd";
import { ShowCompleted } from "../widgets/ShowCompleted";
import { TaskRows } from "../widgets/TaskRows";

const route = getRouteApi("/");

/** How long typing pauses before the search is sent (and written to the URL). */
const SEARCH_DELAY_MS = 300;
/**
 * How long typing must stop before the next keystroke starts a new search in the
 * history: within it, a search refines the entry the same typing made.
 */
const SEARCH_SETTLED_MS = 1_500;

/**
 * The API's query for the URL: `done=1` ("Show completed") is `includeDone`, left out
 * without it unless a status is chosen (a status asks for those tasks, Done included).
 */
function filterInput({ done, ...search }: ListSearch) {
  return done === "1" || search.status ? search : { ...search, includeDone: false };
}

export function TaskList() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/" });
  const filter = ListFilter.safeParse(filterInput(search));
  useEffect(() => rememberListSearch(search), [search]);
  // A link with parts the list cannot show: keep the rest, say what was left out.
  const [repaired, setRepaired] = useState<RepairedLink | null>(null);
  useEffect(() => {
    const repair = repairListLink(search);
    if (!repair) return;
    setRepaired(repair);
    void navigate({ search: repair.search, replace: true });
  }, [search, navigate]);
  const notes =
    repaired && stringifySearch(repaired.search) === stringifySearch(search)
      ? repaired.notes
      : null;
  const heading = useScreen(
    filter.success && filter.data.q ? `Search “${filter.data.q}”` : "Tasks",
  );
  const id = useId();

  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="list-header">
        <h1 id={`${id}-heading`} tabIndex={-1} ref={heading}>
          Tasks
        </h1>
        <div className="list-actions">
          <Link to="/new" className="button">
            New task
          </Link>
        </div>
        <ShowCompleted on={search.done === "1"} />
      </div>
      <QuickAdd />
      {notes ? <LinkNotice notes={notes} /> : null}
      {filter.success ? (
        <>
          <ListTools filter={filter.data} />
          <Results
            // A new filter is a new search, with its own reading-on budget.
            key={stringifySearch(filter.data)}
            filter={filter.data}
            headingId={`${id}-heading`}
          />
        </>
      ) : null}
    </section>
  );
}

export const TaskListScreen = withQueries(TaskList);

/** What a hand-edited or outdated link asked for that the list cannot show, and what it shows instead. */
function LinkNotice({ notes }: { notes: string[] }) {
  return (
    <div role="status" className="link-notice">
      <p>This link asked for a list that cannot be shown as it is:</p>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Search, filters, sort and export. On a wide screen they show as they are; on a
 * phone (CSS, max-width 40rem) they fold behind one control, so the list comes first,
 * and the control says how many filters are on while it is closed.
 */
function ListTools({ filter }: { filter: ListFilter }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const on = [filter.q, filter.status, filter.tag].filter(Boolean).length;
  const box = useRef<HTMLDivElement>(null);
  // "/" asks for the search box: open the fold first (synchronously, so focus can land).
  useEffect(() => {
    const node = box.current;
    const reveal = () => flushSync(() => setOpen(true));
    node?.addEventListener(REVEAL_EVENT, reveal);
    return () => node?.removeEventListener(REVEAL_EVENT, reveal);
  }, []);
  return (
    <div className="list-tools" data-open={open || undefined} ref={box}>
      <button
        type="button"
        className="tools-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        Filters and export
        {on ? <span className="tools-count"> ({on} on)</span> : null}
      </button>
      <div id={`${id}-panel`} className="tools-panel">
        <Filters filter={filter} />
        <ExportButton filter={filter} />
      </div>
    </div>
  );
}

function Filters({ filter }: { filter: ListFilter }) {
  const navigate = useNavigate({ from: "/" });
  const id = useId();
  const [text, setText] = useState(filter.q ?? "");
  const typed = useRef(false);
  // When the current typing last wrote the URL: its next search replaces that entry.
  const lastWrite = useRef(0);
  // Back or a link can change q under the box; follow it unless the person is typing.
  useEffect(() => {
    if (!typed.current) setText(filter.q ?? "");
  }, [filter.q]);
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      const q = text.trim();
      // One history entry per search: the first pause pushes it (Back returns to the
      // list before the search), later pauses of the same typing refine it in place.
      const now = Date.now();
      const refining = now - lastWrite.current < SEARCH_SETTLED_MS;
      lastWrite.current = now;
      void navigate({ search: (prev) => ({ ...prev, q: q || undefined }), replace: refining });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, navigate]);

  // A filter or sort change is a step Back can undo.
  const set = (changes: Partial<Record<"status" | "sort" | "tag", string | undefined>>) => {
    lastWrite.current = 0;
    void navigate({ search: (prev) => ({ ...prev, ...changes }) });
  };

  return (
    <search className="filters" aria-label="Find tasks">
      <div className="search-field">
        <label htmlFor={SEARCH_ID}>Search</label>
        <input
          id={SEARCH_ID}
          type="search"
          value={text}
          placeholder="Title, description or tag"
          aria-keyshortcuts="/"
          onChange={(e) => {
            typed.current = true;
            setText(e.target.value);
          }}
          autoComplete="off"
        />
      </div>
      <div>
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filter.status ?? ""}
          onChange={(e) => set({ status: e.target.value || undefined })}
        >
          <option value="">All</option>
          <LabelledOptions values={TASK_STATUSES} labels={statusLabel} />
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          value={filter.sort}
          onChange={(e) => set({ sort: e.target.value === "created" ? undefined : e.target.value })}
        >
          <option value="created">Newest first</option>
          <option value="due">Due soon</option>
        </select>
      </div>
      {filter.tag ? (
        <div className="tag-filter">
          <span className="label">Tag</span>
          <span className="chip">
            <span>{filter.tag}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Stop filtering by tag ${filter.tag}`}
              onClick={() => set({ tag: undefined })}
            >
              ×
            </button>
          </span>
        </div>
      ) : null}
    </search>
  );
}

function Results({ filter, headingId }: { filter: ListFilter; headingId: string }) {
  const list = useTaskList(filter);
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];
  // Hiding done tasks is a filter too: a page of them may come back short, so read on.
  const searching = Boolean(filter.q || filter.tag);
  const readOn = useReadOn(list, searching || filter.includeDone === false);

  if (list.isPending) {
    return (
      <p role="status">
        {list.fetchStatus === "paused"
          ? "Waiting for a connection to load your tasks…"
          : "Loading tasks…"}
      </p>
    );
  }
  if (list.isError && tasks.length === 0) {
    return (
      <div role="alert" className="error">
        <p>{describeError(list.error)}</p>
        <button type="button" onClick={() => void list.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (readOn.reading && tasks.length === 0) {
    return (
      <p role="status" className="empty">
        {readOn.searched
          ? `Searched ${readOn.searched.toLocaleString()} of your tasks…`
          : "Searching your tasks…"}
      </p>
    );
  }
  return (
    <TaskRows
      tasks={tasks}
      headingId={headingId}
      empty={emptyMessage(filter)}
      emptySoFar={
        readOn.searched
          ? searching
            ? `No matches in the first ${readOn.searched.toLocaleString()} of your tasks. Load more searches the next ones.`
            : `Only done tasks in the first ${readOn.searched.toLocaleString()} of your tasks. Load more reads the next ones.`
          : undefined
      }
      more={
        list.hasNextPage
          ? { loading: list.isFetchingNextPage || readOn.reading, load: readOn.loadMore }
          : undefined
      }
      moreError={list.isFetchNextPageError ? describeError(list.error) : undefined}
    />
  );
}

function emptyMessage(filter: ListFilter): string {
  if (filter.q) return `No tasks match “${filter.q}”.`;
  if (filter.tag) return `No tasks are tagged “${filter.tag}”.`;
  if (filter.status) {
    return `No tasks are “${statusLabel[filter.status]}”. Choose “All” to see every task.`;
  }
  if (filter.includeDone === false) {
    return "No tasks yet to do. Type one above and press Enter to add it; “Show completed” shows the done ones.";
  }
  return "No tasks yet. Type one above and press Enter to add it.";
}
