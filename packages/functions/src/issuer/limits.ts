/**
 * Attempt limits of the sign-in pages, kept in the issuer's DynamoDB storage (with
 * a TTL) so they hold across Lambda instances. Counts are over sliding windows,
 * estimated from two fixed ones (the window is part of the key, so an expired item
 * that DynamoDB has not deleted yet is never counted again).
 */
import { claimOnce, increment, readCounter, setNumbers, storage } from "./storage";

const MINUTE = 60;

/** Password failures: per account and per client address, in 15-minute windows. */
export const PASSWORD_WINDOW = 15 * MINUTE;
export const ACCOUNT_FAILURES = 10;
/** Higher per address: many people can share one (an office, a mobile carrier's NAT). */
export const ADDRESS_FAILURES = 100;
/** The first lock lasts a minute and doubles with each further one, up to an hour. */
const FIRST_LOCK = MINUTE;
const LONGEST_LOCK = 60 * MINUTE;
/** How long a lock's level is remembered (the next lock after it is longer). */
const LOCK_MEMORY = 24 * 60 * MINUTE;

/** Emailed codes: wrong attempts before a code is dead, lifetime, sends per address. */
export const CODE_ATTEMPTS = 5;
export const CODE_LIFETIME = 15 * MINUTE;
export const CODE_SENDS = 5;
export const CODE_SEND_WINDOW = 60 * MINUTE;

interface SlidingCount {
  /** Events in the last `seconds`, estimated; fractional. */
  count: number;
  /** The counters it was read from: this fixed window's, and the one before. */
  keys: [current: string[], previous: string[]];
}

/**
 * Counts one event (or `by`) under `base` over a sliding window of `seconds`: this
 * fixed window's count plus the previous one's, weighted by the share of it still
 * inside the last `seconds`. A burst that straddles a window boundary counts as the
 * burst it is; with fixed windows alone it would start over at zero there (twice the
 * limit in a moment, and a test that happened to cross a boundary would see no lock).
 */
async function slidingIncrement(base: string[], seconds: number, by = 1): Promise<SlidingCount> {
  const position = Date.now() / 1000 / seconds;
  const index = Math.floor(position);
  const keys: SlidingCount["keys"] = [
    [...base, String(index)],
    [...base, String(index - 1)],
  ];
  // Kept for two windows: the next window still reads this one.
  const [current, previous] = await Promise.all([
    increment(keys[0], 2 * seconds, by),
    readCounter(keys[1]),
  ]);
  return { count: current.count + previous.count * (1 - (position - index)), keys };
}

type Subject = { kind: "account" | "address"; id: string };

const lockKey = ({ kind, id }: Subject) => ["limit:lock", `${kind}:${id}`];

/** A password attempt that was let through: counted, refunded if it succeeds. */
export interface PasswordAttempt {
  /** Seconds the account or address is locked for; 0 when the password may be checked. */
  lockedFor: number;
  /**
   * The password was right: the account's count starts over (its owner proved
   * who they are) and the address gets this attempt back (only failures count).
   */
  succeeded(): Promise<void>;
}

/**
 * Counts an attempt for the account and the client address before the password
 * is checked (so parallel guesses cannot all pass a read-then-write check). Past
 * a limit the account or address is locked, for twice as long each time; each
 * lock starts a fresh count (the lock's level is part of the counter's key).
 */
export async function beginPasswordAttempt(
  email: string,
  address: string,
): Promise<PasswordAttempt> {
  const subjects: Subject[] = [
    { kind: "account", id: email },
    { kind: "address", id: address },
  ];
  const now = Date.now() / 1000;
  const locks = await Promise.all(subjects.map((subject) => readCounter(lockKey(subject))));
  const lockedUntil = Math.max(0, ...locks.map((lock) => lock.values.until ?? 0));
  if (lockedUntil > now) {
    return { lockedFor: Math.ceil(lockedUntil - now), succeeded: async () => {} };
  }
  const counted = await Promise.all(
    subjects.map(async (subject, index) => {
      const level = locks[index]?.values.level ?? 0;
      const { count, keys } = await slidingIncrement(
        ["limit:password", `${subject.kind}:${subject.id}`, String(level)],
        PASSWORD_WINDOW,
      );
      const limit = subject.kind === "account" ? ACCOUNT_FAILURES : ADDRESS_FAILURES;
      if (count <= limit) return { keys, lockedFor: 0 };
      const seconds = Math.min(FIRST_LOCK * 2 ** level, LONGEST_LOCK);
      await setNumbers(
        lockKey(subject),
        { level: level + 1, until: Math.ceil(now) + seconds },
        LOCK_MEMORY,
      );
      return { keys, lockedFor: seconds };
    }),
  );
  return {
    lockedFor: Math.max(...counted.map((entry) => entry.lockedFor)),
    succeeded: async () => {
      const [account, address] = counted;
      await Promise.all([
        ...(account ? account.keys.map((key) => storage.remove(key)) : []),
        address && increment(address.keys[0], 2 * PASSWORD_WINDOW, -1),
      ]);
    },
  };
}

/**
 * Counts one attempt at the code `codeId` before it is compared: `allowed` is
 * false from the sixth attempt on (after five wrong ones the code is dead), even
 * when the browser's state cookie is replayed, because the count is kept here.
 */
export async function countCodeAttempt(
  codeId: string,
): Promise<{ allowed: boolean; left: number }> {
  const attempts = await increment(["limit:code", codeId], CODE_LIFETIME);
  return { allowed: attempts.count <= CODE_ATTEMPTS, left: CODE_ATTEMPTS - attempts.count };
}

/** Marks the code used; false if it was used already (a replayed state cookie). */
export function useCode(codeId: string): Promise<boolean> {
  return claimOnce(["limit:code-used", codeId], CODE_LIFETIME);
}

/** Counts a new code for `email`; false once the address had its share this hour. */
export async function codeSendAllowed(email: string): Promise<boolean> {
  const sends = await slidingIncrement(["limit:send", email], CODE_SEND_WINDOW);
  return sends.count <= CODE_SENDS;
}
