/**
 * The issuer with its storage down: DynamoDB killed (connections refused) or frozen
 * (connections accepted, nothing answered). An OAuth client takes a 4xx from the
 * token endpoint as "this refresh token is dead" and signs the person out, so
 * during an outage the token endpoint answers 503 with RFC 6749's JSON error
 * (`temporarily_unavailable`), like the API within 3 s, and never a page or a 4xx.
 * The issuer's app runs in this process, its DynamoDB endpoint pointed at the fault.
 */
import net from "node:net";
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

/** The API's promise (packages/local/test/stack/faults.test.ts), with room for a busy machine. */
const ANSWER_WITHIN_MS = 3_500;

const sockets = new Set<net.Socket>();
let frozen: net.Server;
let deadPort = 0;

beforeAll(async () => {
  // Accepts and never answers, like a SIGSTOPped DynamoDB Local.
  frozen = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => frozen.listen(0, "127.0.0.1", resolve));
  // A port nothing listens on: connections are refused, like a killed one.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  deadPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => frozen?.close(resolve));
});

async function issuerAgainst(endpoint: string) {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  vi.resetModules();
  const { app } = await import("../../src/issuer/issuer");
  return app;
}

const faults = {
  killed: () => `http://127.0.0.1:${deadPort}`,
  frozen: () => `http://127.0.0.1:${(frozen.address() as net.AddressInfo).port}`,
};

describe.each(Object.entries(faults))("DynamoDB %s", (_, endpoint) => {
  test("refreshing a token is a quick 503 with OAuth's JSON error, not a 400 page", async () => {
    const app = await issuerAgainst(endpoint());
    const started = Date.now();
    const response = await app.request("/token", {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: WEB_CLIENT_ID,
        refresh_token: "user:0123456789abcdef:0123456789abcdef",
      }),
    });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
  });

  test("revoking a token (signing out) is a quick 503 with OAuth's JSON error", async () => {
    const app = await issuerAgainst(endpoint());
    const started = Date.now();
    const response = await app.request("/revoke", {
      method: "POST",
      body: new URLSearchParams({
        token: "user:0123456789abcdef:0123456789abcdef",
        token_type_hint: "refresh_token",
        client_id: WEB_CLIENT_ID,
      }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  });

  test("the key set is a quick 503 with a JSON error", async () => {
    const app = await issuerAgainst(endpoint());
    const started = Date.now();
    const response = await app.request("/.well-known/jwks.json");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  });
});
