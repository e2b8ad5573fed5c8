import { createSubjects } from "@openauthjs/openauth/subject";
import { UserSubject } from "@taskmanager/core/auth/schema";

export const subjects = createSubjects({ user: UserSubject });
