/**
 * What an export reads, as rows naming their list: the Inbox, one list, or (scope
 * `all`) the Inbox then every list the caller is in, in their own order. Access is
 * the API's rule, decided here as the edge decides it: a list is read only for a
 * member of it (one consistent GetItem of the membership, the same read as the
 * edge's), else the API's 404; with `all`, each list is checked again just before
 * it is read, so a list one was removed from meanwhile is left out.
 */
import { VisibleError } from "@taskmanager/core/error";
import * as Membership from "@taskmanager/core/membership";
import type { Task, TaskPagesQuery } from "@taskmanager/core/task/schema";
import type { ExportRow } from "./format";

/** Pages of one container's tasks (`Task.pages`; tests inject their own). */
export type PageSource = (userId: string, filters: TaskPagesQuery) => AsyncIterable<Task[]>;

/** The name the export gives the Inbox's rows. */
export const INBOX_NAME = "Inbox";

const listNotFound = () => new VisibleError("not_found", "List not found");

async function* named(pages: AsyncIterable<Task[]>, list: string) {
  for await (const page of pages) yield page.map((task): ExportRow => ({ ...task, list }));
}

/**
 * The rows to export for `filters`. The one-list case decides access before the first
 * page (so a refusal is an error response, not a broken file); the `all` case reads
 * the memberships then, and checks each list as it comes to it.
 */
export async function exportRows(
  source: PageSource,
  userId: string,
  filters: TaskPagesQuery & { scope?: "inbox" | "all" | undefined },
): Promise<AsyncIterable<ExportRow[]>> {
  const { scope, ...query } = filters;
  if (query.listId) {
    if (scope) {
      throw new VisibleError("validation_failed", "Give either listId or scope, not both.", [
        { path: "scope", message: "cannot be combined with listId" },
      ]);
    }
    const membership = await Membership.readable(query.listId, userId);
    if (!membership) throw listNotFound();
    return named(source(userId, query), membership.listName);
  }
  if (scope !== "all") return named(source(userId, query), INBOX_NAME);
  const lists = (await Membership.ofPerson(userId)).sort(
    (a, b) => a.position - b.position || a.listName.localeCompare(b.listName),
  );
  return (async function* () {
    yield* named(source(userId, query), INBOX_NAME);
    for (const { listId } of lists) {
      const membership = await Membership.readable(listId, userId);
      if (membership) yield* named(source(userId, { ...query, listId }), membership.listName);
    }
  })();
}
