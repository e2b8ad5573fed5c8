/**
 * Where the issuer may send a browser: exactly `<web origin>/callback` for each
 * web origin of the stage (infra lists loopback origins only for `sst dev` outside
 * production), compared as strings, so look-alike hosts, user-info tricks, other
 * schemes and ports never match.
 */
import { WEB_CALLBACK_PATH, WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { Resource } from "sst";

/** The web origins of the stage, as the issuer trusts them. */
export function webOrigins(): string[] {
  return Resource.AuthClients.web.flatMap((origin) => {
    try {
      const url = new URL(origin);
      return url.protocol === "https:" || url.protocol === "http:" ? [url.origin] : [];
    } catch {
      return [];
    }
  });
}

export function allowedRedirects(): Set<string> {
  return new Set(webOrigins().map((origin) => `${origin}${WEB_CALLBACK_PATH}`));
}

/** An authorization request may name this client and redirect URI. */
export function isAllowedRedirect(clientID: unknown, redirectURI: unknown): boolean {
  return (
    clientID === WEB_CLIENT_ID &&
    typeof redirectURI === "string" &&
    allowedRedirects().has(redirectURI)
  );
}

/**
 * A `Location` the issuer may answer with: a path on the issuer itself, or an
 * allowed redirect URI carrying a query (the code, state, or an OAuth error).
 */
export function isAllowedLocation(location: string): boolean {
  // Browsers drop tabs and newlines from URLs and read a backslash as a slash: refuse them all.
  if (/[\s\\]/.test(location)) return false;
  if (/^\/(?!\/)/.test(location)) return true;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return allowedRedirects().has(`${url.origin}${url.pathname}`);
}
