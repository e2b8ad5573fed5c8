import { isProductionStage } from "./stage";

/**
 * Per-stage settings, read from the environment at deploy time so no stage's
 * values live in the code:
 *   WEB_DOMAIN         custom domain for the web app (e.g. tasks.example.com)
 *   AUTH_EMAIL_SENDER  SES sender of verification codes (an address or a domain you own)
 */
export const isProduction = isProductionStage($app.stage);
export const webDomain = process.env.WEB_DOMAIN || undefined;
export const emailSender =
  process.env.AUTH_EMAIL_SENDER || (webDomain ? `no-reply@${webDomain}` : "no-reply@example.com");
