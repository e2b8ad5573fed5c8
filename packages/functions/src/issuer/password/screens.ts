/** The password provider's screens: what each step shows, with its errors by the field. */
import { html } from "hono/html";
import { alert, field, form, links, notice, type PageStatus, page } from "../pages";

/** Field errors and a message for the whole form. */
export interface Problems {
  email?: string;
  password?: string;
  repeat?: string;
  code?: string;
  form?: string;
}

type Status = PageStatus;

/** What a new password must be, shown before anyone gets it wrong. */
const NEW_PASSWORD_HINT = "At least 8 characters, and not one of the most common passwords.";

const statusOf = (problems: Problems, status?: Status): Status =>
  status ?? (Object.keys(problems).length ? 400 : 200);

export interface ScreenInput {
  /** The provider's base path, e.g. "/password". */
  base: string;
  email?: string;
  problems?: Problems;
  notice?: string;
  status?: Status;
}

export function signInScreen(input: ScreenInput) {
  const problems = input.problems ?? {};
  return page(
    "Sign in",
    html`${notice(input.notice)}${alert(problems.form)}
${form(
  `${input.base}/authorize`,
  html`${field({ name: "email", label: "Email", type: "email", value: input.email, error: problems.email, autocomplete: "email", autofocus: !input.email })}
${field({ name: "password", label: "Password", type: "password", error: problems.password, autocomplete: "current-password", autofocus: Boolean(input.email) && !problems.email })}`,
  "Sign in",
)}
${links([
  [`${input.base}/register`, "Create an account"],
  [`${input.base}/change`, "Forgot your password?"],
])}`,
    statusOf(problems, input.status),
  );
}

export function registerScreen(input: ScreenInput) {
  const problems = input.problems ?? {};
  return page(
    "Create your account",
    html`${alert(problems.form)}
${form(
  `${input.base}/register`,
  html`<input type="hidden" name="action" value="register">
${field({ name: "email", label: "Email", type: "email", value: input.email, error: problems.email, autocomplete: "email", autofocus: true })}
${field({ name: "password", label: "Password", type: "password", error: problems.password, hint: NEW_PASSWORD_HINT, autocomplete: "new-password" })}
${field({ name: "repeat", label: "Repeat the password", type: "password", error: problems.repeat, autocomplete: "new-password" })}`,
  "Continue",
)}
${links([[`${input.base}/authorize`, "I already have an account"]])}`,
    statusOf(problems, input.status),
  );
}

/** "We sent a code to …", the code field, and a button for a new code. */
export function codeScreen(
  input: ScreenInput & { email: string; action: string; onlyIfAccount?: boolean },
) {
  const problems = input.problems ?? {};
  return page(
    "Check your email",
    html`${notice(input.notice)}${alert(problems.form)}
<p>${input.onlyIfAccount ? "If an account uses " : "We sent a 6-digit code to "}<strong>${input.email}</strong>${input.onlyIfAccount ? ", we sent a 6-digit code to it" : ""}. It works for 15 minutes.</p>
${form(
  input.action,
  html`<input type="hidden" name="action" value="verify">
${field({ name: "code", label: "Code from the email", error: problems.code, autocomplete: "one-time-code", inputmode: "numeric", autofocus: true })}`,
  "Continue",
)}
<form method="post" action="${input.action}">
<input type="hidden" name="action" value="resend">
<button type="submit" class="secondary">Send a new code</button>
</form>
${links([[`${input.base}/authorize`, "Back to sign in"]])}`,
    statusOf(problems, input.status),
  );
}

export function resetStartScreen(input: ScreenInput) {
  const problems = input.problems ?? {};
  return page(
    "Reset your password",
    html`${alert(problems.form)}
<p>We will email you a code to set a new password.</p>
${form(
  `${input.base}/change`,
  html`<input type="hidden" name="action" value="code">
${field({ name: "email", label: "Email", type: "email", value: input.email, error: problems.email, autocomplete: "email", autofocus: true })}`,
  "Send the code",
)}
${links([[`${input.base}/authorize`, "Back to sign in"]])}`,
    statusOf(problems, input.status),
  );
}

export function newPasswordScreen(input: ScreenInput) {
  const problems = input.problems ?? {};
  return page(
    "Choose a new password",
    html`${alert(problems.form)}
${form(
  `${input.base}/change`,
  html`<input type="hidden" name="action" value="update">
${field({ name: "password", label: "New password", type: "password", error: problems.password, hint: NEW_PASSWORD_HINT, autocomplete: "new-password", autofocus: true })}
${field({ name: "repeat", label: "Repeat the new password", type: "password", error: problems.repeat, autocomplete: "new-password" })}`,
  "Save the password",
)}`,
    statusOf(problems, input.status),
  );
}
