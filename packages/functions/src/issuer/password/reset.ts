/**
 * Choosing a new password (/change): the emailed code first, then the new password,
 * which ends every signed-in session (their refresh tokens are revoked). Codes go
 * only to addresses with an account, and the pages read the same either way.
 */
import { Storage } from "@openauthjs/openauth/storage/storage";
import { codeSendAllowed, useCode } from "../limits";
import { hasher, passwordKey, subjectKey } from "./accounts";
import { checkCode, DEAD_CODE, type SentCode, TOO_MANY_CODES, unusableCode } from "./code-sender";
import { type Flow, STATE_SECONDS } from "./flow";
import { formOf, parseEmail, passwordProblems, text } from "./form";
import { codeScreen, newPasswordScreen, type Problems, resetStartScreen } from "./screens";

type ResetState =
  | { type: "start" }
  | ({ type: "code" } & SentCode)
  | { type: "update"; email: string; codeId: string };

export function resetRoutes({ routes, ctx, base, serve, sendCode }: Flow): void {
  /** Codes go only to addresses with an account; the page reads the same either way. */
  const resetCode = async (email: string) => {
    const exists = Boolean(await Storage.get(ctx.storage, passwordKey(email)));
    if (exists) return sendCode(email, "reset");
    if (!(await codeSendAllowed(email))) return { problem: TOO_MANY_CODES };
    return unusableCode(email);
  };

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
        const problems = await passwordProblems(text(fd, "password"), text(fd, "repeat"));
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
        const subject = await Storage.get<string>(ctx.storage, subjectKey(state.email));
        if (subject) await ctx.invalidate(subject);
        await ctx.unset(c, "reset");
        return c.redirect(`${base}/authorize?reset=done`, 303);
      }
      await save({ type: "start" });
      return resetStartScreen({ base });
    }),
  );
}
