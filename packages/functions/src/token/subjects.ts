/**
 * What an access token carries: the issuer signs its subjects with this schema, and
 * verify.ts checks a token's subject against the same one (core's `UserSubject`).
 */
import { createSubjects } from "@openauthjs/openauth/subject";
import { UserSubject } from "@taskmanager/core/auth/schema";

export const subjects = createSubjects({ user: UserSubject });
