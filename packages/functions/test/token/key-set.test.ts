/** The issuer's key set: fetched once and kept, refetched for a rotated key, jose's errors on failure. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { errors, exportJWK, generateKeyPair, type JWK } from "jose";
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { remoteKeySet } from "../../src/token/key-set";

let server: Server;
let url: URL;
let fetches = 0;
let answer: (res: import("node:http").ServerResponse) => void;

const keyWithId = async (kid: string): Promise<JWK> => {
  const { publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
};
const serveKeys = (keys: JWK[]) => (res: import("node:http").ServerResponse) =>
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys }));

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`);
});
afterEach(() => {
  vi.useRealTimers();
  fetches = 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const header = (kid: string) => ({ alg: "ES256", kid });
const token = { payload: "", signature: "" };

test("keys are fetched once and kept; an unknown key id refetches only after the cooldown", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  answer = serveKeys([await keyWithId("a")]);
  const keys = remoteKeySet(url, { timeoutMs: 2_000 });
  await Promise.all([keys(header("a"), token), keys(header("a"), token), keys.reload()]);
  expect(fetches).toBe(1);

  // The issuer rotates to key "b": right after a fetch, an unknown id is refused as is.
  answer = serveKeys([await keyWithId("b")]);
  await expect(keys(header("b"), token)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  expect(fetches).toBe(1);
  vi.setSystemTime(Date.now() + 31_000);
  await expect(keys(header("b"), token)).resolves.toBeDefined();
  expect(fetches).toBe(2);
  // Kept for ten minutes, then refetched.
  vi.setSystemTime(Date.now() + 11 * 60_000);
  await keys(header("b"), token);
  expect(fetches).toBe(3);
});

test("a failing issuer gives jose's errors: not 200, not JSON, too slow", async () => {
  answer = (res) => res.writeHead(500).end("no");
  await expect(remoteKeySet(url, { timeoutMs: 2_000 }).reload()).rejects.toThrow(/Expected 200 OK/);
  answer = (res) => res.writeHead(200).end("{not json");
  await expect(remoteKeySet(url, { timeoutMs: 2_000 }).reload()).rejects.toBeInstanceOf(
    errors.JOSEError,
  );
  answer = () => {};
  await expect(remoteKeySet(url, { timeoutMs: 200 }).reload()).rejects.toBeInstanceOf(
    errors.JWKSTimeout,
  );
});
