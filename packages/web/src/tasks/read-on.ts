/**
 * A search or tag filter reads on by itself. The API reads at most 1,000 of a
 * person's tasks a call (10 DynamoDB requests of 100; docs/api.md, "What a search
 * costs") and answers a short page with a cursor when they hold too few matches. So
 * a rare word among 3,000 tasks came back as an empty page, and the person had to
 * press Load more again and again. Now the list asks for the next page itself until
 * a page's worth of matches has come (or the list ends), for at most READ_ON_CALLS
 * calls each time (on the search, then on each Load more), and says how far it got.
 */
import { useEffect, useRef } from "react";

/** The list's page: the API's default `limit`. */
export const PAGE_SIZE = 25;
/** What one call reads when it answers a short page with a cursor (docs/api.md). */
export const TASKS_READ_PER_SHORT_PAGE = 1_000;
/** The web app's own budget for reading on: 10 calls, 10,000 tasks, 100 DynamoDB requests. */
export const READ_ON_CALLS = 10;

/** What this needs of the list's infinite query. */
interface List {
  data?: { pages: ReadonlyArray<{ items: readonly unknown[]; cursor: string | null }> };
  hasNextPage: boolean;
  isFetching: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export interface ReadOn {
  /** Asking for the next page by itself now. */
  reading: boolean;
  /** How many tasks the search has read so far (as far as the short pages tell). */
  searched: number;
  /** Load more: a new run, with its own budget. */
  loadMore: () => Promise<void>;
}

export function useReadOn(list: List, active: boolean): ReadOn {
  const pages = list.data?.pages ?? [];
  // Where the current run began: the search itself, or the last Load more.
  const runStart = useRef(0);
  const run = pages.slice(runStart.current);
  const found = run.reduce((count, page) => count + page.items.length, 0);
  const reading =
    active &&
    list.hasNextPage &&
    !list.isFetchNextPageError &&
    found < PAGE_SIZE &&
    run.length < READ_ON_CALLS;
  const { isFetching, fetchNextPage } = list;
  // Once per page that arrives (a fast answer can come and go between two renders).
  const loaded = pages.length;
  useEffect(() => {
    void loaded;
    if (reading && !isFetching) void fetchNextPage();
  }, [reading, isFetching, fetchNextPage, loaded]);
  const short = pages.filter((page) => page.cursor && page.items.length < PAGE_SIZE).length;
  return {
    reading,
    searched: short * TASKS_READ_PER_SHORT_PAGE,
    loadMore: async () => {
      runStart.current = pages.length;
      await fetchNextPage();
    },
  };
}
