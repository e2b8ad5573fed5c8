/**
 * Signing in (/authorize): email and password, with failures counted per account
 * and per client address (../limits.ts), and one scrypt whether or not the account
 * exists, so the time taken does not tell.
 */
import { randomUUID } from "node:crypto";
import { Storage } from "@openauthjs/openauth/storage/storage";
import type { Context } from "hono";
import { beginPasswordAttempt } from "../limits";
import { hasher, type PasswordHash, passwordKey } from "./accounts";
import type { Flow } from "./flow";
import { formOf, MAX_PASSWORD, parseEmail, text } from "./form";
import { signInScreen } from "./screens";

/** Checked against when the account does not exist, so both paths cost one scrypt. */
let dummyHash: Promise<PasswordHash> | undefined;

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const lockMessage = (seconds: number) =>
  `Too many failed sign-in attempts. Try again in ${minutes(seconds)} minute${minutes(seconds) === 1 ? "" : "s"}, or reset your password.`;

/** The address the request came from: Lambda's Function URL, or the local Node server. */
export function clientAddress(c: Context): string {
  const env = c.env as
    | {
        requestContext?: { http?: { sourceIp?: string } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}

export function signInRoutes({ routes, ctx, config, base, serve, signedIn }: Flow): void {
  routes.get(
    "/authorize",
    serve((c) =>
      signInScreen({
        base,
        notice: c.req.query("reset")
          ? "Your password was changed. Sign in with the new one."
          : undefined,
      }),
    ),
  );

  routes.post(
    "/authorize",
    serve(async (c) => {
      const fd = await formOf(c);
      const raw = text(fd, "email");
      const password = text(fd, "password");
      const { email, problem } = parseEmail(raw);
      if (!email) return signInScreen({ base, email: raw, problems: { email: problem } });
      if (!password) {
        return signInScreen({ base, email, problems: { password: "Enter your password." } });
      }
      const attempt = await beginPasswordAttempt(email, clientAddress(c));
      if (attempt.lockedFor > 0) {
        config.onSignInFailed?.();
        return signInScreen({
          base,
          email,
          problems: { form: lockMessage(attempt.lockedFor) },
          status: 429,
        });
      }
      const hash = await Storage.get<PasswordHash>(ctx.storage, passwordKey(email));
      dummyHash ??= hasher.hash(randomUUID());
      const right = await hasher.verify(password.slice(0, MAX_PASSWORD), hash ?? (await dummyHash));
      if (!hash || !right) {
        config.onSignInFailed?.();
        return signInScreen({
          base,
          email,
          problems: { password: "The email or the password is wrong." },
        });
      }
      await attempt.succeeded();
      return signedIn(c, email);
    }),
  );
}
