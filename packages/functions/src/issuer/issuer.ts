/**
 * The sign-in service: OpenAuth's issuer (tokens, keys, codes) with our password
 * provider and pages, inside a Hono app of ours that holds what OpenAuth 0.4.3
 * does not: an invalid client or redirect URI gets our 400 page (OpenAuth's error
 * path redirected to the unvalidated URI), PKCE with S256 is required, and no
 * answer may send a browser anywhere but the issuer itself or an allowed redirect.
 * Lambda runs `handler`; the local stack serves `app`.
 */
import { issuer } from "@openauthjs/openauth";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { cors } from "hono/cors";
import { countFailedSignIn, countSignUpFrom } from "../metrics";
import { subjects } from "../token/subjects";
import { sendExistingAccountNotice, sendVerificationCode } from "./email";
import { errorPage } from "./pages";
import { PasswordProvider } from "./password";
import { isAllowedLocation, isAllowedRedirect } from "./redirects";
import { revoke } from "./revoke";
import { storage, storageOutage } from "./storage";

const DAY = 24 * 60 * 60;

/**
 * Access tokens are short (they cannot be revoked); refresh tokens rotate on each
 * use, a used one is kept (`retention`) so that using it again after the `reuse`
 * grace window (two tabs refreshing at once) is seen and revokes the family.
 */
export const TOKEN_LIFETIMES = {
  access: 15 * 60,
  refresh: 30 * DAY,
  reuse: 60,
  retention: 30 * DAY,
};

if (process.env.OPENAUTH_STORAGE) {
  // OpenAuth would replace our storage with its own DynamoStorage, which cannot revoke.
  throw new Error("OPENAUTH_STORAGE must not be set: the issuer's storage is Resource.AuthStorage");
}

