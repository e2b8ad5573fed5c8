/**
 * The session as stored: tokens in localStorage so every tab shares one session.
 * No OpenAuth here, so the app shell can tell "signed in" without loading it.
 */
export const TOKENS_KEY = "taskmanager.tokens";

export interface Tokens {
  access: string;
  refresh: string;
}

export function readTokens(): Tokens | null {
  const raw = localStorage.getItem(TOKENS_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Tokens>;
    return parsed.access && parsed.refresh
      ? { access: parsed.access, refresh: parsed.refresh }
      : null;
  } catch {
    return null;
  }
}

export function writeTokens(tokens: Tokens | null) {
  if (tokens) localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
  else localStorage.removeItem(TOKENS_KEY);
}

/** Every tab of the app on this origin hears a sign-out on this channel. */
const SESSION_CHANNEL = "taskmanager.session";
const SIGNED_OUT = "signed-out";

/**
 * Ends the session in this tab and tells the app's other tabs, which drop what they
 * show (the tokens are shared, so they are signed out too). A session that merely
 * expired is not announced: those tabs find out on their next request and keep
 * what the person was typing.
 */
export function signOut() {
  writeTokens(null);
  if (typeof BroadcastChannel !== "function") return;
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.postMessage(SIGNED_OUT);
  channel.close();
}

/** Calls `listener` when another tab signs out; returns the unsubscribe. */
export function onSignOutElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel !== "function") return () => {};
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === SIGNED_OUT) listener();
  };
  return () => channel.close();
}

/** The signed-in person's email, read from the token for display only. */
export function currentEmail(): string | null {
  const access = readTokens()?.access;
  const payload = access?.split(".")[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
      properties?: { email?: string };
    };
    return json.properties?.email ?? null;
  } catch {
    return null;
  }
}

/** Set by a finished sign-in round trip, so a restored draft can say why it is there. */
const JUST_SIGNED_IN_KEY = "taskmanager.justSignedIn";

export function markJustSignedIn() {
  sessionStorage.setItem(JUST_SIGNED_IN_KEY, "1");
}

export const justSignedIn = () => sessionStorage.getItem(JUST_SIGNED_IN_KEY) !== null;

export function forgetJustSignedIn() {
  sessionStorage.removeItem(JUST_SIGNED_IN_KEY);
}
