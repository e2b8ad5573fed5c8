/**
 * A new password may not be one of the most common ones (issue 18, item 9): the
 * issuer accepted "12345678". Sign-up and the password reset refuse them with a
 * message next to the password field, tied to it for assistive technology.
 */
import { describe, expect, test } from "vitest";
import { COMMON_PASSWORD } from "../../src/issuer/password/form";
import {
  codeFor,
  existingAccount,
  expectPage,
  startedSession,
  submitRegistration,
  uniqueEmail,
} from "../helpers/issuer";

const COMMON = ["12345678", "password1", "Password1", "iloveyou", "qwerty123"];
const STRONG = "plum-orbit-lantern-47";

/** The password field's error as the page ties it to the field (aria-describedby), if any. */
function passwordFieldError(html: string): string | null {
  const input = /<input id="field-password"[^>]*>/.exec(html)?.[0] ?? "";
  if (!input.includes('aria-invalid="true"')) return null;
  const described = /aria-describedby="([^"]*)"/.exec(input)?.[1]?.split(" ") ?? [];
  expect(described).toContain("field-password-error");
  const message = /<p class="error" id="field-password-error">([^<]*)<\/p>/.exec(html)?.[1];
  return message?.replace(/&#39;/g, "'") ?? null;
}

describe("signing up", () => {
  test.each(COMMON)(
    "%s is refused, with the reason next to the password field",
    async (password) => {
      const session = await startedSession();
      const response = await submitRegistration(session, {
        email: uniqueEmail("common"),
        password,
      });
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(passwordFieldError(html)).toBe(COMMON_PASSWORD);
      expect(html).not.toContain("We sent a 6-digit code");
    },
  );

  test("a strong password goes on to the emailed code", async () => {
    const session = await startedSession();
    const email = uniqueEmail("strong");
    const response = await submitRegistration(session, { email, password: STRONG });
    expect(await expectPage(response, 200)).toContain(`We sent a 6-digit code to ${email}`);
  });
});

describe("resetting a password", () => {
  test("a common new password is refused next to the field; a strong one is saved", async () => {
    const email = await existingAccount("reset-common");
    const session = await startedSession();
    await session.request("/password/change");
    await session.request("/password/change", { action: "code", email });
    await session.request("/password/change", { action: "verify", code: await codeFor(email) });

    const refused = await session.request("/password/change", {
      action: "update",
      password: "12345678",
      repeat: "12345678",
    });
    const html = await refused.text();
    expect(refused.status).toBe(400);
    expect(html).toContain("Choose a new password");
    expect(passwordFieldError(html)).toBe(COMMON_PASSWORD);

    const saved = await session.request("/password/change", {
      action: "update",
      password: STRONG,
      repeat: STRONG,
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toMatch(/\/password\/authorize\?reset=done$/);
  });
});
