/**
 * Writing an export while it is being read: one page at a time, each page written
 * as soon as it arrives, waiting for the stream to drain instead of buffering, and
 * never waiting on a page for longer than a deadline.
 */
import type { Writable } from "node:stream";
import { toErrorResponse } from "../http/errors";
import type { ExportEncoding, ExportRow } from "./format";

/** A page taking longer than this means DynamoDB stopped answering: end the export. */
export const PAGE_DEADLINE_MS = 10_000;

/** Named like the AWS SDK's own timeout, so the edge maps it to `unavailable`. */
export class PageTimeoutError extends Error {
  override name = "TimeoutError";
}

export type Pages = AsyncIterator<ExportRow[], void, undefined>;

/** The next page, or undefined after the last; rejects if it takes longer than `deadlineMs`. */
export async function nextPage(pages: Pages, deadlineMs: number): Promise<ExportRow[] | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PageTimeoutError(`No page of tasks within ${deadlineMs} ms`)),
      deadlineMs,
    );
  });
  try {
    const result = await Promise.race([pages.next(), deadline]);
    return result.done ? undefined : result.value;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes `chunk`; resolves true once the stream can take more (at once, or after
 * 'drain'), false if the stream closed first (the reader went away).
 */
export function write(stream: Writable, chunk: string): Promise<boolean> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve(false);
  if (stream.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (open: boolean) => {
      stream.off("drain", onDrain);
      stream.off("close", onClose);
      stream.off("error", onClose);
      resolve(open);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    stream.once("drain", onDrain);
    stream.once("close", onClose);
    stream.once("error", onClose);
  });
}

export type ExportOutcome =
  | { outcome: "complete"; tasks: number }
  | { outcome: "closed"; tasks: number }
  | { outcome: "failed"; tasks: number; error: unknown };

/**
 * Streams the export into an open response: the head and the first page (read
 * before the status was sent, so a failure there got a proper error response),
 * then every further page. A failure part way ends the stream with the format's
 * error record; a reader going away stops the paging.
 */
export async function streamPages(
  stream: Writable,
  encoding: ExportEncoding,
  first: readonly ExportRow[],
  pages: Pages,
  deadlineMs = PAGE_DEADLINE_MS,
): Promise<ExportOutcome> {
  let tasks = first.length;
  let open = await write(stream, encoding.head + encoding.page(first));
  try {
    while (open) {
      const page = await nextPage(pages, deadlineMs);
      if (!page) {
        stream.end();
        return { outcome: "complete", tasks };
      }
      tasks += page.length;
      if (page.length > 0) open = await write(stream, encoding.page(page));
    }
  } catch (error) {
    if (!stream.destroyed) stream.end(encoding.failure(toErrorResponse(error).body));
    stopPaging(pages);
    return { outcome: "failed", tasks, error };
  }
  stopPaging(pages);
  return { outcome: "closed", tasks };
}

/** Stops the source; not awaited, since a page still in flight may never settle. */
function stopPaging(pages: Pages) {
  pages.return?.().catch(() => {});
}
