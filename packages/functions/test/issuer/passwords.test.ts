/**
 * Password guessing is throttled per account and per client address, with the
 * counters in the issuer's DynamoDB storage (issue 7, item 5), and an unknown
 * email costs what a known one does (item 6).
 */
import { randomInt } from "node:crypto";
import { IssuerSession } from "@taskmanager/local/clients/sign-in";
import { describe, expect, test } from "vitest";
import { stack } from "../helpers/api";
import {
  existingAccount,
  expectPage,
  PASSWORD,
  startedSession,
  uniqueEmail,
} from "../helpers/issuer";

const WRONG = "The email or the password is wrong.";
const LOCKED = "Too many failed sign-in attempts. Try again in";

const signedIn = (response: Response) => (response.headers.get("location") ?? "").includes("code=");

/**
 * A second issuer, in this process: a new instance with nothing in memory, on the
 * same DynamoDB table as the stack's, reached as if from `address`.
 */
async function otherIssuerFrom(address: string): Promise<IssuerSession> {
  const { app } = await import("../../src/issuer/issuer");
  const env = { incoming: { socket: { remoteAddress: address } } };
  const session = new IssuerSession(stack().auth, async (request) => app.fetch(request, env));
  await session.start();
  return session;
}

describe("password guessing", () => {
  test("after 10 wrong passwords the account is locked, even for the right one, with a message", async () => {
    const email = await existingAccount("throttle");
    const session = await startedSession();
    for (let i = 0; i < 10; i++) {
      const response = await session.request("/password/authorize", {
        email,
        password: `wrong-${i}-password`,
      });
      expect(await expectPage(response, 400)).toContain(WRONG);
    }
    const locked = await session.request("/password/authorize", { email, password: PASSWORD });
    expect(await expectPage(locked, 429)).toContain(`${LOCKED} 1 minute`);

    // Another issuer instance (another Lambda), from another address, sees the same lock.
    const elsewhere = await otherIssuerFrom(`192.0.2.${randomInt(1, 255)}`);
    const again = await elsewhere.request("/password/authorize", { email, password: PASSWORD });
    expect(await expectPage(again, 429)).toContain(LOCKED);
  }, 90_000);

  test("the right password in time starts the account's count over", async () => {
    const email = await existingAccount("refund");
    for (let round = 0; round < 3; round++) {
      const session = await startedSession();
      for (let i = 0; i < 5; i++)
        await session.request("/password/authorize", { email, password: "not-it-at-all" });
      expect(
        signedIn(await session.request("/password/authorize", { email, password: PASSWORD })),
      ).toBe(true);
    }
  });

  test("one address guessing many accounts is locked out, other addresses are not", async () => {
    const address = `198.51.100.${randomInt(1, 255)}`;
    const guesser = await otherIssuerFrom(address);
    // Each account gets one guess, so only the address's count can stop this.
    for (let i = 0; i < 100; i++) {
      const response = await guesser.request("/password/authorize", {
        email: uniqueEmail("spray"),
        password: "Summer2026!",
      });
      expect(response.status).toBe(400);
    }
    const email = await existingAccount("sprayed");
    const blocked = await guesser.request("/password/authorize", { email, password: PASSWORD });
    expect(await expectPage(blocked, 429)).toContain(LOCKED);
    const fromElsewhere = await otherIssuerFrom(`203.0.113.${randomInt(1, 255)}`);
    expect(
      signedIn(await fromElsewhere.request("/password/authorize", { email, password: PASSWORD })),
    ).toBe(true);
  }, 120_000);
});

describe("timing", () => {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  };

  /** Milliseconds one wrong sign-in takes over HTTP. */
  async function timedFailure(session: IssuerSession, email: string) {
    const started = performance.now();
    const response = await session.request("/password/authorize", {
      email,
      password: "wrong-password-1",
    });
    const elapsed = performance.now() - started;
    expect(await expectPage(response, 400)).toContain(WRONG);
    return elapsed;
  }

  // A behaviour check (both paths hash), not a performance target: the tolerance is wide.
  test("an unknown email costs about what a wrong password for a real account costs", async () => {
    const accounts = [await existingAccount("timing-a"), await existingAccount("timing-b")];
    const session = await startedSession();
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 10; i++) {
      known.push(await timedFailure(session, accounts[i % 2] as string));
      unknown.push(await timedFailure(session, uniqueEmail("nobody")));
    }
    console.log(
      `wrong password: median ${median(known).toFixed(1)} ms known, ${median(unknown).toFixed(1)} ms unknown`,
    );
    expect(median(unknown)).toBeGreaterThanOrEqual(median(known) * 0.5);
  });
});
