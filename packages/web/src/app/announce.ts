/**
 * One polite live region for the whole app: "created", "completed", "deleted"...
 * The count makes a repeated message (two tasks completed in a row) read again.
 */
import { createStore } from "./store";

export const announcement = createStore({ message: "", count: 0 });

export function announce(message: string) {
  announcement.set({ message, count: announcement.get().count + 1 });
}
