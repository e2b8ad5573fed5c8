/**
 * The issuer's own pages (sign in, create an account, the emailed code, password
 * reset, errors), in the web app's look: its palette, system fonts, dark mode
 * following the system. Everything is inline and served by the issuer itself:
 * no stylesheet, font or script from any other origin.
 */
import { createHash } from "node:crypto";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { webOrigins } from "./redirects";

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

const PRODUCT = "Taskmanager";

const CSS = `
:root {
  color-scheme: light dark;
  font-family: system-ui, sans-serif;
  line-height: 1.5;
  --text: #1d2330;
  --muted: #4a5160;
  --page: #f6f7f9;
  --card: #fff;
  --border: #b8bfcc;
  --accent: #2856c7;
  --link: #2856c7;
  --danger: #b3261e;
  --focus: #f2a900;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6e9ef;
    --muted: #b4bccb;
    --page: #12151c;
    --card: #1c212b;
    --border: #5a6374;
    --accent: #2856c7;
    --link: #9db8ff;
    --danger: #ffb4ab;
  }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: var(--page); }
main { max-width: 26rem; margin: 0 auto; padding: 2rem 1rem; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 1.5rem; }
.brand { margin: 0 0 0.25rem; font-weight: 700; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
p { margin: 0 0 1rem; overflow-wrap: anywhere; }
form { display: grid; gap: 1rem; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input {
  font: inherit; width: 100%; min-height: 2.75rem; padding: 0.45rem 0.6rem;
  color: var(--text); background: var(--card); border: 1px solid var(--border); border-radius: 6px;
}
input[aria-invalid="true"] { border-color: var(--danger); }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0 0; }
.error { color: var(--danger); font-size: 0.95rem; margin: 0.25rem 0 0; }
.alert { color: var(--danger); border-left: 4px solid var(--danger); padding-left: 0.75rem; }
.notice { border-left: 4px solid var(--accent); padding-left: 0.75rem; }
button {
  font: inherit; min-height: 2.75rem; padding: 0.45rem 0.9rem; border-radius: 6px; cursor: pointer;
  background: var(--accent); border: 1px solid var(--accent); color: #fff;
}
button.secondary { background: transparent; color: var(--link); border-color: var(--border); }
a { color: var(--link); }
a, button.secondary { overflow-wrap: anywhere; }
.links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; }
.links a { display: inline-block; padding: 0.6rem 0; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;

const CSS_HASH = createHash("sha256").update(CSS).digest("base64");

/**
 * Only our inline style; forms post to the issuer, whose answers redirect to the
 * web app (Chromium checks `form-action` against redirects too).
 */
function securityHeaders(): Record<string, string> {
  return {
    "content-security-policy": [
      "default-src 'none'",
      `style-src 'sha256-${CSS_HASH}'`,
      "img-src data:",
      `form-action 'self' ${webOrigins().join(" ")}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
}

export type PageStatus = 200 | 400 | 429 | 500 | 503;

const pages = new WeakSet<Response>();

/**
 * Whether `response` is one of our pages: those are built without Hono's context,
 * so a route that set cookies (OpenAuth's state) must pass them through its context.
 */
export const isPage = (response: Response) => pages.has(response);

/** Answers with a whole page of ours. */
export async function page(
  title: string,
  body: Markup,
  status: PageStatus = 200,
): Promise<Response> {
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · ${PRODUCT}</title>
<link rel="icon" href="data:,">
<style>${raw(CSS)}</style>
</head>
<body>
<main>
<div class="card">
<p class="brand">${PRODUCT}</p>
<h1>${title}</h1>
${body}
</div>
</main>
</body>
</html>`;
  const response = new Response(await document, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...securityHeaders() },
  });
  pages.add(response);
  return response;
}

export interface FieldOptions {
  name: string;
  label: string;
  type?: "email" | "password" | "text";
  value?: string;
  error?: string;
  hint?: string;
  autocomplete: string;
  inputmode?: "numeric";
  autofocus?: boolean;
}

/** A labelled input with its hint and its error right below it. */
export function field(options: FieldOptions): Markup {
  const id = `field-${options.name}`;
  const described = [options.hint ? `${id}-hint` : "", options.error ? `${id}-error` : ""].filter(
    Boolean,
  );
  return html`<div>
<label for="${id}">${options.label}</label>
<input id="${id}" name="${options.name}" type="${options.type ?? "text"}" value="${options.value ?? ""}"
 autocomplete="${options.autocomplete}" required${options.inputmode ? html` inputmode="${options.inputmode}"` : ""}${options.autofocus || options.error ? raw(" autofocus") : ""}${options.error ? raw(' aria-invalid="true"') : ""}${described.length ? html` aria-describedby="${described.join(" ")}"` : ""}>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ""}
${options.error ? html`<p class="error" id="${id}-error">${options.error}</p>` : ""}
</div>`;
}

/** A message about the whole form (a lock, an expired code), read out when it appears. */
export function alert(message: string | undefined): Markup | "" {
  return message ? html`<p class="alert" role="alert">${message}</p>` : "";
}

export function notice(message: string | undefined): Markup | "" {
  return message ? html`<p class="notice" role="status">${message}</p>` : "";
}

export function form(action: string, content: Markup, submit: string): Markup {
  return html`<form method="post" action="${action}" novalidate>
${content}
<button type="submit">${submit}</button>
</form>`;
}

export function links(items: Array<[href: string, label: string]>): Markup {
  return html`<p class="links">${items.map(([href, label]) => html`<a href="${href}">${label}</a>`)}</p>`;
}

/** The issuer's answer to a request it will not serve: never a redirect. */
export function errorPage(message: string, status: 400 | 500 | 503 = 400) {
  const back = webOrigins()[0];
  return page(
    status === 400 ? "This sign-in link does not work" : "Sign-in is not working right now",
    html`<p>${message}</p>${back ? links([[back, `Back to ${PRODUCT}`]]) : ""}`,
    status,
  );
}
