/**
 * Signing out revokes the session's refresh token at the issuer (issue 18, item 9):
 * RFC 7009's `POST /revoke`. Before it, a signed-out session's refresh token still
 * bought new access tokens for 30 days.
 */
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { signIn, signUp } from "@taskmanager/local/clients/sign-in";
import { expect, test } from "vitest";
import { stack } from "../helpers/api";
import { PASSWORD, uniqueEmail } from "../helpers/issuer";

async function refresh(token: string) {
  const response = await fetch(`${stack().auth}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      client_id: WEB_CLIENT_ID,
      refresh_token: token,
    }),
  });
  const body = (await response.json()) as { refresh_token?: string; error?: string };
  return { status: response.status, body };
}

async function revoke(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${stack().auth}/revoke`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
  });
}

const revokeRefresh = (token: string) =>
  revoke({ token, token_type_hint: "refresh_token", client_id: WEB_CLIENT_ID });

test("a revoked refresh token is refused by /token; the person's other session still works", async () => {
  const email = uniqueEmail("sign-out");
  const phone = await signUp(stack(), email, PASSWORD);
  const laptop = await signIn(stack(), email, PASSWORD);

  const revoked = await revokeRefresh(laptop.refresh);
  expect(revoked.status).toBe(200);

  const refused = await refresh(laptop.refresh);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("invalid_grant");
  expect((await refresh(phone.refresh)).status).toBe(200);
});

test("revoking a token that was already rotated also revokes the tokens it was exchanged for", async () => {
  const session = await signUp(stack(), uniqueEmail("rotated"), PASSWORD);
  // Another tab refreshed: the token this tab holds is used, its successor is live.
  const rotated = await refresh(session.refresh);
  expect(rotated.status).toBe(200);
  const newest = rotated.body.refresh_token as string;

  expect((await revokeRefresh(session.refresh)).status).toBe(200);
  const refused = await refresh(newest);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("invalid_grant");
});

test("unknown, malformed and already revoked tokens answer 200, as RFC 7009 asks", async () => {
  const session = await signUp(stack(), uniqueEmail("twice"), PASSWORD);
  expect((await revokeRefresh(session.refresh)).status).toBe(200);
  expect((await revokeRefresh(session.refresh)).status).toBe(200);
  for (const token of ["user:0123456789abcdef:no-such-token", "nonsense", ":", "a:"]) {
    const response = await revokeRefresh(token);
    expect(response.status, token).toBe(200);
  }
});

test("a request without a known client, without a token, or with an access token is refused", async () => {
  const session = await signUp(stack(), uniqueEmail("refused"), PASSWORD);

  const noClient = await revoke({ token: session.refresh });
  expect(noClient.status).toBe(401);
  expect(await noClient.json()).toMatchObject({ error: "invalid_client" });
  const otherClient = await revoke({ token: session.refresh, client_id: "someone-else" });
  expect(otherClient.status).toBe(401);

  const noToken = await revoke({ client_id: WEB_CLIENT_ID });
  expect(noToken.status).toBe(400);
  expect(await noToken.json()).toMatchObject({ error: "invalid_request" });

  const access = await revoke({
    token: session.access,
    token_type_hint: "access_token",
    client_id: WEB_CLIENT_ID,
  });
  expect(access.status).toBe(400);
  expect(await access.json()).toMatchObject({ error: "unsupported_token_type" });

  // None of them touched the session.
  expect((await refresh(session.refresh)).status).toBe(200);
});

test("the web app may call it from its origin (CORS as /token), and the metadata names it", async () => {
  const origin = "http://127.0.0.1:5173";
  const preflight = await fetch(`${stack().auth}/revoke`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST" },
  });
  expect(preflight.status).toBeLessThan(300);
  expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");

  const answer = await revoke(
    { token: "nonsense", client_id: WEB_CLIENT_ID },
    { origin, "content-type": "application/x-www-form-urlencoded" },
  );
  expect(answer.headers.get("access-control-allow-origin")).toBe("*");

  const metadata = (await fetch(`${stack().auth}/.well-known/oauth-authorization-server`).then(
    (r) => r.json(),
  )) as { issuer: string; token_endpoint: string; revocation_endpoint?: string };
  expect(metadata.revocation_endpoint).toBe(`${metadata.issuer}/revoke`);
  expect(metadata.token_endpoint).toBe(`${metadata.issuer}/token`);
});
