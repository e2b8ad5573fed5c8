/**
 * A session that ends while the app is in use (the refresh failed, or the API
 * answered 401). Instead of leaving for the issuer at once, the app shows its own
 * sign-in screen right here, saying why, and every typed draft stays in
 * sessionStorage for after the round trip (tasks/draft.ts). No OpenAuth here:
 * the shell imports it.
 */
import { hasDrafts } from "../tasks/draft";
import { writeTokens } from "../tokens";
import { createStore } from "./store";

const EXPIRED_KEY = "taskmanager.sessionExpired";

const readFlag = () => {
  try {
    return sessionStorage.getItem(EXPIRED_KEY) !== null;
  } catch {
    return false;
  }
};

/**
 * Expiries seen since the last completed sign-in (1 after a reload that kept the
 * flag). A count, not a flag: each expiry is a new value, so the shell re-renders
 * even when the last one was never cleared.
 */
export const sessionExpired = createStore(readFlag() ? 1 : 0);

export function expireSession() {
  writeTokens(null);
  sessionStorage.setItem(EXPIRED_KEY, "1");
  sessionExpired.set(sessionExpired.get() + 1);
}

/** A sign-in completed: the next screen need not explain an expiry any more. */
export function forgetExpiry() {
  sessionStorage.removeItem(EXPIRED_KEY);
  sessionExpired.set(0);
}

export const expiredMessage = () =>
  hasDrafts()
    ? "Your session expired; sign in again to continue — your draft is kept."
    : "Your session expired; sign in again to continue.";
