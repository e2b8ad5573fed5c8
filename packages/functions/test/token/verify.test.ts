/**
 * `authenticate` against an issuer of our own (a JWKS server with a key we hold),
 * so that tokens that are validly signed but wrong in one claim can be made.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { VisibleError } from "@taskmanager/core/error";
import { exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { nowSeconds as now, signToken, unsignedToken } from "../helpers/tokens";

let server: Server;
let issuer: string;
let signingKey: KeyLike;
let authenticate: typeof import("../../src/token/verify").authenticate;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  signingKey = privateKey as KeyLike;
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "ES256", use: "sig" };
  server = createServer((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // `Resource` reads its variables on first use: set before the module is loaded.
  process.env.SST_RESOURCE_Auth = JSON.stringify({ url: `${issuer}/`, type: "sst.sst.Linkable" });
  ({ authenticate } = await import("../../src/token/verify"));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const subject = { userId: "01USER", email: "u@example.com" };

async function token(
  overrides: JWTPayload = {},
  options: { key?: KeyLike; kid?: string; exp?: number } = {},
) {
  return signToken(
    {
      mode: "access",
      type: "user",
      properties: subject,
      iss: issuer,
      aud: "web",
      sub: "user:01USER",
      exp: options.exp ?? now() + 600,
      ...overrides,
    },
    { key: options.key ?? signingKey, kid: options.kid ?? "test-key" },
  );
}

async function refusal(authorization: string | undefined): Promise<VisibleError> {
  const error = await authenticate(authorization).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VisibleError);
  expect(error).toMatchObject({ code: "unauthorized" });
  return error as VisibleError;
}

describe("authenticate", () => {
  test("a valid access token gives its subject", async () => {
    expect(await authenticate(`Bearer ${await token()}`)).toEqual(subject);
    expect(await authenticate(`bearer   ${await token()}`)).toEqual(subject);
  });

  test("an expired token is refused as expired", async () => {
    const error = await refusal(`Bearer ${await token({}, { exp: now() - 120 })}`);
    expect(error.message).toMatch(/expired/i);
  });

  test.each([
    ["wrong audience", { aud: "mobile" }],
    ["no audience", { aud: undefined }],
    ["wrong issuer", { iss: "http://127.0.0.1:1" }],
    ["issuer with a path", { iss: "http://evil.example/" }],
    ["a refresh-mode token", { mode: "refresh" }],
    ["another subject type", { type: "admin" }],
    ["no properties", { properties: undefined }],
    ["properties without a user id", { properties: { email: "u@example.com" } }],
    ["an empty user id", { properties: { userId: "", email: "u@example.com" } }],
    ["not yet valid", { nbf: now() + 3600 }],
  ])("%s is refused", async (_, overrides) => {
    await refusal(`Bearer ${await token(overrides as JWTPayload)}`);
  });

  test("a token signed by another key with the same kid is refused", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    await refusal(`Bearer ${await token({}, { key: privateKey as KeyLike })}`);
  });

  test("an unsigned (alg none) token is refused", async () => {
    const unsigned = unsignedToken(
      {
        mode: "access",
        type: "user",
        properties: subject,
        iss: issuer,
        aud: "web",
        exp: now() + 600,
      },
      { kid: "test-key" },
    );
    await refusal(`Bearer ${unsigned}`);
  });

  test.each([undefined, "", "Bearer", "Bearer ", "Basic abc", "token", "Bearer a b"])(
    "Authorization %j is refused",
    async (authorization) => {
      await refusal(authorization);
    },
  );
});
