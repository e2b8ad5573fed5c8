import { TimeZone } from "../time/schema";
import * as z from "../zod";

/** An email address as the issuer keys people: trimmed and lower-cased. */
export const Email = z.pipe(
  z.email(),
  z.transform((email: string) => email.trim().toLowerCase()),
);

/** A BCP 47 language tag the runtime knows (quick add reads dates in it), stored canonical. */
export const Locale = z.pipe(
  z
    .string()
    .check(
      z.maxLength(35, "must be at most 35 characters"),
      z.refine(isLocale, "must be a language tag, such as en-US or de"),
    ),
  z.transform((tag: string) => Intl.getCanonicalLocales(tag)[0] ?? tag),
);

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The hour of the day (0–23, in the person's time zone) their daily digest is sent; null: none. */
export const DigestHour = z.nullable(
  z.int().check(z.minimum(0, "must be 0 to 23"), z.maximum(23, "must be 0 to 23")),
);

/** A person's settings, as the API gives them. Absent fields have never been set. */
export const UserSettings = z.object({
  /** Their IANA time zone; absent until set (the web app sends the browser's on first sign-in). */
  timeZone: z.optional(z.string()),
  /** The language quick add reads dates in; absent: the browser's. */
  locale: z.optional(z.string()),
  /** When their daily digest is sent; absent or null: no digest. */
  digestHour: z.optional(z.nullable(z.int())),
});
export type UserSettings = z.output<typeof UserSettings>;

/** Any of the settings; the ones not sent are kept. */
export const UpdateSettingsInput = z
  .strictObject({
    timeZone: z.optional(TimeZone),
    locale: z.optional(Locale),
    digestHour: z.optional(DigestHour),
  })
  .check(
    z.refine(
      (input) => Object.keys(input).length > 0,
      "must set at least one of timeZone, locale, digestHour",
    ),
  );
export type UpdateSettingsInput = z.input<typeof UpdateSettingsInput>;
