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
 */
import type { QueryClient } from "@tanstack/react-query";
import type { Task } from "@taskmanager/core/task/schema";
import { joinUrl } from "@taskmanager/core/url/schema";
import { ApiError } from "../api-error";
import { announce } from "../app/announce";
import { describeError } from "../app/error-message";
import { createStore } from "../app/store";
import { showToast, toast } from "../app/toast";
import { currentEmail, readTokens } from "../tokens";
import { deleteTask } from "./endpoints";
import { taskKeys } from "./queries";

const OUTBOX_KEY = "taskmanager.pendingDeletes";

/** Undo's shortcut (the shell runs it; the shortcuts dialog lists it). */
export const UNDO_KEY = "z";

/** A delete not yet confirmed by the server: who asked, which task, its title for messages. */
interface Pending {
  owner: string | null;
  taskId: string;
  title: string;
}

function readOutbox(): Pending[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as Pending[]) : [];
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

/** Ids hidden from every list while their Undo is still possible or their DELETE in flight. */
export const pendingDeletes = createStore<ReadonlySet<string>>(new Set());

function setPending(taskId: string, pending: boolean) {
  const next = new Set(pendingDeletes.get());
  if (pending) next.add(taskId);
  else next.delete(taskId);
  pendingDeletes.set(next);
}

function forget(taskId: string) {
  writeOutbox(readOutbox().filter((entry) => entry.taskId !== taskId));
}

/** DELETEs already sent from this page, so no path sends one twice. */
const sending = new Map<string, Promise<void>>();

/** Sends one pending delete; the outbox keeps it until the server has answered. */
function commit(client: QueryClient, entry: Pending): Promise<void> {
  const inFlight = sending.get(entry.taskId);
  if (inFlight) return inFlight;
  const sent = deleteTask(entry.taskId)
    // Already gone (deleted elsewhere, or by the page before a reload) is what was asked for.
    .catch((error: unknown) => {
      if (!(error instanceof ApiError && error.code === "not_found")) throw error;
    })
    .then(() => {
      forget(entry.taskId);
      setPending(entry.taskId, false);
      client.removeQueries({ queryKey: taskKeys.detail(entry.taskId) });
      return client.invalidateQueries({ queryKey: taskKeys.lists });
    })
    .catch((error: unknown) => {
      // Offline or signed out: it stays in the outbox (and hidden) for the next start.
      if (
        error instanceof ApiError &&
        (error.code === "network" || error.code === "unauthorized")
      ) {
        return;
      }
      forget(entry.taskId);
      setPending(entry.taskId, false);
      showToast({ message: `“${entry.title}” was not deleted: ${describeError(error)}` });
      announce(`“${entry.title}” was not deleted.`);
    })
    .finally(() => sending.delete(entry.taskId));
  sending.set(entry.taskId, sent);
  return sent;
}

export function scheduleDelete(client: QueryClient, task: Task) {
  const entry: Pending = { owner: currentEmail(), taskId: task.taskId, title: task.title };
  writeOutbox([...readOutbox().filter((e) => e.taskId !== task.taskId), entry]);
  setPending(task.taskId, true);
  announce(`Deleted “${task.title}”. Press ${UNDO_KEY} to undo.`);
  showToast({
    message: `Deleted “${task.title}”.`,
    action: {
      label: "Undo",
      key: UNDO_KEY,
      run: () => {
        forget(task.taskId);
        setPending(task.taskId, false);
        announce(`Restored “${task.title}”.`);
        // The Undo button is gone: focus the restored row, if the list is showing.
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(`li[data-task-id="${task.taskId}"] .task-title`)
            ?.focus(),
        );
      },
    },
    onExpire: () => void commit(client, entry),
  });
}

/**
 * At start (signed in): what a previous page left in the outbox is hidden at once
 * and sent; a toast from this page still offers Undo for its own delete.
 */
export function resumePendingDeletes(client: QueryClient) {
  const entries = mine().filter((entry) => !pendingDeletes.get().has(entry.taskId));
  if (!entries.length) return;
  pendingDeletes.set(new Set([...pendingDeletes.get(), ...entries.map((e) => e.taskId)]));
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
    if (sending.has(entry.taskId)) continue;
    void fetch(
      joinUrl(import.meta.env.VITE_API_URL, `/tasks/${encodeURIComponent(entry.taskId)}`),
      {
        method: "DELETE",
        headers: { authorization: `Bearer ${access}` },
        keepalive: true,
      },
    ).catch(() => {});
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
