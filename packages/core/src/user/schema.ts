import * as z from "zod";

/** An email address as the issuer keys people: trimmed and lower-cased. */
export const Email = z.email().transform((email) => email.trim().toLowerCase());
