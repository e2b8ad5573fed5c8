/** Every route refuses a request without a valid access token: 401 `unauthorized`. */
import { beforeAll, describe, expect, test } from "vitest";
import { absentIds, callRoute, label, protectedRoutes } from "../contract/route-cases";
import { api, expectError, newPerson, type Person, stack } from "../helpers/api";
import {
  base64url as b64,
  claimsOf,
  forgeToken,
  nowSeconds,
  unsignedToken,
} from "../helpers/tokens";

let person: Person;
let refresh: string;
beforeAll(async () => {
  person = await newPerson("auth");
  const { signIn } = await import("@taskmanager/local/clients/sign-in");
  refresh = (await signIn(stack(), person.email, "correct-horse-battery")).refresh;
});

const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: stack().auth,
  aud: "web",
  sub: "user:forged",
  properties: { userId: "forged-user", email: "forged@example.com" },
  ...overrides,
});

/** The Authorization header values that must all be refused. */
async function badAuthorizations(): Promise<Array<[string, string | undefined]>> {
  const [, , realSignature] = person.token.split(".");
  const header = b64({ alg: "ES256", typ: "JWT" });
  const payload = claimsOf(person.token) as { properties: Record<string, unknown> };
  const now = nowSeconds();
  return [
    ["no Authorization header", undefined],
    ["empty", ""],
    ["Basic scheme", `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["token without scheme", person.token],
    ["Bearer with no token", "Bearer "],
    ["Bearer with two tokens", `Bearer ${person.token} ${person.token}`],
    ["garbage", "Bearer not-a-jwt"],
    ["garbage JWT shape", "Bearer aaa.bbb.ccc"],
    ["the refresh token", `Bearer ${refresh}`],
    ["signed by another key, right iss/aud", `Bearer ${await forgeToken(claims())}`],
    ["another key, wrong audience", `Bearer ${await forgeToken(claims({ aud: "mobile" }))}`],
    ["another key, expired", `Bearer ${await forgeToken(claims({ exp: now - 60 }))}`],
    ["alg none", `Bearer ${unsignedToken(claims({ exp: now + 600 }))}`],
    [
      "real signature over a changed payload",
      `Bearer ${header}.${b64({ ...payload, properties: { ...payload.properties, userId: "someone-else" } })}.${realSignature}`,
    ],
  ];
}

describe("a bad Authorization header is 401 unauthorized on every route of the table", () => {
  test("the real token works (control)", async () => {
    const response = await api("/tasks", { token: person.token });
    expect(response.status).toBe(200);
  });

  test("every bad header on every route", async () => {
    const cases = await badAuthorizations();
    for (const [what, authorization] of cases) {
      for (const route of protectedRoutes) {
        const response = await callRoute(route, absentIds(route), {
          headers: authorization === undefined ? {} : { authorization },
        });
        expect(response.status, `${what}: ${label(route)}: ${response.text}`).toBe(401);
        const error = expectError(response, 401, "unauthorized");
        expect(error.issues).toBeUndefined();
      }
    }
  });

  test("a bad token is refused before the body is looked at", async () => {
    const response = await api("/tasks", {
      method: "POST",
      body: "{not json",
      headers: { authorization: "Bearer nope" },
    });
    expectError(response, 401, "unauthorized");
  });

  test("the scheme name is case-insensitive", async () => {
    const response = await api("/tasks", { headers: { authorization: `bearer ${person.token}` } });
    expect(response.status).toBe(200);
  });
});
