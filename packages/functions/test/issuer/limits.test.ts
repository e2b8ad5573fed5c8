/**
 * The sign-in limits count over sliding windows: a burst that straddles the
 * boundary of the fixed windows they are kept in counts as the burst it is. Only
 * `Date` is moved (the SDK's own timers keep running), in this process, against the
 * run's DynamoDB Local.
 */
import { randomUUID } from "node:crypto";
import { afterEach, expect, test, vi } from "vitest";
import {
  ACCOUNT_FAILURES,
  beginPasswordAttempt,
  CODE_SEND_WINDOW,
  CODE_SENDS,
  codeSendAllowed,
  PASSWORD_WINDOW,
} from "../../src/issuer/limits";

afterEach(() => {
  vi.useRealTimers();
});

/** Sets the clock `seconds` before the next boundary of `window`-second windows; returns it. */
function clockBeforeBoundary(window: number, seconds: number): number {
  const boundary = (Math.floor(Date.now() / 1000 / window) + 1) * window;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime((boundary - seconds) * 1000);
  return boundary;
}
const setClock = (seconds: number) => vi.setSystemTime(seconds * 1000);

const newAccount = () => `limits-${randomUUID()}@example.com`;
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

test("wrong passwords on both sides of a window boundary lock the account at the limit", async () => {
  const email = newAccount();
  const address = newAddress();
  const boundary = clockBeforeBoundary(PASSWORD_WINDOW, 5);
  const half = ACCOUNT_FAILURES / 2;
  for (let i = 0; i < half; i++) {
    expect((await beginPasswordAttempt(email, address)).lockedFor).toBe(0);
  }
  setClock(boundary + 5);
  for (let i = half; i < ACCOUNT_FAILURES; i++) {
    expect((await beginPasswordAttempt(email, address)).lockedFor).toBe(0);
  }
  expect((await beginPasswordAttempt(email, address)).lockedFor).toBeGreaterThan(0);
});

test("a right password starts the account's count over, in both windows", async () => {
  const email = newAccount();
  const address = newAddress();
  const boundary = clockBeforeBoundary(PASSWORD_WINDOW, 5);
  for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) await beginPasswordAttempt(email, address);
  setClock(boundary + 5);
  await (await beginPasswordAttempt(email, address)).succeeded();
  for (let i = 0; i < ACCOUNT_FAILURES; i++) {
    expect((await beginPasswordAttempt(email, address)).lockedFor).toBe(0);
  }
});

test("codes sent on both sides of a window boundary count together; a window later they are forgotten", async () => {
  const email = newAccount();
  const boundary = clockBeforeBoundary(CODE_SEND_WINDOW, 5);
  const before = Math.ceil(CODE_SENDS / 2);
  for (let i = 0; i < before; i++) expect(await codeSendAllowed(email)).toBe(true);
  setClock(boundary + 5);
  for (let i = before; i < CODE_SENDS; i++) expect(await codeSendAllowed(email)).toBe(true);
  expect(await codeSendAllowed(email)).toBe(false);
  setClock(boundary + 2 * CODE_SEND_WINDOW + 5);
  expect(await codeSendAllowed(email)).toBe(true);
});
