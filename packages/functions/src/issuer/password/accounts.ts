/**
 * Accounts as OpenAuth's PasswordProvider stores them in the issuer's storage, so
 * the two stay interchangeable: the scrypt hash of the password, and the person's
 * subject (kept at sign-in so a password reset can revoke their refresh tokens).
 */
import { ScryptHasher } from "@openauthjs/openauth/provider/password";

export const hasher = ScryptHasher();
export type PasswordHash = Awaited<ReturnType<typeof hasher.hash>>;

export const passwordKey = (email: string) => ["email", email, "password"];
export const subjectKey = (email: string) => ["email", email, "subject"];
