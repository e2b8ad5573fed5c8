/**
 * The issuer sends a browser only to the web app's exact callback (issue 7, items
 * 1-3): invalid clients and redirect URIs get a 400 page of its own, never a
 * redirect; PKCE with S256 is required at /authorize and at /token.
 */
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { REDIRECT_URI } from "@taskmanager/local/clients/sign-in";
import { describe, expect, test } from "vitest";
import { isAllowedLocation } from "../../src/issuer/redirects";
import { stack } from "../helpers/api";
import {
  authorizeQuery,
  existingAccount,
  expectPage,
  PASSWORD,
  startedSession,
} from "../helpers/issuer";

const authorize = (changes: Record<string, string | undefined>) =>
  fetch(`${stack().auth}/authorize?${authorizeQuery(changes)}`, { redirect: "manual" });

const BAD_REDIRECTS = [
  "https://evil.example/cb",
  "http://127.0.0.1.evil.example/callback",
  "http://127.0.0.1:5173@evil.example/callback",
  "http://evil.example@127.0.0.1:5173/callback",
  "http://evil.example@127.0.0.1/cb",
  "javascript://localhost/%0Aalert(document.domain)",
  "myapp://127.0.0.1/cb",
  "https://127.0.0.1/x",
  "https://127.0.0.1:5173/callback",
  "http://127.0.0.1:5174/callback",
  "http://localhost:5173/callback",
  "http://127.0.0.1:5173/",
  "http://127.0.0.1:5173/callback/../evil",
  "http://127.0.0.1:5173/callbackx",
  "http://127.0.0.1:5173\\@evil.example/callback",
  "//evil.example/cb",
  "/callback",
  "not a url",
  "",
];

describe("an authorization request the issuer must not redirect", () => {
  test.each(BAD_REDIRECTS)("redirect_uri %j is a 400 page of the issuer's own", async (uri) => {
    const text = await expectPage(await authorize({ redirect_uri: uri }), 400);
    expect(text).toContain("This sign-in link does not work");
  });

  test.each([
    ["an unknown client", { client_id: "evil" }],
    ["a missing client", { client_id: undefined }],
    ["a missing redirect_uri", { redirect_uri: undefined }],
    [
      "an unknown client with an evil redirect",
      { client_id: "x", redirect_uri: "https://evil.example/cb" },
    ],
  ])("%s is a 400 page of the issuer's own", async (_, changes) => {
    await expectPage(await authorize(changes), 400);
  });

  test("an evil redirect with no response type, no PKCE and no provider is still a 400 page", async () => {
    const query = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      redirect_uri: "https://evil.example/cb",
    });
    await expectPage(
      await fetch(`${stack().auth}/authorize?${query}`, { redirect: "manual" }),
      400,
    );
  });
});

describe("PKCE and the response type, on an allowed redirect", () => {
  const refusedBack = async (changes: Record<string, string | undefined>, error: string) => {
    const response = await authorize(changes);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("state")).toBe("s1");
    expect(location.searchParams.get("code")).toBeNull();
  };

  test("no code_challenge is refused", () =>
    refusedBack({ code_challenge: undefined }, "invalid_request"));
  test("no code_challenge_method is refused", () =>
    refusedBack({ code_challenge_method: undefined }, "invalid_request"));
  test("the plain method is refused", () =>
    refusedBack({ code_challenge_method: "plain" }, "invalid_request"));
  test("a malformed challenge is refused", () =>
    refusedBack({ code_challenge: "short" }, "invalid_request"));
  test("the implicit flow is refused", () =>
    refusedBack({ response_type: "token" }, "unsupported_response_type"));

  test("a valid request goes on to the sign-in page", async () => {
    const response = await authorize({});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/password/authorize");
  });

  test("prompt=create goes straight to registration", async () => {
    const response = await authorize({ prompt: "create" });
    expect(response.headers.get("location")).toBe("/password/register");
  });
});

describe("the token exchange", () => {
  async function codeAfterSignIn() {
    const email = await existingAccount("pkce");
    const session = await startedSession();
    const response = await session.request("/password/authorize", { email, password: PASSWORD });
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    return { session, code: location.searchParams.get("code") ?? "" };
  }

  const exchange = (form: Record<string, string>) =>
    fetch(`${stack().auth}/token`, { method: "POST", body: new URLSearchParams(form) });

  const exchangeFor = (code: string, verifier?: string) =>
    exchange({
      grant_type: "authorization_code",
      client_id: WEB_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code,
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
    });

  test("without the code_verifier is refused; the right verifier then gives tokens", async () => {
    const { session, code } = await codeAfterSignIn();
    const refused = await exchangeFor(code);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("invalid_request");
    const response = await exchangeFor(code, session.pkce.verifier);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("access_token");
  });

  test("a wrong verifier is refused", async () => {
    const { code } = await codeAfterSignIn();
    const wrong = await exchangeFor(code, "x".repeat(43));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()) as object).not.toHaveProperty("access_token");
  });

  test("an unknown grant type is a 400, not a 500", async () => {
    const response = await exchange({ grant_type: "client_credentials", client_id: WEB_CLIENT_ID });
    expect(response.status).toBe(400);
    const noBody = await fetch(`${stack().auth}/token`, { method: "POST", body: "{}" });
    expect(noBody.status).toBe(400);
  });
});

describe("the last check on every answer's Location", () => {
  test.each([
    "/password/authorize",
    "/password/register",
    `${REDIRECT_URI}?code=abc&state=s1`,
    `${REDIRECT_URI}?error=access_denied`,
  ])("%j may be answered", (location) => {
    expect(isAllowedLocation(location)).toBe(true);
  });

  test.each([
    ...BAD_REDIRECTS.filter((uri) => uri !== "/callback"),
    "//evil.example/password/authorize",
    "/\\evil.example",
    "/\t/evil.example",
    "https://evil.example/callback?code=abc",
    `${REDIRECT_URI.replace("http://", "http://user:pass@")}?code=abc`,
  ])("%j may not", (location) => {
    expect(isAllowedLocation(location)).toBe(false);
  });
});
