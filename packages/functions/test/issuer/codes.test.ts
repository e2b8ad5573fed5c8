/**
 * Emailed codes cannot be guessed (issue 7, item 4): five wrong attempts and the
 * code is dead, also when the browser's state cookie is replayed; new codes are
 * limited per address; the same holds for the password-reset code. And only email
 * addresses register (item 7), refused on the form itself.
 */
import { IssuerSession } from "@taskmanager/local/clients/sign-in";
import { describe, expect, test } from "vitest";
import { stack } from "../helpers/api";
import {
  codeFor,
  existingAccount,
  expectPage,
  mailCount,
  PASSWORD,
  registerUntilCode,
  startedSession,
  submitRegistration,
  uniqueEmail,
  wrongCode,
} from "../helpers/issuer";

const DEAD = "This code no longer works";

const isSignedIn = (response: Response) =>
  response.status === 302 && (response.headers.get("location") ?? "").includes("code=");

/** A second browser carrying exactly the cookies `session` has now (a replayed state). */
function replayOf(session: IssuerSession): IssuerSession {
  const copy = new IssuerSession(stack().auth);
  for (const [name, value] of session.cookies) copy.cookies.set(name, value);
  return copy;
}

describe("the sign-up code", () => {
  test("five wrong codes, then the right one is refused: the code is dead", async () => {
    const email = uniqueEmail("guess");
    const session = await registerUntilCode(email);
    const replay = replayOf(session);
    const code = await codeFor(email);
    for (let left = 4; left >= 0; left--) {
      const response = await session.request("/password/register", {
        action: "verify",
        code: wrongCode(code),
      });
      const text = await expectPage(response, 400);
      expect(text).toContain(left > 0 ? `That code is not right. ${left}` : DEAD);
    }
    expect(
      await expectPage(
        await session.request("/password/register", { action: "verify", code }),
        400,
      ),
    ).toContain(DEAD);
    // The state cookie from before the guesses does not bring the attempts back.
    expect(
      await expectPage(await replay.request("/password/register", { action: "verify", code }), 400),
    ).toContain(DEAD);
  });

  test("parallel guesses share one count: at most five are checked", async () => {
    const email = uniqueEmail("parallel");
    const session = await registerUntilCode(email);
    const code = await codeFor(email);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () =>
        session.request("/password/register", { action: "verify", code: wrongCode(code) }),
      ),
    );
    const texts = await Promise.all(guesses.map((response) => expectPage(response, 400)));
    expect(
      texts.filter((text) => text.includes("That code is not right")).length,
    ).toBeLessThanOrEqual(4);
    expect(
      await expectPage(
        await session.request("/password/register", { action: "verify", code }),
        400,
      ),
    ).toContain(DEAD);
  });

  test("a new code after a dead one works; the right code signs the person up", async () => {
    const email = uniqueEmail("resend");
    const session = await registerUntilCode(email);
    const first = await codeFor(email);
    for (let i = 0; i < 5; i++)
      await session.request("/password/register", { action: "verify", code: wrongCode(first) });
    const resent = await session.request("/password/register", { action: "resend" });
    expect(await expectPage(resent, 200)).toContain(`We sent a new code to ${email}`);
    const second = await codeFor(email);
    expect(
      isSignedIn(await session.request("/password/register", { action: "verify", code: second })),
    ).toBe(true);
  });

  test("a used code cannot register again from a replayed state", async () => {
    const email = uniqueEmail("replay");
    const session = await registerUntilCode(email);
    const replay = replayOf(session);
    const code = await codeFor(email);
    expect(
      isSignedIn(await session.request("/password/register", { action: "verify", code })),
    ).toBe(true);
    expect(isSignedIn(await replay.request("/password/register", { action: "verify", code }))).toBe(
      false,
    );
  });

  test("new codes are limited per address: the sixth within the hour is refused", async () => {
    const email = uniqueEmail("sends");
    const session = await registerUntilCode(email);
    for (let i = 0; i < 4; i++) {
      expect(
        await expectPage(await session.request("/password/register", { action: "resend" }), 200),
      ).toContain("We sent a new code");
    }
    const refused = await session.request("/password/register", { action: "resend" });
    expect(await expectPage(refused, 400)).toContain("We sent too many codes to this address");
    // Starting over in another browser does not get around it.
    const other = await startedSession();
    const again = await submitRegistration(other, { email });
    expect(await expectPage(again, 429)).toContain("We sent too many codes to this address");
    expect(await mailCount(email)).toBe(5);
  });
});

