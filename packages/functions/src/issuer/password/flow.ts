/**
 * What the sign-in, sign-up and reset flows share: the provider's routes and
 * OpenAuth's context, our pages served with OpenAuth's state cookies, the hand-over
 * to OpenAuth once someone is signed in, and the code sender.
 */
import type { ProviderOptions, ProviderRoute } from "@openauthjs/openauth/provider/provider";
import { Storage } from "@openauthjs/openauth/storage/storage";
import type { Context } from "hono";
import type { CodePurpose } from "../email";
import { isPage } from "../pages";
import { subjectKey } from "./accounts";
import { codeSender, type SendCode } from "./code-sender";

/** What the password provider is given: how to mail a code, and whom to tell what. */
export interface PasswordProviderConfig {
  sendCode: (email: string, code: string, purpose: CodePurpose) => Promise<void>;
  /** Tells an account's owner that someone tried to register their address again. */
  notifyExistingAccount: (email: string) => Promise<void>;
  /** Told of every refused sign-in (wrong email or password, or locked out), for metrics. */
  onSignInFailed?: () => void;
}

/** How long a flow's state (OpenAuth's encrypted cookie) lasts. */
export const STATE_SECONDS = 60 * 60;

type Route = (c: Context) => Response | Promise<Response>;

export interface Flow {
  routes: ProviderRoute;
  ctx: ProviderOptions<{ email: string }>;
  config: PasswordProviderConfig;
  /** The provider's base path, e.g. "/password". */
  base: string;
  /** Our pages get the cookies the route set (OpenAuth's state) through its context. */
  serve: (route: Route) => (c: Context) => Promise<Response>;
  /**
   * Hands the person to OpenAuth, which issues the code for the app. Their
   * subject is kept so a password reset can revoke their refresh tokens.
   */
  signedIn: (c: Context, email: string) => Promise<Response>;
  /** A fresh code for an address, sent, or the reason none was. */
  sendCode: SendCode;
}

export function passwordFlow(
  routes: ProviderRoute,
  ctx: ProviderOptions<{ email: string }>,
  config: PasswordProviderConfig,
): Flow {
  const serve = (route: Route) => async (c: Context) => {
    const response = await route(c);
    return isPage(response) ? ctx.forward(c, response) : response;
  };

  const signedIn = (c: Context, email: string) =>
    ctx.success(
      c,
      { email },
      {
        invalidate: async (subject) => {
          await Storage.set(ctx.storage, subjectKey(email), subject);
        },
      },
    );

  return {
    routes,
    ctx,
    config,
    base: `/${ctx.name}`,
    serve,
    signedIn,
    // Called on `config`, as the provider did, so a sender that is a method keeps its `this`.
    sendCode: codeSender((email, code, purpose) => config.sendCode(email, code, purpose)),
  };
}
