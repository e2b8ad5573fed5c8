/**
 * In-app reminder notices: which of the reminders the server has delivered are new
 * to this person in this browser. Each is shown once: what was shown is kept in
 * localStorage (per person, shared by their tabs), with the newest `sentAt` as the
 * cursor the next poll asks from. A session's first poll looks back a short while
 * only, so opening the app after a night does not replay the night's reminders
 * (they went by email too).
 */
import { type ReminderNotice, ReminderNotices } from "@taskmanager/core/reminder/schema";
import { apiRequest } from "../api-client";

export const POLL_MS = 60_000;
/** How far back a poll with no cursor in this browser (or an old one) looks. */
export const LOOK_BACK_MS = 15 * 60_000;
/** Keys kept to recognise a notice already shown (the cursor does most of the work). */
const KEEP_KEYS = 100;
const KEY = "taskmanager.reminders.shown";

interface Shown {
  /** The newest sentAt shown (the server's clock). */
  since: string;
  keys: string[];
}

export const noticeKey = (notice: ReminderNotice) => `${notice.taskId}@${notice.fireAt}`;

function readAll(): Record<string, Shown> {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Record<string, Shown> | null;
    return all && typeof all === "object" ? all : {};
  } catch {
    return {};
  }
}

function write(person: string, shown: Shown) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [person]: shown }));
  } catch {
    // Storage full or refused: the notices still show; a reload may show one again.
  }
}

/** Asks for the notices delivered since the cursor and returns the ones not shown yet, oldest first. */
export async function pollNotices(person: string, now = Date.now()): Promise<ReminderNotice[]> {
  const shown = readAll()[person];
  const floor = now - LOOK_BACK_MS;
  const since =
    shown && Date.parse(shown.since) > floor ? shown.since : new Date(floor).toISOString();
  const page = await apiRequest(`/reminders/due?since=${encodeURIComponent(since)}`, {
    schema: ReminderNotices,
  });
  // Another tab may have shown some since this one read the cursor: read it again.
  const known = new Set(readAll()[person]?.keys ?? []);
  const fresh = page.items
    .filter((notice) => !known.has(noticeKey(notice)))
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  if (fresh.length > 0) {
    const newest = fresh.reduce(
      (a, b) => (Date.parse(b.sentAt) > Date.parse(a) ? b.sentAt : a),
      since,
    );
    write(person, {
      since: newest,
      keys: [...known, ...fresh.map(noticeKey)].slice(-KEEP_KEYS),
    });
  }
  return fresh;
}
