/** One toast at a time, e.g. "Deleted “x”. Undo", shown by the app shell over every screen. */
import { createStore } from "./store";

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
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
