/**
 * People who can sign in. The issuer calls `fromEmail` after a successful
 * sign-in; the returned id, not the email, owns tasks, so an email is never a key
 * elsewhere in the table.
 */
import { ulid } from "ulid";
import * as Digest from "../digest";
import { isConditionFailure, parseInput, VisibleError } from "../error";
import { DEFAULT_TIME_ZONE } from "../time/schema";
import { UserEntity } from "./entity";
import { Email, UpdateSettingsInput, type UserSettings } from "./schema";

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

const SETTINGS = ["timeZone", "locale", "digestHour"] as const;

/** A person's settings (their record exists from their first sign-in on). */
export async function settings(rawEmail: string): Promise<UserSettings> {
  const email = parseInput(Email, rawEmail);
  const { data } = await UserEntity.get({ email }).go({ attributes: [...SETTINGS] });
  return settingsOf(data ?? {});
}

function settingsOf(stored: Partial<Record<(typeof SETTINGS)[number], unknown>>): UserSettings {
  const result: UserSettings = {};
  if (typeof stored.timeZone === "string") result.timeZone = stored.timeZone;
  if (typeof stored.locale === "string") result.locale = stored.locale;
  if (typeof stored.digestHour === "number") result.digestHour = stored.digestHour;
  return result;
}

/** The zone a person's dates are read in: theirs, or UTC until they set one. */
export async function timeZoneOf(email: string): Promise<string> {
  return (await settings(email)).timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * Sets the settings given and keeps the rest; `digestHour: null` turns the digest
 * off. A new hour or zone files the next digest at it (core/digest): the one filed
 * before is found stale when its minute comes.
 */
export async function updateSettings(
  rawEmail: string,
  input: UpdateSettingsInput,
  now: number = Date.now(),
): Promise<UserSettings> {
  const email = parseInput(Email, rawEmail);
  const { digestHour, ...set } = parseInput(UpdateSettingsInput, input);
  try {
    // A patch: only an existing person (the issuer created them at sign-in).
    let update = UserEntity.patch({ email }).set(
      digestHour === null ? set : { ...set, digestHour },
    );
    if (digestHour === null) update = update.remove(["digestHour"]);
    const { data } = await update.go({ response: "all_new" });
    if (digestHour !== undefined || set.timeZone !== undefined) await Digest.fileNext(data, now);
    return settingsOf(data);
  } catch (error) {
    if (isConditionFailure(error)) throw new VisibleError("not_found", "User not found");
    throw error;
  }
}
