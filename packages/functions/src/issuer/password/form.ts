/**
 * The posted forms of every flow: fields read as text, the email address and a new
 * password checked, each problem worded for the field it belongs to.
 */
import { Email } from "@taskmanager/core/user/schema";
import type { Context } from "hono";
import { isCommonPassword } from "./common";
import type { Problems } from "./screens";

const MIN_PASSWORD = 8;
/** scrypt of a huge password is a cheap way to burn the issuer's CPU. */
export const MAX_PASSWORD = 256;

type Form = Awaited<ReturnType<Context["req"]["formData"]>>;
export const text = (form: Form, name: string) => form.get(name)?.toString() ?? "";
/** The posted form; a body that is not one reads as an empty form (field errors, not a 500). */
export const formOf = (c: Context): Promise<Form> => c.req.formData().catch(() => new FormData());

export function parseEmail(raw: string): { email?: string; problem?: string } {
  const parsed = Email.safeParse(raw.trim());
  return parsed.success
    ? { email: parsed.data }
    : { problem: "Enter an email address, like ann@example.com." };
}

export const COMMON_PASSWORD =
  "This is one of the most common passwords, so it is among the first guessed. Choose another.";

/** What is wrong with a new password and its repetition, by field. */
export async function passwordProblems(password: string, repeat: string): Promise<Problems> {
  if (password.length < MIN_PASSWORD)
    return { password: `Use at least ${MIN_PASSWORD} characters.` };
  if (password.length > MAX_PASSWORD)
    return { password: `Use at most ${MAX_PASSWORD} characters.` };
  if (await isCommonPassword(password)) return { password: COMMON_PASSWORD };
  if (password !== repeat) return { repeat: "The two passwords are not the same." };
  return {};
}
