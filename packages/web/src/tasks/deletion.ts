/**
 * Delete with Undo, where a deleted task stays deleted unless Undo was pressed.
 *
 * The task leaves every list at once and its id goes into an outbox kept in
 * localStorage (per person); the DELETE is sent when the Undo toast ends, or earlier
 * when the chance to undo ends some other way:
 * - another delete (or any toast) replaces the toast: the first is sent;
 * - the page is hidden for good (reload, leaving the site, closing the tab): every
 *   pending delete is sent with `keepalive`, which outlives the page;
 * - signing out: sent (and awaited) while the token is still there;
 * - and whatever is still in the outbox when the app next starts (the page died
 *   before an answer, the browser was offline) stays hidden and is sent then.
 * Only Undo takes an id out of the outbox unsent. Undo never re-creates a task, so
 * it keeps its id, dates and attachments (a DELETE removes those).
 *
 * A list is deleted the same way, through the same outbox (`kind: "list"`): it leaves
 * the sidebar, and its tasks every view, at once; `DELETE /lists/{id}?tasks=delete`
 * goes when its Undo ends (the person agreed to its tasks going with it).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { List } from "@taskmanager/core/list/schema";
import type { Task } from "@taskmanager/core/task/schema";
import { joinUrl } from "@taskmanager/core/url/schema";
import { ApiError } from "../api-error";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { createStore } from "../app/store";
import { showToast, toast } from "../app/toast";
import { deleteList, listPath } from "../lists/endpoints";
import { currentEmail, readTokens } from "../tokens";
import { deleteTask } from "./endpoints";
import { taskKeys } from "./queries";

const OUTBOX_KEY = "taskmanager.pendingDeletes";

/** Undo's shortcut (the shell runs it; the shortcuts dialog lists it). */
export const UNDO_KEY = "z";

/** A delete not yet confirmed by the server: who asked, what, its name for messages. */
interface Pending {
  owner: string | null;
  kind: "task" | "list";
  id: string;
  title: string;
}

/** Each kind's DELETE, its name in messages, and what the cache drops once it is done. */
const KINDS = {
  task: {
    path: (id: string) => `/tasks/${encodeURIComponent(id)}`,
    send: (id: string) => deleteTask(id),
    named: (title: string) => `“${title}”`,
    done: async (client: QueryClient, id: string) => {
      client.removeQueries({ queryKey: taskKeys.detail(id) });
      await client.invalidateQueries({ queryKey: taskKeys.lists });
    },
  },
  list: {
    path: (id: string) => `${listPath(id)}?tasks=delete`,
    send: (id: string) => deleteList(id, true),
    named: (title: string) => `list “${title}”`,
    // The sidebar, and every view, page and task of it.
    done: async (client: QueryClient) => {
      await Promise.all(
        [["lists"], ["views"], ["tasks"]].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  },
} as const;

/** An entry as stored; entries written before lists were `{ owner, taskId, title }`. */
function fromStorage(raw: unknown): Pending | null {
  if (!raw || typeof raw !== "object") return null;
  const entry = raw as Partial<Pending> & { taskId?: unknown };
  const owner = typeof entry.owner === "string" ? entry.owner : null;
  const title = typeof entry.title === "string" ? entry.title : "";
  if (typeof entry.taskId === "string") return { owner, kind: "task", id: entry.taskId, title };
  if ((entry.kind === "task" || entry.kind === "list") && typeof entry.id === "string") {
    return { owner, kind: entry.kind, id: entry.id, title };
  }
  return null;
}

function readOutbox(): Pending[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? "[]") as unknown;
    return Array.isArray(parsed)
      ? parsed.map(fromStorage).filter((entry): entry is Pending => entry !== null)
      : [];
  } catch {
    return [];
  }
}

function writeOutbox(entries: Pending[]) {
  if (entries.length) localStorage.setItem(OUTBOX_KEY, JSON.stringify(entries));
  else localStorage.removeItem(OUTBOX_KEY);
}

/** This person's entries: another account's stay for when that account signs in here. */
const mine = () => readOutbox().filter((entry) => entry.owner === currentEmail());

/**
 * Ids (of tasks and of lists: ULIDs both) hidden everywhere while their Undo is still
 * possible or their DELETE in flight.
 */
export const pendingDeletes = createStore<ReadonlySet<string>>(new Set());

/** Whether a task is hidden: deleted, or in a list being deleted. */
export const isHidden = (hidden: ReadonlySet<string>, task: Task) =>
  hidden.has(task.taskId) || (task.listId !== undefined && hidden.has(task.listId));

function setPending(id: string, pending: boolean) {
  const next = new Set(pendingDeletes.get());
  if (pending) next.add(id);
  else next.delete(id);
  pendingDeletes.set(next);
}

