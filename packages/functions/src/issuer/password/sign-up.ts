/**
 * Creating an account (/register): email and password, then the emailed code that
 * proves the address. The pages read the same for an address that already has an
 * account, since registration must not tell who has one.
 */
import { Storage } from "@openauthjs/openauth/storage/storage";
import { codeSendAllowed, useCode } from "../limits";
import { hasher, passwordKey } from "./accounts";
import { checkCode, type SentCode, TOO_MANY_CODES, unusableCode } from "./code-sender";
import { type Flow, STATE_SECONDS } from "./flow";
import { formOf, parseEmail, passwordProblems, text } from "./form";
import { codeScreen, type Problems, registerScreen } from "./screens";

type RegisterState = { type: "start" } | ({ type: "code"; password: unknown } & SentCode);

export function signUpRoutes({ routes, ctx, config, base, serve, signedIn, sendCode }: Flow): void {
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
          ...(await passwordProblems(text(fd, "password"), text(fd, "repeat"))),
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
}
