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
export async function fromEmail(rawEmail: string): Promise<User> {
  const email = parseInput(Email, rawEmail);
  const userId = ulid();
  try {
    // Create only: never replace a record another sign-in wrote first.
    await UserEntity.create({ email, userId, createdAt: new Date().toISOString() }).go();
    return { userId, email };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  // Someone signed in with this email first: theirs is the id. A strongly consistent
  // read, so a record written a moment ago by a concurrent sign-in is seen.
  const { data } = await UserEntity.get({ email }).go({ consistent: true });
  if (!data) throw new Error("User vanished between put and get");
  return { userId: data.userId, email };
}
