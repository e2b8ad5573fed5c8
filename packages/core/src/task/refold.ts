/**
 * The backfill for issue 18's folding: rewrites the search copies of tasks written
 * before search ignored accents and the tag copy marked whole tags (task/search.ts),
 * so that "cafe" finds "Café" and "work" finds "Work" on old tasks too.
 *
 * Each task is patched with its own title, description and tags, unchanged: ElectroDB
 * recomputes the copies that watch them (nothing outside the entity computes one). The
 * version and updatedAt stay as they are, since nothing the person wrote changed; the
 * patch is conditioned on the version read, so an edit made meanwhile (which wrote
 * fresh copies itself) is never overwritten, only counted. Idempotent: a second run
 * writes the same bytes again. Until it has run, old tasks are still found as before
 * (search.ts looks for the old fold too).
 *
 * Run it once after deploying, in a shell linked to the stage's table:
 * `pnpm sst shell --stage <stage> -- tsx packages/core/scripts/refold-search.ts` (docs/operations.md).
 */
import { isConditionFailure } from "../error";
import { TaskEntity } from "./entity";

export interface RefoldReport {
  /** Tasks read. */
  read: number;
  /** Tasks whose copies were written again. */
  rewritten: number;
  /** Tasks changed by someone while this ran: already folded by that write, left alone. */
  changedMeanwhile: number;
}

/** What a task's copies are made from, and what the conditional patch needs. */
const SOURCE = ["userId", "taskId", "title", "description", "tags", "version"] as const;

export interface RefoldOptions {
  /** One person's tasks (their Query); without it, every task in the table (a Scan). */
  userId?: string;
  /** Of the tasks read, which to rewrite (all by default): e.g. a test's own people. */
  select?: (task: { userId: string }) => boolean;
  pageSize?: number;
  /** Told the running totals after each page. */
  onPage?: (report: RefoldReport) => void;
}

/** Reads tasks a page at a time (a job, never a request) and rewrites their copies. */
export async function refoldSearchCopies(options: RefoldOptions = {}): Promise<RefoldReport> {
  const { userId, select = () => true, pageSize = 100 } = options;
  const report: RefoldReport = { read: 0, rewritten: 0, changedMeanwhile: 0 };
  let cursor: string | null = null;
  do {
    const request = { limit: pageSize, pages: 1, attributes: SOURCE, cursor } as const;
    const page: { data: Array<Pick<TaskSource, (typeof SOURCE)[number]>>; cursor: string | null } =
      userId === undefined
        ? await TaskEntity.scan.go(request)
        : await TaskEntity.query.byCreated({ userId }).go(request);
    for (const task of page.data) {
      report.read += 1;
      if (!select(task)) continue;
      try {
        await TaskEntity.patch({ userId: task.userId, taskId: task.taskId })
          .set({ title: task.title, description: task.description, tags: task.tags })
          .where((stored, { eq }) => eq(stored.version, task.version))
          .go({ response: "none" });
        report.rewritten += 1;
      } catch (error) {
        // Changed (or deleted) since it was read: that write folded it, or it is gone.
        if (!isConditionFailure(error)) throw error;
        report.changedMeanwhile += 1;
      }
    }
    options.onPage?.(report);
    cursor = page.cursor;
  } while (cursor);
  return report;
}

type TaskSource = {
  userId: string;
  taskId: string;
  title: string;
  description: string;
  tags: string[];
  version: number;
};
