/**
 * Unsaved form input survives a trip to the sign-in page (a 401 mid-edit) in
 * sessionStorage: it belongs to this tab and should not outlive it.
 */
import type { TaskFormValues } from "./form";

export interface Draft {
  values: TaskFormValues;
  /** For edits: the version the person started from, so a stale draft still conflicts. */
  version?: number;
  /** For edits: that version's values, so a conflict merges field by field (tasks/merge.ts). */
  base?: TaskFormValues;
}

const key = (id: string) => `taskmanager.draft.${id}`;

export function loadDraft(id: string): Draft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(key(id)) ?? "null") as Draft | null;
    // Drafts kept before tags became a list held them as one comma-separated string.
    if (draft && !Array.isArray(draft.values.tags)) return null;
    return draft;
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
