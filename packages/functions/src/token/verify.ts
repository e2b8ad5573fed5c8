/**
 * The one place an access token is checked: signature (against the issuer's
 * JWKS), issuer, audience, expiry, and the subject's shape.
 */
import { UserSubject, WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { VisibleError } from "@taskmanager/core/error";
import { issuerUrlFrom, joinUrl } from "@taskmanager/core/url/schema";
import { errors, jwtVerify } from "jose";
import { Resource } from "sst";
import { type RemoteKeySet, remoteKeySet } from "./key-set";

let verifier: { issuer: string; jwks: RemoteKeySet } | undefined;

/**
 * The issuer and its key set, made once per process. The fetched keys are kept for
 * the process's life (refetched after ten minutes, or for an unknown key id), so
 * warm invocations never fetch.
 */
function getVerifier() {
  if (!verifier) {
    const issuer = issuerUrlFrom(Resource.Auth.url);
    const jwks = remoteKeySet(joinUrl(issuer, "/.well-known/jwks.json"), { timeoutMs: 3_000 });
    verifier = { issuer, jwks };
  }
  return verifier;
}

/**
 * Starts fetching the key set while the function initialises (`authedRoute` calls
 * this when the handler module is loaded), so a cold start's first request finds it
 * fetched, or in flight (the pending fetch is shared), instead of paying a round
 * trip to the issuer. A failure here is not final: the first request fetches again
 * and reports the issuer's state then.
 */
export function prefetchKeys(): void {
  // Only where the links are complete at load time (a Lambda, or a process given the
  // Auth link up front): reading `Resource` earlier would freeze it without them.
  if (!process.env.AWS_LAMBDA_FUNCTION_NAME && !process.env.SST_RESOURCE_Auth) return;
  try {
    getVerifier()
      .jwks.reload()
      .catch(() => {});
  } catch {
    verifier = undefined;
  }
}

const unauthorized = (message: string) => new VisibleError("unauthorized", message);

/**
 * Tokens this process has verified, so a person's next requests skip the ECDSA check
 * (the largest share of a warm request's own CPU). An entry lasts until the token's
 * expiry, and at most five minutes, the same order as the key set's own caching;
 * the map is bounded, oldest first out.
 */
const verified = new Map<string, { subject: UserSubject; until: number }>();
const VERIFIED_MAX = 1_000;
const VERIFIED_FOR_MS = 5 * 60_000;

function remember(token: string, subject: UserSubject, expiresAtSeconds: number | undefined) {
  if (expiresAtSeconds === undefined) return;
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(token, {
    subject,
    until: Math.min(expiresAtSeconds * 1000, Date.now() + VERIFIED_FOR_MS),
  });
}

export async function authenticate(authorization: string | undefined): Promise<UserSubject> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw unauthorized("Sign in: send Authorization: Bearer <access token>.");
  const known = verified.get(token);
  if (known && Date.now() < known.until) return known.subject;
  verified.delete(token);
  const { issuer, jwks } = getVerifier();
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer, audience: WEB_CLIENT_ID });
    const subject = UserSubject.safeParse(payload.properties);
    if (payload.mode !== "access" || payload.type !== "user" || !subject.success) {
      throw unauthorized("The token is not an access token for a user.");
    }
    remember(token, subject.data, payload.exp);
    return subject.data;
  } catch (error) {
    if (error instanceof VisibleError) throw error;
    if (error instanceof errors.JWTExpired) throw unauthorized("The access token has expired.");
    if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
      throw unauthorized("The access token is not valid.");
    }
    // The issuer is unreachable: a 503, not the caller's fault.
    throw new VisibleError("unavailable", "Sign-in is unavailable; try again shortly.");
  }
}
