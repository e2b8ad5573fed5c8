import * as z from "../zod";

/** An email address as the issuer keys people: trimmed and lower-cased. */
export const Email = z.pipe(
  z.email(),
  z.transform((email: string) => email.trim().toLowerCase()),
);
