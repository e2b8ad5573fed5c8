/**
 * The local stack hands out its URLs in the shapes AWS gives them, so a join that
 * would break on AWS breaks here first: the HTTP API's URL without a trailing slash,
 * Function URLs (the issuer's own, the export's) with one, and the issuer as
 * `infra/auth.ts` links it, without. Each consumer's join is held where it lives
 * (the web client, the API's token check, the smoke test, the start command's list).
 */
import { joinUrl } from "@taskmanager/core/url/schema";
import { expect, inject, test } from "vitest";

const stack = inject("stack");

test("each URL has AWS's shape", () => {
  expect(stack.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(stack.issuerFunction).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(stack.export).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  // The link is the Function URL without its slash, as in AWS.
  expect(`${stack.auth}/`).toBe(stack.issuerFunction);
});

test("the issuer answers the way AWS routes it: a doubled slash is not its path", async () => {
  // What OpenAuth's client does with the raw Function URL (`issuer + "/token"`):
  // the router does not match `//token`, so an unnormalised link fails sign-in.
  const doubled = await fetch(`${stack.issuerFunction}/.well-known/jwks.json`);
  expect(doubled.status).toBe(404);
  const linked = await fetch(`${stack.auth}/.well-known/jwks.json`);
  expect(linked.status).toBe(200);
});

test("every Function URL and the API answer a path joined from either spelling", async () => {
  for (const base of [stack.issuerFunction, stack.auth]) {
    const response = await fetch(joinUrl(base, "/.well-known/oauth-authorization-server"));
    expect(response.status, base).toBe(200);
  }
  for (const base of [stack.api, `${stack.api}/`]) {
    expect((await fetch(joinUrl(base, "/openapi.json"))).status, base).toBe(200);
  }
  // The export refuses without a token, as it does on AWS: reached, not 404.
  const exported = await fetch(joinUrl(stack.export, "?format=csv"));
  expect(exported.status).toBe(401);
});
