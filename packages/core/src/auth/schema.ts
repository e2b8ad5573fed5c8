/** What a signed-in person's access token carries, shared by the issuer and the API. */
import * as z from "../zod";

/** The OAuth client id of the web app (and of scripts that sign in like it). */
export const WEB_CLIENT_ID = "web";

/** The one path of the web app the issuer sends codes to (`<web origin>/callback`). */
export const WEB_CALLBACK_PATH = "/callback";

export const UserSubject = z.object({
  userId: z.string().check(z.minLength(1)),
  email: z.string(),
});
export type UserSubject = z.infer<typeof UserSubject>;
