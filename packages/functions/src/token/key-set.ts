/**
 * The issuer's JSON Web Key Set, fetched once per process and kept: what jose's
 * `createRemoteJWKSet` does (the same refetch rules, the same errors), but fetched
 * with node:http(s) directly. jose's remote set builds a WHATWG `Headers` for each
 * fetch, and the first `Headers` makes Node load its whole fetch implementation
 * (undici): 10-50 ms of every cold start on this machine, more than the key set's
 * own round trip. The keys are still read and matched by jose (`createLocalJWKSet`).
 */
import * as http from "node:http";
import * as https from "node:https";
import {
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
  type KeyLike,
} from "jose";

/** jose's defaults: keys are refetched after ten minutes, or for an unknown key id at most every 30 s. */
const MAX_AGE_MS = 10 * 60_000;
const COOLDOWN_MS = 30_000;

function fetchKeySet(url: URL, timeoutMs: number): Promise<JSONWebKeySet> {
  const get = url.protocol === "https:" ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: timeoutMs }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new errors.JOSEError("Expected 200 OK from the JSON Web Key Set HTTP response"));
        return;
      }
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("error", reject);
      response.on("end", () => {
        try {
          resolve(JSON.parse(Buffer.concat(parts).toString("utf8")) as JSONWebKeySet);
        } catch {
          reject(
            new errors.JOSEError("Failed to parse the JSON Web Key Set HTTP response as JSON"),
          );
        }
      });
    });
    request.on("timeout", () => request.destroy(new errors.JWKSTimeout()));
    request.on("error", reject);
  });
}

export interface RemoteKeySet {
  /** A key getter for `jwtVerify`. */
  (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<KeyLike>;
  /** Fetches now (a fetch already under way is shared). */
  reload(): Promise<void>;
}

export function remoteKeySet(url: URL, options: { timeoutMs: number }): RemoteKeySet {
  let local: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = 0;
  let pending: Promise<void> | undefined;

  const reload = (): Promise<void> => {
    pending ??= fetchKeySet(url, options.timeoutMs)
      .then((keySet) => {
        local = createLocalJWKSet(keySet);
        fetchedAt = Date.now();
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  const getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (!local || Date.now() - fetchedAt >= MAX_AGE_MS) await reload();
    try {
      return await (local as NonNullable<typeof local>)(header, token);
    } catch (error) {
      // A key id we do not know: the issuer may have rotated its keys.
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - fetchedAt < COOLDOWN_MS) {
        throw error;
      }
      await reload();
      return (local as NonNullable<typeof local>)(header, token);
    }
  };
  return Object.assign(getKey, { reload });
}