const openauth = issuer({
  subjects,
  storage,
  providers: {
    password: PasswordProvider({
      sendCode: sendVerificationCode,
      notifyExistingAccount: sendExistingAccountNotice,
      onSignInFailed: countFailedSignIn,
    }),
  },
  ttl: TOKEN_LIFETIMES,
  allow: async ({ clientID, redirectURI }) => isAllowedRedirect(clientID, redirectURI),
  // The browser lost its sign-in state (cookies expired, or a page opened directly).
  error: async () =>
    errorPage("This sign-in page has expired. Go back to the app and sign in again."),
  success: async (ctx, value, request) => {
    countSignUpFrom(request);
    // Loaded on the first completed sign-in, not at init: the user record is all the
    // issuer reads through ElectroDB, and its busiest cold paths (the key set every API
    // function fetches when it starts, the sign-in pages, token refresh) never need it.
    const User = await import("@taskmanager/core/user");
    const user = await User.fromEmail(value.email);
    return ctx.subject("user", { userId: user.userId, email: user.email });
  },
});

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** Endpoints programs call (OAuth's JSON errors); every other path is a page for people. */
const forPrograms = (path: string) =>
  path === "/token" || path === "/revoke" || path.startsWith("/.well-known/");

export const app = new Hono();

app.onError(async (error, c) => {
  console.error("issuer error", error instanceof Error ? `${error.name}: ${error.message}` : error);
  // The token endpoints are for programs: they get OAuth's JSON error, people a page.
  if (forPrograms(c.req.path)) {
    return c.json({ error: "server_error", error_description: "Try again in a moment." }, 500);
  }
  return errorPage("Something went wrong on our side. Try again in a moment.", 500);
});

/**
 * Storage down (DynamoDB unreachable, hung or throttled): whatever OpenAuth made
 * of the error (a 400 page, an error redirect), the answer is a 503 saying so. An
 * OAuth client takes a 4xx from the token endpoint as "this refresh token is dead"
 * and signs the person out; a 503 with RFC 6749's JSON error makes it try again.
 * Programs (the token endpoint, the key set and metadata) get JSON, people a page.
 */
const RETRY_AFTER_SECONDS = "5";
app.use(async (c, next) => {
  const scope: { error?: unknown } = {};
  await storageOutage.run(scope, next);
  if (!scope.error || (c.res.status >= 200 && c.res.status < 300)) return;
  console.error(
    "issuer storage unavailable",
    scope.error instanceof Error ? `${scope.error.name}: ${scope.error.message}` : scope.error,
  );
  const answer = forPrograms(c.req.path)
    ? c.json(
        {
          error: "temporarily_unavailable",
          error_description: "Sign-in is unavailable for a moment; try again shortly.",
        },
        503,
      )
    : await errorPage("Sign-in is not working right now. Try again in a moment.", 503);
  answer.headers.set("retry-after", RETRY_AFTER_SECONDS);
  answer.headers.set("cache-control", "no-store");
  c.res = undefined;
  c.res = answer;
});

// Last line of defence: whatever answers below, a redirect goes only where it may.
app.use(async (c, next) => {
  await next();
  const location = c.res.headers.get("location");
  if (location !== null && !isAllowedLocation(location)) {
    c.res = await errorPage("The address to return to is not one this service sends people to.");
  }
});

app.get("/authorize", async (c, next) => {
  const query = c.req.query();
  const redirectURI = query.redirect_uri;
  if (redirectURI === undefined || !isAllowedRedirect(query.client_id, redirectURI)) {
    return errorPage(
      "The app that sent you here, or the address to return to, is not one this service knows.",
    );
  }
  // The redirect URI is allowed, so OAuth errors go back to it (RFC 6749 4.1.2.1).
  const refuse = (error: string, description: string) => {
    const back = new URL(redirectURI);
    back.searchParams.set("error", error);
    back.searchParams.set("error_description", description);
    if (query.state) back.searchParams.set("state", query.state);
    return c.redirect(back.toString(), 302);
  };
  if (query.response_type !== "code") {
    return refuse("unsupported_response_type", "Only response_type=code is supported.");
  }
  if (query.code_challenge_method !== "S256" || !PKCE_CHALLENGE.test(query.code_challenge ?? "")) {
    return refuse("invalid_request", "PKCE is required: send an S256 code_challenge.");
  }
  await next();
  // `prompt=create` (OpenID's sign-up prompt) opens registration instead of sign-in.
  const location = c.res.headers.get("location");
  if (query.prompt === "create" && location?.endsWith("/authorize")) {
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("location", location.replace(/\/authorize$/, "/register"));
  }
});

app.post("/token", async (c, next) => {
  const form = await c.req.raw
    .clone()
    .formData()
    .catch(() => new FormData());
  const grant = form.get("grant_type");
  const invalid = (error: string, description: string) =>
    c.json({ error, error_description: description }, 400);
  if (grant !== "authorization_code" && grant !== "refresh_token") {
    return invalid("unsupported_grant_type", "Use authorization_code or refresh_token.");
  }
  if (
    grant === "authorization_code" &&
    !PKCE_VERIFIER.test(String(form.get("code_verifier") ?? ""))
  ) {
    return invalid("invalid_request", "PKCE is required: send the code_verifier.");
  }
  await next();
});

/** CORS as OpenAuth gives /token: the web app revokes from its own origin on sign-out. */
app.use(
  "/revoke",
  cors({ origin: "*", allowHeaders: ["*"], allowMethods: ["POST"], credentials: false }),
);
app.post("/revoke", revoke);

// RFC 8414: the metadata names the revocation endpoint OpenAuth does not know it has.
app.get("/.well-known/oauth-authorization-server", async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  const metadata = (await c.res.json()) as { issuer: string };
  const answer = c.json({ ...metadata, revocation_endpoint: `${metadata.issuer}/revoke` });
  for (const [name, value] of c.res.headers) {
    if (name !== "content-length" && name !== "content-type") answer.headers.set(name, value);
  }
  c.res = undefined;
  c.res = answer;
});

app.all("*", (c) => openauth.fetch(c.req.raw, c.env));

export const handler = handle(app);
