/**
 * Emailed codes, which sign-up and reset share: a fresh code sent within the
 * per-address limit, a stand-in code that no one receives (so a page reads the same
 * whether or not the address has an account), and the counted check of a typed code.
 */
import { randomUUID } from "node:crypto";
import { generateUnbiasedDigits, timingSafeCompare } from "@openauthjs/openauth/random";
import type { CodePurpose } from "../email";
import { CODE_LIFETIME, codeSendAllowed, countCodeAttempt } from "../limits";
import type { Problems } from "./screens";

/** An emailed code in the browser's (encrypted) state; its attempt count is in DynamoDB. */
export interface SentCode {
  email: string;
  code: string;
  codeId: string;
  expiresAt: number;
}

export const TOO_MANY_CODES = "We sent too many codes to this address. Try again in an hour.";
export const DEAD_CODE =
  "This code no longer works (too many tries, expired or used). Send a new code.";

/** A fresh code for `email`, sent, or the reason none was. */
export type SendCode = (
  email: string,
  purpose: CodePurpose,
) => Promise<SentCode | { problem: string }>;

/** Sends codes by `deliver` (the email), within the per-address limit. */
export function codeSender(
  deliver: (email: string, code: string, purpose: CodePurpose) => Promise<void>,
): SendCode {
  return async (email, purpose) => {
    if (!(await codeSendAllowed(email))) return { problem: TOO_MANY_CODES };
    const code = generateUnbiasedDigits(6);
    await deliver(email, code, purpose);
    return { email, code, codeId: randomUUID(), expiresAt: Date.now() + CODE_LIFETIME * 1000 };
  };
}

/**
 * A code nobody receives and no one can type, so it is never "right": the state
 * a page holds where a real code would be, so that page reads the same.
 */
export const unusableCode = (email: string): SentCode => ({
  email,
  code: randomUUID(),
  codeId: randomUUID(),
  expiresAt: Date.now() + CODE_LIFETIME * 1000,
});

/** Counts the attempt, then compares: a problem to show, or nothing when right. */
export async function checkCode(sent: SentCode, entered: string): Promise<Problems | undefined> {
  if (Date.now() > sent.expiresAt) return { form: DEAD_CODE };
  const attempt = await countCodeAttempt(sent.codeId);
  if (!attempt.allowed) return { form: DEAD_CODE };
  if (timingSafeCompare(entered.trim(), sent.code)) return undefined;
  return attempt.left > 0
    ? {
        code: `That code is not right. ${attempt.left} ${attempt.left === 1 ? "try" : "tries"} left.`,
      }
    : { form: DEAD_CODE };
}
