/**
 * Signs a person up or in through the issuer's real password flow (the HTML forms
 * a browser would post, with PKCE as the web app does), for tests and scripts.
 * Keeps the issuer's cookies itself.
 */
import { createHash, randomBytes } from "node:crypto";
import { WEB_CALLBACK_PATH, WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { joinUrl } from "@taskmanager/core/url/schema";

export const REDIRECT_URI = `http://127.0.0.1:5173${WEB_CALLBACK_PATH}`;

/** A PKCE pair (RFC 7636, S256): the verifier stays here, the challenge goes out. */
export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

export interface Tokens {
  access: string;
  refresh: string;
}

/** One browser's round trip through the issuer: its cookies and its PKCE verifier. */
export class IssuerSession {
  readonly cookies = new Map<string, string>();
  readonly pkce = pkcePair();
  /** `send` is how requests reach the issuer: over HTTP, or to an app in this process. */
  constructor(
    private base: string,
    private send: (request: Request) => Promise<Response> = (request) => fetch(request),
    private redirectUri = REDIRECT_URI,
  ) {}

  async request(path: string, form?: Record<string, string>): Promise<Response> {
    const request = new Request(joinUrl(this.base, path), {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    const response = await this.send(request);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = (pair as string).indexOf("=");
      this.cookies.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
    }
    return response;
  }

  async start() {
    const query = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      redirect_uri: this.redirectUri,
      response_type: "code",
      provider: "password",
      code_challenge: this.pkce.challenge,
      code_challenge_method: "S256",
    });
    const response = await this.request(`/authorize?${query}`);
    if (response.status !== 302) throw new Error(`Authorize refused (HTTP ${response.status})`);
  }

  async finish(response: Response): Promise<Tokens> {
    const location = response.headers.get("location");
    const code = location ? new URL(location).searchParams.get("code") : null;
    if (!code) throw new Error(`Sign-in did not complete (HTTP ${response.status})`);
    const tokens = await this.send(
      new Request(joinUrl(this.base, "/token"), {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "authorization_code",
          client_id: WEB_CLIENT_ID,
          redirect_uri: this.redirectUri,
          code,
          code_verifier: this.pkce.verifier,
        }),
      }),
    ).then((r) => r.json() as Promise<{ access_token: string; refresh_token: string }>);
    return { access: tokens.access_token, refresh: tokens.refresh_token };
  }
}

/**
 * Registers `email` (the issuer mails it a code) and returns the step that
 * verifies that code, for callers that read it from a real mailbox. `webOrigin`
 * is the web app whose callback the issuer redirects to (the local one by default).
 */
export async function register(
  authUrl: string,
  email: string,
  password: string,
  webOrigin?: string,
) {
  const redirectUri = webOrigin ? new URL(WEB_CALLBACK_PATH, webOrigin).toString() : REDIRECT_URI;
  const browser = new IssuerSession(authUrl, undefined, redirectUri);
  await browser.start();
  await browser.request("/password/register");
  const registered = await browser.request("/password/register", {
    action: "register",
    email,
    password,
    repeat: password,
  });
  if (registered.status >= 400) throw new Error(`Registering failed (HTTP ${registered.status})`);
  return {
    verify: async (code: string): Promise<Tokens> =>
      browser.finish(await browser.request("/password/register", { action: "verify", code })),
  };
}

/** Registers `email`, reads the code from the local mailbox, verifies, and returns tokens. */
export async function signUp(
  urls: { auth: string; mail: string },
  email: string,
  password: string,
) {
  const registration = await register(urls.auth, email, password);
  return registration.verify(await latestCode(urls.mail, email));
}

export async function signIn(urls: { auth: string }, email: string, password: string) {
  const browser = new IssuerSession(urls.auth);
  await browser.start();
  return browser.finish(await browser.request("/password/authorize", { email, password }));
}

/** The newest verification code the local mailbox holds for `email`. */
export async function latestCode(mailUrl: string, email: string): Promise<string> {
  const { messages } = (await fetch(`${mailUrl}/mailbox/${encodeURIComponent(email)}`).then((r) =>
    r.json(),
  )) as { messages: Array<{ subject: string }> };
  const code = /(\d{6})/.exec(messages.at(-1)?.subject ?? "")?.[1];
  if (!code) throw new Error(`No verification code for ${email}`);
  return code;
}
