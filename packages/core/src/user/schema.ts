import { TimeZone } from "../time/schema";
import * as z from "../zod";

/** An email address as the issuer keys people: trimmed and lower-cased. */
export const Email = z.pipe(
  z.email(),
  z.transform((email: string) => email.trim().toLowerCase()),
);

/** A person's settings, as the API gives them. */
export const UserSettings = z.object({
  /** Their IANA time zone; absent until set (the web app sends the browser's on first sign-in). */
  timeZone: z.optional(z.string()),
});
export type UserSettings = z.output<typeof UserSettings>;

export const UpdateSettingsInput = z.strictObject({ timeZone: TimeZone });
export type UpdateSettingsInput = z.input<typeof UpdateSettingsInput>;
