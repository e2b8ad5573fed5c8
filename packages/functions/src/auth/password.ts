/**
 * Email + password sign-in, modelled on OpenAuth 0.4.3's PasswordProvider (same
 * routes, the same stored password hashes and subject), with what it lacks:
 * attempt limits kept in DynamoDB (limits.ts), the same cost for unknown and
 * known accounts, email addresses checked as such, and our own pages. It could
 * not be wrapped: the emailed code and its state live inside the provider.
 */
import { randomUUID } from "node:crypto";
import { ScryptHasher } from "@openauthjs/openauth/provider/password";
import type { Provider } from "@openauthjs/openauth/provider/provider";
import { generateUnbiasedDigits, timingSafeCompare } from "@openauthjs/openauth/random";
import { Storage } from "@openauthjs/openauth/storage/storage";
import { Email } from "@taskmanager/core/user/schema";
import type { Context } from "hono";
import type { CodePurpose } from "./email";
import {
  beginPasswordAttempt,
  CODE_LIFETIME,
  codeSendAllowed,
  countCodeAttempt,
  useCode,
} from "./limits";
import { isPage } from "./pages";
import {
  codeScreen,
  newPasswordScreen,
  type Problems,
  registerScreen,
  resetStartScreen,
  signInScreen,
} from "./screens";

export interface PasswordProviderConfig {
  sendCode: (email: string, code: string, purpose: CodePurpose) => Promise<void>;
  /** Tells an account's owner that someone tried to register their address again. */
  notifyExistingAccount: (email: string) => Promise<void>;
  /** Told of every refused sign-in (wrong email or password, or locked out), for metrics. */
  onSignInFailed?: () => void;
}

/** An emailed code in the browser's (encrypted) state; its attempt count is in DynamoDB. */
interface SentCode {
  email: string;
  code: string;
  codeId: string;
  expiresAt: number;
}
type RegisterState = { type: "start" } | ({ type: "code"; password: unknown } & SentCode);
type ResetState =
  | { type: "start" }
  | ({ type: "code" } & SentCode)
  | { type: "update"; email: string; codeId: string };

const STATE_SECONDS = 60 * 60;
const MIN_PASSWORD = 8;
/** scrypt of a huge password is a cheap way to burn the issuer's CPU. */
const MAX_PASSWORD = 256;

const hasher = ScryptHasher();
type PasswordHash = Awaited<ReturnType<typeof hasher.hash>>;
/** Checked against when the account does not exist, so both paths cost one scrypt. */
let dummyHash: Promise<PasswordHash> | undefined;

const passwordKey = (email: string) => ["email", email, "password"];

type Form = Awaited<ReturnType<Context["req"]["formData"]>>;
const text = (form: Form, name: string) => form.get(name)?.toString() ?? "";
/** The posted form; a body that is not one reads as an empty form (field errors, not a 500). */
const formOf = (c: Context): Promise<Form> => c.req.formData().catch(() => new FormData());

function parseEmail(raw: string): { email?: string; problem?: string } {
  const parsed = Email.safeParse(raw.trim());
  return parsed.success
    ? { email: parsed.data }
    : { problem: "Enter an email address, like ann@example.com." };
}

