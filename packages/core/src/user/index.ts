/**
 * People who can sign in. The issuer calls `fromEmail` after a successful
 * sign-in; the returned id, not the email, owns tasks, so an email is never a key
 * elsewhere in the table.
 */
import { ulid } from "ulid";
import { isConditionFailure, parseInput } from "../error";
import { UserEntity } from "./entity";
import { Email } from "./schema";

export interface User {
  userId: string;
  email: string;
}

/** The user for this email, created on first sign-in; safe to call concurrently. */
export async function fromEmail(rawEmail: unknown): Promise<User> {
  const email = parseInput(Email, rawEmail);
  try {
    const created = await UserEntity.create({
      email,
      userId: ulid(),
      createdAt: new Date().toISOString(),
    }).go();
    return { userId: created.data.userId, email };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const existing = await UserEntity.get({ email }).go();
  if (!existing.data) throw new Error("User vanished between put and get");
  return { userId: existing.data.userId, email };
}
