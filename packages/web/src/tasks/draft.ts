/**
 * Unsaved input survives a trip to the sign-in page (a 401 mid-edit) and a failed
 * send in sessionStorage: it belongs to this tab and should not outlive it. The
 * full form keeps one draft per task ("new" for a new one); quick add keeps its own.
 */
import type { TaskFormValues } from "./form";

export interface Draft {
  values: TaskFormValues;
  /** For edits: the version the person started from, so a stale draft still conflicts. */
  version?: number;
  /** For edits: that version's values, so a conflict merges field by field (tasks/merge.ts). */
  base?: TaskFormValues;
}

/**
 * Drafts kept before time, repeat and reminders were fields lack them: they are
 * empty. Written out here, not taken from form.ts: the shell imports this module
 * (hasDrafts), and form.ts would bring the schemas into the entry chunk.
 */
function withSchedule(values: TaskFormValues): TaskFormValues {
  const { dueTime = "", recurrence = null, reminders = [] } = values as Partial<TaskFormValues>;
  return { ...values, dueTime, recurrence, reminders };
}

const PREFIX = "taskmanager.draft.";
const key = (id: string) => `${PREFIX}${id}`;

export function loadDraft(id: string): Draft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(key(id)) ?? "null") as Draft | null;
    // Drafts kept before tags became a list held them as one comma-separated string.
    if (!draft || !Array.isArray(draft.values.tags)) return null;
    return {
      ...draft,
      values: withSchedule(draft.values),
      ...(draft.base ? { base: withSchedule(draft.base) } : {}),
    };
  } catch {
    return null;
  }
}

export function saveDraft(id: string, draft: Draft) {
  sessionStorage.setItem(key(id), JSON.stringify(draft));
}

export function clearDraft(id: string) {
  sessionStorage.removeItem(key(id));
}

/** Whether anything typed is waiting in a draft (a form's or quick add's). */
export function hasDrafts(): boolean {
  for (let i = 0; i < sessionStorage.length; i += 1) {
    if (sessionStorage.key(i)?.startsWith(PREFIX)) return true;
  }
  return false;
}

/**
 * Quick add's three fields, as typed ("" for no due date). A view's default due date
 * (Today's today) is never stored: it is the screen's, not typed, and a draft taken
 * to another screen gets that screen's. Only clearing it is: `dueCleared`.
 */
export interface QuickDraft {
  title: string;
  dueDate: string;
  priority: TaskFormValues["priority"];
  /** The person emptied a Due field that showed the view's default: no date, not the default. */
  dueCleared: boolean;
}

export const emptyQuickDraft: QuickDraft = {
  title: "",
  dueDate: "",
  priority: "medium",
  dueCleared: false,
};

const QUICK_KEY = key("quick-add");

export const sameQuickDraft = (a: QuickDraft, b: QuickDraft) =>
  a.title === b.title &&
  a.dueDate === b.dueDate &&
  a.priority === b.priority &&
  a.dueCleared === b.dueCleared;

export function loadQuickDraft(): QuickDraft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(QUICK_KEY) ?? "null") as QuickDraft | null;
    // Drafts kept before the default due date lack dueCleared: nothing was cleared.
    return draft && typeof draft.title === "string" ? { ...emptyQuickDraft, ...draft } : null;
  } catch {
    return null;
  }
}

/** Keeps quick add's fields; nothing typed keeps nothing. */
export function saveQuickDraft(draft: QuickDraft) {
  if (sameQuickDraft(draft, emptyQuickDraft)) sessionStorage.removeItem(QUICK_KEY);
  else sessionStorage.setItem(QUICK_KEY, JSON.stringify(draft));
}
