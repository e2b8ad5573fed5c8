/**
 * The OpenAuth issuer (a Hono app): email + password sign-up with an emailed
 * verification code, and sign-in. `sst.aws.Auth` runs `handler` in Lambda with
 * DynamoDB storage (OPENAUTH_STORAGE); the local stack serves `app` the same way.
 */
import { issuer } from "@openauthjs/openauth";
import { PasswordProvider } from "@openauthjs/openauth/provider/password";
import { PasswordUI } from "@openauthjs/openauth/ui/password";
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import * as User from "@taskmanager/core/user";
import { handle } from "hono/aws-lambda";
import { Resource } from "sst";
import { sendVerificationCode } from "./email";
import { subjects } from "./subjects";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Codes go only to the web app, on loopback (development) or its own origins. */
export function isAllowedRedirect(clientID: string, redirectURI: string): boolean {
  if (clientID !== WEB_CLIENT_ID) return false;
  let url: URL;
  try {
    url = new URL(redirectURI);
  } catch {
    return false;
  }
  return LOOPBACK.has(url.hostname) || Resource.AuthClients.web.includes(url.origin);
}

export const app = issuer({
  subjects,
  providers: {
    password: PasswordProvider(
      PasswordUI({
        sendCode: sendVerificationCode,
        validatePassword: (password) =>
          password.length < 8 ? "Use at least 8 characters." : undefined,
        copy: { register_title: "Create your Taskmanager account" },
      }),
    ),
  },
  ttl: { access: 60 * 15 },
  allow: async ({ clientID, redirectURI }) => isAllowedRedirect(clientID, redirectURI),
  success: async (ctx, value) => {
    const user = await User.fromEmail(value.email);
    return ctx.subject("user", { userId: user.userId, email: user.email });
  },
});

export const handler = handle(app);