function forget(id: string) {
  writeOutbox(readOutbox().filter((entry) => entry.id !== id));
}

/** DELETEs already sent from this page, so no path sends one twice. */
const sending = new Map<string, Promise<void>>();

/** Sends one pending delete; the outbox keeps it until the server has answered. */
function commit(client: QueryClient, entry: Pending): Promise<void> {
  const inFlight = sending.get(entry.id);
  if (inFlight) return inFlight;
  const kind = KINDS[entry.kind];
  const sent = kind
    .send(entry.id)
    // Already gone (deleted elsewhere, or by the page before a reload) is what was asked for.
    .catch((error: unknown) => {
      if (!(error instanceof ApiError && error.code === "not_found")) throw error;
    })
    .then(async () => {
      forget(entry.id);
      // Shown again only once the cache no longer has it: no flash of what was deleted.
      await kind.done(client, entry.id);
      setPending(entry.id, false);
    })
    .catch((error: unknown) => {
      // Offline or signed out: it stays in the outbox (and hidden) for the next start.
      if (
        error instanceof ApiError &&
        (error.code === "network" || error.code === "unauthorized")
      ) {
        return;
      }
      forget(entry.id);
      setPending(entry.id, false);
      const named = kind.named(entry.title);
      showToast({ message: `${named} was not deleted: ${describeError(error)}` });
      announce(`${named} was not deleted.`);
    })
    .finally(() => sending.delete(entry.id));
  sending.set(entry.id, sent);
  return sent;
}

/** Hidden at once, Undo offered for the toast's time, the DELETE sent after it. */
function schedule(client: QueryClient, entry: Pending, focusRestored: () => void) {
  writeOutbox([...readOutbox().filter((e) => e.id !== entry.id), entry]);
  setPending(entry.id, true);
  const named = KINDS[entry.kind].named(entry.title);
  announce(`Deleted ${named}. Press ${UNDO_KEY} to undo.`);
  showToast({
    message: `Deleted ${named}.`,
    action: {
      label: "Undo",
      key: UNDO_KEY,
      run: () => {
        forget(entry.id);
        setPending(entry.id, false);
        announce(`Restored ${named}.`);
        // The Undo button is gone: focus what came back, if it is showing.
        requestAnimationFrame(focusRestored);
      },
    },
    onExpire: () => void commit(client, entry),
  });
}

export function scheduleDelete(client: QueryClient, task: Task) {
  const entry: Pending = {
    owner: currentEmail(),
    kind: "task",
    id: task.taskId,
    title: task.title,
  };
  schedule(client, entry, () =>
    document.querySelector<HTMLElement>(`li[data-task-id="${task.taskId}"] .task-title`)?.focus(),
  );
}

/** A list with its tasks: call it once the person has agreed to both going. */
export function scheduleListDelete(client: QueryClient, list: Pick<List, "listId" | "name">) {
  const entry: Pending = { owner: currentEmail(), kind: "list", id: list.listId, title: list.name };
  schedule(client, entry, () =>
    document.querySelector<HTMLElement>(`nav a[href="${listPath(list.listId)}"]`)?.focus(),
  );
}

/**
 * At start (signed in): what a previous page left in the outbox is hidden at once
 * and sent; a toast from this page still offers Undo for its own delete.
 */
export function resumePendingDeletes(client: QueryClient) {
  const entries = mine().filter((entry) => !pendingDeletes.get().has(entry.id));
  if (!entries.length) return;
  pendingDeletes.set(new Set([...pendingDeletes.get(), ...entries.map((e) => e.id)]));
  for (const entry of entries) void commit(client, entry);
}

/** Signing out: the toast's chance to undo ends; every pending delete is sent and awaited. */
export async function commitPendingDeletes(client: QueryClient): Promise<void> {
  toast.set(null);
  await Promise.all(mine().map((entry) => commit(client, entry)));
}

/**
 * The page is going away (reload, another site, closing the tab): send every pending
 * delete with `keepalive`, which the browser completes after the page is gone, with
 * the token as stored (no refresh can finish now). The outbox keeps them until the
 * next start confirms them, in case this one does not arrive.
 */
export function sendPendingDeletesOnExit() {
  const access = readTokens()?.access;
  if (!access) return;
  for (const entry of mine()) {
    if (sending.has(entry.id)) continue;
    void fetch(joinUrl(import.meta.env.VITE_API_URL, KINDS[entry.kind].path(entry.id)), {
      method: "DELETE",
      headers: { authorization: `Bearer ${access}` },
      keepalive: true,
    }).catch(() => {});
  }
}

// Registered once, when the first screen that can delete loads.
if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => {
    // The chance to undo ends with the page (even one kept in the back/forward cache).
    toast.set(null);
    sendPendingDeletesOnExit();
  });
}
