/**
 * Sign-in through the OpenAuth issuer's redirect flow with PKCE. Tokens are kept
 * by `tokens.ts`; the PKCE challenge and the page to return to live in
 * sessionStorage because they belong to this tab's round trip.
 */
import { createClient } from "@openauthjs/openauth/client";
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { markJustSignedIn, readTokens, writeTokens } from "./tokens";

const CHALLENGE_KEY = "taskmanager.challenge";
const RETURN_KEY = "taskmanager.returnTo";

const client = createClient({ clientID: WEB_CLIENT_ID, issuer: import.meta.env.VITE_AUTH_URL });

const redirectURI = () => `${window.location.origin}/callback`;

let redirecting = false;

/**
 * Leaves for the issuer's sign-in page (`create`: its "Create your account" page,
 * through OpenID's `prompt=create`); comes back to the current page afterwards.
 */
export async function signIn({ create = false }: { create?: boolean } = {}): Promise<void> {
  // Several requests can hit a 401 at once; a second challenge would overwrite the
  // first one's verifier and break the callback.
  if (redirecting) return;
  redirecting = true;
  const { challenge, url } = await client
    .authorize(redirectURI(), "code", { pkce: true, provider: "password" })
    .finally(() => {
      redirecting = false;
    });
  sessionStorage.setItem(CHALLENGE_KEY, JSON.stringify(challenge));
  const here = window.location.pathname + window.location.search;
  sessionStorage.setItem(RETURN_KEY, here.startsWith("/callback") ? "/" : here);
  const target = new URL(url);
  if (create) target.searchParams.set("prompt", "create");
  window.location.assign(target.toString());
}

/** Finishes the round trip on /callback; returns the path to go back to. */
export async function completeSignIn(params: URLSearchParams): Promise<string> {
  const code = params.get("code");
  const challenge = JSON.parse(sessionStorage.getItem(CHALLENGE_KEY) ?? "null") as {
    state: string;
    verifier?: string;
  } | null;
  sessionStorage.removeItem(CHALLENGE_KEY);
  if (params.get("error")) throw new Error(params.get("error_description") ?? "Sign-in failed.");
  // A state mismatch means this callback is not the answer to our own request.
  if (!code || !challenge || challenge.state !== params.get("state")) {
    throw new Error("This sign-in link is not valid any more. Please sign in again.");
  }
  const result = await client.exchange(code, redirectURI(), challenge.verifier);
  if (result.err) throw new Error("Sign-in could not be completed. Please sign in again.");
  writeTokens({ access: result.tokens.access, refresh: result.tokens.refresh });
  markJustSignedIn();
  const returnTo = sessionStorage.getItem(RETURN_KEY) ?? "/";
  sessionStorage.removeItem(RETURN_KEY);
  return returnTo;
}

let pendingRefresh: Promise<string | null> | null = null;

/**
 * An access token valid for at least 30 more seconds, refreshed if needed, or null
 * when signed out. Concurrent callers share one refresh: refresh tokens rotate.
 */
export function accessToken(): Promise<string | null> {
  pendingRefresh ??= (async () => {
    const tokens = readTokens();
    if (!tokens) return null;
    const next = await client.refresh(tokens.refresh, { access: tokens.access });
    if (next.err) {
      writeTokens(null);
      return null;
    }
    if (next.tokens) {
      writeTokens({ access: next.tokens.access, refresh: next.tokens.refresh });
      return next.tokens.access;
    }
    return tokens.access;
  })().finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

/** How long signing out waits for the issuer to revoke the refresh token. */
const REVOKE_WAIT_MS = 3_000;

/**
 * Revokes the session's refresh token at the issuer (RFC 7009), so that a copy of
 * it cannot buy access tokens after signing out. Throws if the issuer could not
 * be reached or refused; the caller signs out here either way.
 */
export async function revokeSession(): Promise<void> {
  // A refresh in flight would rotate the token after it was read here.
  await pendingRefresh?.catch(() => null);
  const tokens = readTokens();
  if (!tokens) return;
  const response = await fetch(`${import.meta.env.VITE_AUTH_URL}/revoke`, {
    method: "POST",
    body: new URLSearchParams({
      token: tokens.refresh,
      token_type_hint: "refresh_token",
      client_id: WEB_CLIENT_ID,
    }),
    // Sent even if the page is already on its way to the sign-in screen.
    keepalive: true,
    signal: AbortSignal.timeout(REVOKE_WAIT_MS),
  });
  if (!response.ok) throw new Error(`The issuer did not revoke the session (${response.status}).`);
}
