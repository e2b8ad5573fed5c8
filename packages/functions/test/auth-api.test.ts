/** Every route refuses a request without a valid access token: 401 `unauthorized`. */
import { beforeAll, describe, expect, test } from "vitest";
import {
  api,
  expectError,
  forgeToken,
  newPerson,
  type Person,
  randomTaskId,
  stack,
} from "./helpers";

let person: Person;
let refresh: string;
beforeAll(async () => {
  person = await newPerson("auth");
  const { signIn } = await import("@taskmanager/local/sign-in");
  refresh = (await signIn(stack(), person.email, "correct-horse-battery")).refresh;
});

const routes = () => {
  const id = randomTaskId();
  return [
    ["POST", "/tasks", { title: "x" }],
    ["GET", "/tasks", undefined],
    ["GET", `/tasks/${id}`, undefined],
    ["PATCH", `/tasks/${id}`, { version: 1, title: "x" }],
    ["DELETE", `/tasks/${id}`, undefined],
  ] as const;
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: stack().auth,
  aud: "web",
  sub: "user:forged",
  properties: { userId: "forged-user", email: "forged@example.com" },
  ...overrides,
});

/** The Authorization header values that must all be refused. */
async function badAuthorizations(): Promise<Array<[string, string | undefined]>> {
  const [, realPayload, realSignature] = person.token.split(".");
  const header = b64({ alg: "ES256", typ: "JWT" });
  const payload = JSON.parse(Buffer.from(realPayload as string, "base64url").toString());
  const now = Math.floor(Date.now() / 1000);
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
    ["another key, expired", `Bearer ${await forgeToken(claims(), { expiresAt: now - 60 })}`],
    ["alg none", `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims({ exp: now + 600 }))}.`],
    [
      "real signature over a changed payload",
      `Bearer ${header}.${b64({ ...payload, properties: { ...payload.properties, userId: "someone-else" } })}.${realSignature}`,
    ],
  ];
}

describe("a bad Authorization header is 401 unauthorized on every route", () => {
  test("the real token works (control)", async () => {
    const response = await api("/tasks", { token: person.token });
    expect(response.status).toBe(200);
  });

  test("every bad header on every route", async () => {
    const cases = await badAuthorizations();
    for (const [what, authorization] of cases) {
      for (const [method, path, body] of routes()) {
        const response = await api(path, {
          method,
          body,
          headers: authorization === undefined ? {} : { authorization },
        });
        expect(response.status, `${what}: ${method} ${path}: ${response.text}`).toBe(401);
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
