/**
 * Token revocation (RFC 7009), which OpenAuth 0.4.3 does not have: signing out
 * deletes the session's refresh token from OpenAuth's storage, so it can never be
 * exchanged again. Access tokens are signed JWTs that nothing looks up, so they
 * cannot be revoked; they expire within 15 minutes.
 *
 * A refresh token is `<subject>:<token>` and lives at `["oauth:refresh", subject,
 * token]` (OpenAuth's `generateTokens`). Tokens rotate: a used one keeps a pointer
 * to the one it was exchanged for (`nextToken`), so the rest of the session's chain
 * goes with it, whichever tab refreshed last.
 */
import { Storage } from "@openauthjs/openauth/storage/storage";
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import type { Context } from "hono";
import { storage } from "./storage";

/** What OpenAuth stores for a refresh token (the fields read here). */
interface RefreshRecord {
  clientID?: string;
  nextToken?: string;
  timeUsed?: number;
}

/** Rotation is one token per refresh; a chain this long is not one a person made. */
const MAX_CHAIN = 20;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

const oauthError = (c: Context, status: 400 | 401, error: string, description: string) =>
  c.json({ error, error_description: description }, status, { "cache-control": "no-store" });

export async function revoke(c: Context): Promise<Response> {
  const form = await c.req.formData().catch(() => new FormData());
  const token = form.get("token");
  const clientID = form.get("client_id");
  if (clientID !== WEB_CLIENT_ID) {
    return oauthError(c, 401, "invalid_client", "Send the client_id of a known client.");
  }
  if (typeof token !== "string" || token === "") {
    return oauthError(c, 400, "invalid_request", "Send the token to revoke.");
  }
  // The hint is only a hint (RFC 7009 2.1): the token's shape says what it is.
  if (JWT.test(token)) {
    return oauthError(
      c,
      400,
      "unsupported_token_type",
      "Access tokens cannot be revoked; they expire within 15 minutes.",
    );
  }
  const at = token.lastIndexOf(":");
  const subject = token.slice(0, at);
  let next: string | undefined = token.slice(at + 1);
  if (at > 0 && next) {
    const first = await Storage.get<RefreshRecord>(storage, ["oauth:refresh", subject, next]);
    // A token issued to another client is not this client's to revoke (RFC 7009 2.1).
    if (first?.clientID !== undefined && first.clientID !== clientID) {
      return oauthError(c, 400, "unauthorized_client", "This token was issued to another client.");
    }
    for (let step = 0; next && step < MAX_CHAIN; step++) {
      const key: string[] = ["oauth:refresh", subject, next];
      const record: RefreshRecord | null | undefined =
        step === 0 ? first : await Storage.get<RefreshRecord>(storage, key);
      if (!record) break;
      await Storage.remove(storage, key);
      // Only a used token has a successor in storage; an unused one's `nextToken` is its future.
      next = record.timeUsed ? record.nextToken : undefined;
    }
  }
  // Revoked, or unknown, expired or malformed: the same answer (RFC 7009 2.2).
  return c.body(null, 200, { "cache-control": "no-store" });
}
