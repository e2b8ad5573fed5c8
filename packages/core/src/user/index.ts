/**
 * People who can sign in. The issuer calls `fromEmail` after a successful
 * sign-in; the returned id, not the email, owns tasks, so an email is never a key
 * elsewhere in the table.
 */
import { Entity } from "electrodb";
import { ulid } from "ulid";
import { z } from "zod";
import { dynamo } from "../dynamo";
import { isConditionFailure } from "../errors";

export const Email = z.email().transform((email) => email.trim().toLowerCase());

const UserEntity = new Entity(
  {
    model: { entity: "user", version: "1", service: "taskmanager" },
    attributes: {
      email: { type: "string", required: true, readOnly: true },
      userId: { type: "string", required: true, readOnly: true },
      createdAt: { type: "string", required: true, readOnly: true },
    },
    indexes: {
      byEmail: {
        pk: { field: "pk", composite: ["email"] },
        sk: { field: "sk", composite: [] },
      },
    },
  },
  dynamo,
);

export interface User {
  userId: string;
  email: string;
}

/** The user for this email, created on first sign-in; safe to call concurrently. */
export async function fromEmail(rawEmail: string): Promise<User> {
  const email = Email.parse(rawEmail);
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