function passwordProblems(password: string, repeat: string): Problems {
  if (password.length < MIN_PASSWORD)
    return { password: `Use at least ${MIN_PASSWORD} characters.` };
  if (password.length > MAX_PASSWORD)
    return { password: `Use at most ${MAX_PASSWORD} characters.` };
  if (password !== repeat) return { repeat: "The two passwords are not the same." };
  return {};
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const lockMessage = (seconds: number) =>
  `Too many failed sign-in attempts. Try again in ${minutes(seconds)} minute${minutes(seconds) === 1 ? "" : "s"}, or reset your password.`;
const TOO_MANY_CODES = "We sent too many codes to this address. Try again in an hour.";
const DEAD_CODE = "This code no longer works (too many tries, expired or used). Send a new code.";

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

export function PasswordProvider(config: PasswordProviderConfig): Provider<{ email: string }> {
  return {
    type: "password",
    init(routes, ctx) {
      const base = `/${ctx.name}`;
      /** Our pages get the cookies the route set (OpenAuth's state) through its context. */
      const serve = (route: (c: Context) => Response | Promise<Response>) => async (c: Context) => {
        const response = await route(c);
        return isPage(response) ? ctx.forward(c, response) : response;
      };

      /**
       * Hands the person to OpenAuth, which issues the code for the app. Their
       * subject is kept so a password reset can revoke their refresh tokens.
       */
      const signedIn = (c: Context, email: string) =>
        ctx.success(
          c,
          { email },
          {
            invalidate: async (subject) => {
              await Storage.set(ctx.storage, ["email", email, "subject"], subject);
            },
          },
        );

      /** A fresh code for `email`, sent, or the reason none was. */
      async function sendCode(
        email: string,
        purpose: CodePurpose,
      ): Promise<SentCode | { problem: string }> {
        if (!(await codeSendAllowed(email))) return { problem: TOO_MANY_CODES };
        const code = generateUnbiasedDigits(6);
        await config.sendCode(email, code, purpose);
        return { email, code, codeId: randomUUID(), expiresAt: Date.now() + CODE_LIFETIME * 1000 };
      }

      /**
       * A code nobody receives and no one can type, so it is never "right": the state
       * a page holds where a real code would be, so that page reads the same.
       */
      const unusableCode = (email: string): SentCode => ({
        email,
        code: randomUUID(),
        codeId: randomUUID(),
        expiresAt: Date.now() + CODE_LIFETIME * 1000,
      });

      /**
       * A sign-up code for a new address. For one that already has an account the
       * page reads the same, since registration must not tell who has an account: the
       * owner is mailed a notice instead (with the same per-address limit), and the
       * state holds a code no one has.
       */
      async function registrationCode(email: string): Promise<SentCode | { problem: string }> {
        if (!(await Storage.get(ctx.storage, passwordKey(email)))) {
          return sendCode(email, "register");
        }
        if (!(await codeSendAllowed(email))) return { problem: TOO_MANY_CODES };
        await config.notifyExistingAccount(email);
        return unusableCode(email);
      }

      /** Counts the attempt, then compares: a problem to show, or nothing when right. */
      async function checkCode(sent: SentCode, entered: string): Promise<Problems | undefined> {
        if (Date.now() > sent.expiresAt) return { form: DEAD_CODE };
        const attempt = await countCodeAttempt(sent.codeId);
        if (!attempt.allowed) return { form: DEAD_CODE };
        if (timingSafeCompare(entered.trim(), sent.code)) return undefined;
        return attempt.left > 0
          ? {
              code: `That code is not right. ${attempt.left} ${attempt.left === 1 ? "try" : "tries"} left.`,
            }
          : { form: DEAD_CODE };
      }

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
          const right = await hasher.verify(
            password.slice(0, MAX_PASSWORD),
            hash ?? (await dummyHash),
          );
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

      routes.get(
        "/register",
        serve(async (c) => {
          await ctx.set<RegisterState>(c, "register", STATE_SECONDS, { type: "start" });
          return registerScreen({ base });
        }),
      );

      routes.post(
        "/register",
        serve(async (c) => {
          const fd = await formOf(c);
          const action = text(fd, "action");
          const state: RegisterState = (await ctx.get<RegisterState>(c, "register")) ?? {
            type: "start",
          };
          const save = (next: RegisterState) => ctx.set(c, "register", STATE_SECONDS, next);
          const codeStep = (sent: SentCode, extra: { problems?: Problems; notice?: string } = {}) =>
            codeScreen({ base, email: sent.email, action: `${base}/register`, ...extra });

          if (action === "register") {
            const raw = text(fd, "email");
            const { email, problem } = parseEmail(raw);
            const problems: Problems = {
              ...(problem ? { email: problem } : {}),
              ...passwordProblems(text(fd, "password"), text(fd, "repeat")),
            };
            if (!email || Object.keys(problems).length) {
              return registerScreen({ base, email: email ?? raw, problems });
            }
            const sent = await registrationCode(email);
            if ("problem" in sent)
              return registerScreen({ base, email, problems: { form: sent.problem }, status: 429 });
            await save({
              type: "code",
              password: await hasher.hash(text(fd, "password")),
              ...sent,
            });
            return codeStep(sent);
          }
          if (state.type !== "code") {
            await save({ type: "start" });
            return registerScreen({
              base,
              problems: { form: "Start again: enter your email and a password." },
            });
          }
          if (action === "resend") {
            const sent = await registrationCode(state.email);
            if ("problem" in sent) return codeStep(state, { problems: { form: sent.problem } });
            await save({ ...state, ...sent });
            return codeStep(sent, { notice: `We sent a new code to ${sent.email}.` });
          }
          const problems = await checkCode(state, text(fd, "code"));
          if (problems) return codeStep(state, { problems });
          if (
            (await Storage.get(ctx.storage, passwordKey(state.email))) ||
            !(await useCode(state.codeId))
          ) {
            await save({ type: "start" });
            return registerScreen({
              base,
              email: state.email,
              problems: { email: "There is already an account for this address: sign in instead." },
            });
          }
          await Storage.set(ctx.storage, passwordKey(state.email), state.password);
          await ctx.unset(c, "register");
          return signedIn(c, state.email);
        }),
      );

      routes.get(
        "/change",
        serve(async (c) => {
          await ctx.set<ResetState>(c, "reset", STATE_SECONDS, { type: "start" });
          return resetStartScreen({ base });
        }),
      );

      routes.post(
        "/change",
        serve(async (c) => {
          const fd = await formOf(c);
          const action = text(fd, "action");
          const state: ResetState = (await ctx.get<ResetState>(c, "reset")) ?? { type: "start" };
          const save = (next: ResetState) => ctx.set(c, "reset", STATE_SECONDS, next);
          const codeStep = (sent: SentCode, extra: { problems?: Problems; notice?: string } = {}) =>
            codeScreen({
              base,
              email: sent.email,
              action: `${base}/change`,
              onlyIfAccount: true,
              ...extra,
            });

          /** Codes go only to addresses with an account; the page reads the same either way. */
          const resetCode = async (email: string) => {
            const exists = Boolean(await Storage.get(ctx.storage, passwordKey(email)));
            if (exists) return sendCode(email, "reset");
            if (!(await codeSendAllowed(email))) return { problem: TOO_MANY_CODES };
            return unusableCode(email);
          };

          if (action === "code") {
            const raw = text(fd, "email");
            const { email, problem } = parseEmail(raw);
            if (!email) return resetStartScreen({ base, email: raw, problems: { email: problem } });
            const sent = await resetCode(email);
            if ("problem" in sent)
              return resetStartScreen({
                base,
                email,
                problems: { form: sent.problem },
                status: 429,
              });
            await save({ type: "code", ...sent });
            return codeStep(sent);
          }
          if (action === "resend" && state.type === "code") {
            const sent = await resetCode(state.email);
            if ("problem" in sent) return codeStep(state, { problems: { form: sent.problem } });
            await save({ type: "code", ...sent });
            return codeStep(sent, {
              notice: `We sent a new code to ${sent.email} if it has an account.`,
            });
          }
          if (action === "verify" && state.type === "code") {
            const problems = await checkCode(state, text(fd, "code"));
            if (problems) return codeStep(state, { problems });
            await save({ type: "update", email: state.email, codeId: state.codeId });
            return newPasswordScreen({ base });
          }
          if (action === "update" && state.type === "update") {
            const problems = passwordProblems(text(fd, "password"), text(fd, "repeat"));
            if (Object.keys(problems).length) return newPasswordScreen({ base, problems });
            if (!(await useCode(state.codeId))) {
              await save({ type: "start" });
              return resetStartScreen({ base, email: state.email, problems: { form: DEAD_CODE } });
            }
            await Storage.set(
              ctx.storage,
              passwordKey(state.email),
              await hasher.hash(text(fd, "password")),
            );
            // Signed-in sessions end with the old password: their refresh tokens are revoked.
            const subject = await Storage.get<string>(ctx.storage, [
              "email",
              state.email,
              "subject",
            ]);
            if (subject) await ctx.invalidate(subject);
            await ctx.unset(c, "reset");
            return c.redirect(`${base}/authorize?reset=done`, 303);
          }
          await save({ type: "start" });
          return resetStartScreen({ base });
        }),
      );
    },
  };
}