describe("registration does not tell who has an account", () => {
  /** The mail `email` received last. */
  const lastMail = async (email: string) => {
    const response = await fetch(`${stack().mail}/mailbox/${encodeURIComponent(email)}`);
    const { messages } = (await response.json()) as {
      messages: { subject: string; text: string }[];
    };
    return messages.at(-1);
  };
  /** A page's text with the address it names taken out, to compare two addresses' pages. */
  const withoutAddress = (text: string, email: string) => text.replaceAll(email, "<email>");

  test("an address with an account gets the new address's page, and its owner a notice, no code", async () => {
    const owner = await existingAccount("taken");
    const newcomer = uniqueEmail("fresh");
    const pages = await Promise.all(
      [owner, newcomer].map(async (email) => {
        const response = await submitRegistration(await startedSession(), { email });
        return withoutAddress(await expectPage(response, 200), email);
      }),
    );
    expect(pages[0]).toEqual(pages[1]);
    expect(pages[0]).toContain("We sent a 6-digit code to <email>");
    const notice = await lastMail(owner);
    expect(notice?.subject).toBe("Your Taskmanager account already exists");
    expect(`${notice?.subject} ${notice?.text}`).not.toMatch(/\d{6}/);
  });

  test("no code registers over it, and asking again sends a notice again, not a code", async () => {
    const owner = await existingAccount("taken-again");
    const signUpCode = await codeFor(owner);
    const session = await registerUntilCode(owner);
    const resent = await session.request("/password/register", { action: "resend" });
    expect(await expectPage(resent, 200)).toContain(`We sent a new code to ${owner}`);
    expect((await lastMail(owner))?.subject).toBe("Your Taskmanager account already exists");
    // Neither the code the owner once signed up with nor any other takes the account.
    for (const code of [signUpCode, "000000", wrongCode(signUpCode)]) {
      const tried = await session.request("/password/register", { action: "verify", code });
      expect(isSignedIn(tried)).toBe(false);
    }
    // The owner's password still works.
    const browser = await startedSession();
    expect(
      isSignedIn(
        await browser.request("/password/authorize", { email: owner, password: PASSWORD }),
      ),
    ).toBe(true);
  });
});

describe("the password-reset code", () => {
  async function resetUntilCode(email: string) {
    const session = await startedSession();
    await session.request("/password/change");
    const response = await session.request("/password/change", { action: "code", email });
    expect(await expectPage(response, 200)).toContain(`If an account uses ${email}`);
    return session;
  }

  test("five wrong codes and the right one is refused: no takeover by guessing", async () => {
    const email = await existingAccount("reset-guess");
    const session = await resetUntilCode(email);
    const code = await codeFor(email);
    for (let i = 0; i < 5; i++)
      await session.request("/password/change", { action: "verify", code: wrongCode(code) });
    expect(
      await expectPage(await session.request("/password/change", { action: "verify", code }), 400),
    ).toContain(DEAD);
  });

  test("the right code sets a new password, once; the old one stops working", async () => {
    const email = await existingAccount("reset-ok");
    const session = await resetUntilCode(email);
    const replay = replayOf(session);
    const code = await codeFor(email);
    expect(
      await expectPage(await session.request("/password/change", { action: "verify", code }), 200),
    ).toContain("Choose a new password");
    const afterVerify = replayOf(session);
    const saved = await session.request("/password/change", {
      action: "update",
      password: "a-new-password",
      repeat: "a-new-password",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/password/authorize?reset=done");
    // Neither state cookie sets the password a second time.
    const again = await afterVerify.request("/password/change", {
      action: "update",
      password: "attacker-pass",
      repeat: "attacker-pass",
    });
    expect(await expectPage(again, 400)).toContain(DEAD);
    expect(
      await expectPage(await replay.request("/password/change", { action: "verify", code }), 200),
    ).toContain("Choose a new password");
    const replayed = await replay.request("/password/change", {
      action: "update",
      password: "attacker-pass",
      repeat: "attacker-pass",
    });
    expect(replayed.status).not.toBe(303);

    const signIn = async (password: string) => {
      const browser = await startedSession();
      return isSignedIn(await browser.request("/password/authorize", { email, password }));
    };
    expect(await signIn("a-new-password")).toBe(true);
    expect(await signIn(PASSWORD)).toBe(false);
    expect(await signIn("attacker-pass")).toBe(false);
  });

  test("an address without an account gets the same page and no mail", async () => {
    const email = uniqueEmail("nobody");
    await resetUntilCode(email);
    expect(await mailCount(email)).toBe(0);
  });
});

describe("only email addresses register", () => {
  test.each(["not-an-email", "ann@", "@example.com", "ann example@example.com", ""])(
    "%j is refused on the form, next to the field, and nothing is sent",
    async (email) => {
      const session = await startedSession();
      const response = await submitRegistration(session, { email });
      const html = await response.clone().text();
      expect(await expectPage(response, 400)).toContain(
        "Enter an email address, like ann@example.com.",
      );
      expect(html).toMatch(
        /<input id="field-email"[^>]*aria-invalid="true"[^>]*aria-describedby="field-email-error"/,
      );
      expect(html).not.toContain("Check your email");
      if (email) expect(await mailCount(email)).toBe(0);
    },
  );

  test("the address is kept as typed for correcting it", async () => {
    const session = await startedSession();
    const response = await submitRegistration(session, { email: "ann<b>@x" });
    const html = await response.text();
    expect(html).toContain('value="ann&lt;b&gt;@x"');
    expect(html).not.toContain("<b>");
  });

  test("short and mismatched passwords are errors next to their fields", async () => {
    const session = await startedSession();
    const short = await submitRegistration(session, {
      email: uniqueEmail("pw"),
      password: "short",
    });
    expect(await short.text()).toMatch(/id="field-password-error">Use at least 8 characters/);
    const mismatch = await submitRegistration(session, {
      email: uniqueEmail("pw"),
      repeat: `${PASSWORD}x`,
    });
    expect(await mismatch.text()).toMatch(
      /id="field-repeat-error">The two passwords are not the same/,
    );
  });

  test.each(["/password/authorize", "/password/register", "/password/change"])(
    "a body that is not a form, posted to %s, is answered with the form, not a 500",
    async (path) => {
      const response = await fetch(`${stack().auth}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not json",
      });
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    },
  );

  test("a sign-in with something that is not an email is a field error, not a password check", async () => {
    const session = await startedSession();
    const response = await session.request("/password/authorize", {
      email: "not-an-email",
      password: PASSWORD,
    });
    expect(await expectPage(response, 400)).toContain("Enter an email address");
  });
});
