/**
 * The issuer's key set is fetched while a handler initialises (when `authedRoute`
 * builds it), and kept: no request waits for the JWKS round trip, and warm
 * requests never fetch it again. Verified tokens are remembered, never past expiry.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type KeyLike } from "jose";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { nowSeconds, signToken } from "../helpers/tokens";

let server: Server;
let issuer: string;
let signingKey: KeyLike;
let jwksFetches = 0;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  signingKey = privateKey as KeyLike;
  const jwk = { ...(await exportJWK(publicKey)), kid: "prefetch-key", alg: "ES256", use: "sig" };
  server = createServer((req, res) => {
    if (req.url !== "/.well-known/jwks.json") return void res.writeHead(404).end();
    jwksFetches++;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.SST_RESOURCE_Auth = JSON.stringify({ url: issuer, type: "sst.sst.Linkable" });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** An access token from this test's issuer, for `properties`. */
const userToken = (properties: { userId: string; email: string }, exp = nowSeconds() + 300) =>
  signToken(
    { mode: "access", type: "user", properties, iss: issuer, aud: "web", exp },
    { key: signingKey, kid: "prefetch-key" },
  );

test("building an authed handler fetches the JWKS once; requests reuse it", async () => {
  const { authedRoute } = await import("../../src/http/handler");
  const route = {
    method: "GET",
    path: "/me",
    handler: "test",
    access: [],
    role: "self",
    summary: "who is asking",
    response: { status: 200, description: "the subject" },
  } as const;
  const handler = authedRoute(route, async ({ user }) => ({ status: 200, body: user }));
  // Before any request: the fetch started when the handler was made.
  await expect.poll(() => jwksFetches, { timeout: 10_000 }).toBe(1);

  const token = await userToken({ userId: "01PREFETCH", email: "p@example.com" });
  const event = { headers: { authorization: `Bearer ${token}` }, routeKey: "GET /me" };
  for (let i = 0; i < 3; i++) {
    // biome-ignore lint/suspicious/noExplicitAny: a minimal API Gateway event
    const result = await handler(event as any);
    expect(result.statusCode).toBe(200);
  }
  expect(jwksFetches).toBe(1);
});

test("a remembered token is still refused once it expires", async () => {
  const { authenticate } = await import("../../src/token/verify");
  const expiresAt = nowSeconds() + 60;
  const token = await userToken({ userId: "01EXPIRES", email: "e@example.com" }, expiresAt);
  expect(await authenticate(`Bearer ${token}`)).toMatchObject({ userId: "01EXPIRES" });
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime((expiresAt + 1) * 1000);
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      code: "unauthorized",
      message: "The access token has expired.",
    });
  } finally {
    vi.useRealTimers();
  }
});
