/** One toast at a time, e.g. "Deleted “x”. Undo", shown by the app shell over every screen. */
import { createStore } from "./store";

export interface Toast {
  id: number;
  message: string;
  /** `key`: a single-key shortcut for the action (the shell's shortcuts run it). */
  action?: { label: string; run: () => void; key?: string };
  /** Called when the toast goes away without its action being chosen. */
  onExpire?: () => void;
}

export const toast = createStore<Toast | null>(null);
let nextId = 1;

export function showToast(next: Omit<Toast, "id">) {
  // A new toast ends the previous one as if it had timed out (a pending delete goes ahead).
  toast.get()?.onExpire?.();
  toast.set({ ...next, id: nextId++ });
}

export function dismissToast(id: number, { expired }: { expired: boolean }) {
  const current = toast.get();
  if (current?.id !== id) return;
  toast.set(null);
  if (expired) current.onExpire?.();
}

/** Runs the toast's action, as its button would: for the action's keyboard shortcut. */
export function runToastAction(key: string): boolean {
  const current = toast.get();
  if (!current?.action || current.action.key !== key) return false;
  dismissToast(current.id, { expired: false });
  current.action.run();
  return true;
}
