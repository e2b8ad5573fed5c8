/**
 * The deployment smoke test (scripts/smoke.ts) run against this test run's local
 * stack, reading codes from its mailbox instead of a person's inbox, so the script
 * an operator relies on after a deploy is known to work.
 */
import { randomUUID } from "node:crypto";
import { expect, inject, test } from "vitest";
import { type SmokeOptions, smoke } from "../../../../scripts/smoke";
import { latestCode } from "../../src/clients/sign-in";

/** The smoke test against this run's stack, with the codes from its mailbox. */
function smokeLocally(overrides: Partial<SmokeOptions> = {}) {
  const stack = inject("stack");
  return smoke({
    api: stack.api,
    auth: stack.auth,
    web: stack.webOrigins[0] as string,
    email: `smoke-${randomUUID()}@example.com`,
    readCode: (email) => latestCode(stack.mail, email),
    log: () => {},
    ...overrides,
  });
}

test("the smoke test passes against a working stack, step by step", async () => {
  const lines: string[] = [];
  await smokeLocally({ log: (line) => lines.push(line) });
  expect(lines.filter((line) => line.startsWith("ok "))).toHaveLength(5);
  expect(lines.at(-1)).toBe("Smoke test passed.");
});

// An operator may paste either spelling: the outputs' issuer URL, or the Function URL
// from the console (with AWS's trailing slash), and an API URL with a base path's slash.
test("the smoke test passes with the URLs as AWS spells them, slash or none", async () => {
  const stack = inject("stack");
  await smokeLocally({ auth: stack.issuerFunction, api: `${stack.api}/` });
});

test("the smoke test fails on a wrong code, saying where", async () => {
  await expect(smokeLocally({ readCode: async () => "000000" })).rejects.toThrow(
    /Sign-in did not complete/,
  );
});

test("the smoke test fails when CORS does not name the web app", async () => {
  await expect(smokeLocally({ web: "https://not-the-web-app.example.com" })).rejects.toThrow(
    /preflight allowed/,
  );
});
