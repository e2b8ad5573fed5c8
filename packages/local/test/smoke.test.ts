/**
 * The deployment smoke test (scripts/smoke.ts) run against this test run's local
 * stack, reading codes from its mailbox instead of a person's inbox, so the script
 * an operator relies on after a deploy is known to work.
 */
import { randomUUID } from "node:crypto";
import { expect, inject, test } from "vitest";
import { smoke } from "../../../scripts/smoke";
import { latestCode } from "../src/sign-in";

test("the smoke test passes against a working stack, step by step", async () => {
  const stack = inject("stack");
  const lines: string[] = [];
  await smoke({
    api: stack.api,
    auth: stack.auth,
    web: stack.webOrigins[0] as string,
    email: `smoke-${randomUUID()}@example.com`,
    readCode: (email) => latestCode(stack.mail, email),
    log: (line) => lines.push(line),
  });
  expect(lines.filter((line) => line.startsWith("ok "))).toHaveLength(5);
  expect(lines.at(-1)).toBe("Smoke test passed.");
});

test("the smoke test fails on a wrong code, saying where", async () => {
  const stack = inject("stack");
  await expect(
    smoke({
      api: stack.api,
      auth: stack.auth,
      web: stack.webOrigins[0] as string,
      email: `smoke-${randomUUID()}@example.com`,
      readCode: async () => "000000",
      log: () => {},
    }),
  ).rejects.toThrow(/Sign-in did not complete/);
});

test("the smoke test fails when CORS does not name the web app", async () => {
  const stack = inject("stack");
  await expect(
    smoke({
      api: stack.api,
      auth: stack.auth,
      web: "https://not-the-web-app.example.com",
      email: `smoke-${randomUUID()}@example.com`,
      readCode: (email) => latestCode(stack.mail, email),
      log: () => {},
    }),
  ).rejects.toThrow(/preflight allowed/);
});
