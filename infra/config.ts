import { isProductionStage } from "./stage";

/**
 * Per-stage settings, read from the environment at deploy time so no stage's
 * values live in the code (docs/deploy.md lists them):
 *   AUTH_EMAIL_SENDER    SES sender of verification codes: a domain you own (mail goes
 *                        from no-reply@<domain>) or one address. Required on every
 *                        deployed stage; on production it defaults to WEB_DOMAIN.
 *   AUTH_EMAIL_IDENTITY  "create" (this stage owns the SES identity) or "existing"
 *                        (another stage in this account created it). Default: production
 *                        stages create, every other stage reuses.
 *   AUTH_EMAIL_SANDBOX   "false" once the account has SES production access (drops the
 *                        grant on recipient identities that the SES sandbox needs).
 *   AUTH_EMAIL_DNS       "route53" (default: the domain's zone is in Route 53 in this
 *                        account, and SST writes the DKIM and DMARC records) or
 *                        "manual" (the zone is elsewhere: no records are written, and
 *                        they are added by hand while the deploy waits).
 *   WEB_DOMAIN           custom domain for the web app (production only).
 *   ALARM_EMAIL          who is mailed when an alarm fires (required on production).
 *   MONITORING           "true" gives a non-production stage the alarms and the
 *                        dashboard; production stages always have them.
 */
export const isProduction = isProductionStage($app.stage);

/** A deploy refused before anything is created, with what to set. */
export class DeployRefused extends Error {
  constructor(message: string) {
    super(`Refusing to deploy stage "${$app.stage}": ${message}`);
    this.name = "DeployRefused";
  }
}

const setting = (name: string) => process.env[name]?.trim() || undefined;

export const webDomain = isProduction ? setting("WEB_DOMAIN") : undefined;

export interface EmailSettings {
  /** What the SES identity is: a domain (verified with DKIM) or one address. */
  identity: string;
  /** The address verification codes come from. */
  from: string;
  /** Whether this stage creates the identity or reuses another stage's. */
  owner: boolean;
  /** Whether the account is still in the SES sandbox (recipients must be verified). */
  sandbox: boolean;
  /**
   * Who writes a domain identity's DNS records: SST in Route 53, or a person
   * ("manual", `dns: false`). Meaningless for an address.
   */
  dns: "route53" | "manual";
}

/**
 * The SES sender, or undefined for `sst dev` without one (the issuer then prints
 * codes to the dev terminal, as the local stack does). A deployed stage without a
 * sender would fail every sign-up, so it is refused.
 */
export function emailSettings(): EmailSettings | undefined {
  const identity = setting("AUTH_EMAIL_SENDER") ?? webDomain;
  if (!identity) {
    if ($dev) return undefined;
    throw new DeployRefused(
      "no mail sender is configured, so no sign-up could get its verification code. " +
        "Set AUTH_EMAIL_SENDER to a domain you own (verified with DKIM; mail goes from " +
        "no-reply@<domain>) or to one address (SES mails it a link to click once). See docs/deploy.md.",
    );
  }
  const mode = setting("AUTH_EMAIL_IDENTITY") ?? (isProduction ? "create" : "existing");
  if (mode !== "create" && mode !== "existing") {
    throw new DeployRefused(`AUTH_EMAIL_IDENTITY must be "create" or "existing", not "${mode}".`);
  }
  const dns = setting("AUTH_EMAIL_DNS") ?? "route53";
  if (dns !== "route53" && dns !== "manual") {
    throw new DeployRefused(`AUTH_EMAIL_DNS must be "route53" or "manual", not "${dns}".`);
  }
  return {
    identity,
    from: identity.includes("@") ? identity : `no-reply@${identity}`,
    owner: mode === "create",
    sandbox: setting("AUTH_EMAIL_SANDBOX") !== "false",
    dns,
  };
}

/** Where alarms are sent; production must have someone to tell. */
export function alarmEmail(): string | undefined {
  const email = setting("ALARM_EMAIL");
  if (!email && isProduction) {
    throw new DeployRefused(
      "ALARM_EMAIL is not set, so nobody would hear of an alarm. Set it to the on-call address.",
    );
  }
  return email;
}

/**
 * Whether this stage gets the alarms and the dashboard (infra/monitoring.ts).
 * Production stages always: someone is told when they fire. Elsewhere only when
 * asked (MONITORING=true): each alarm is billed monthly and a dev stage's alarms
 * page no one, while its functions fail on purpose all day.
 */
export function monitoringEnabled(): boolean {
  const value = setting("MONITORING");
  if (value !== undefined && value !== "true" && value !== "false") {
    throw new DeployRefused(`MONITORING must be "true" or "false", not "${value}".`);
  }
  if (isProduction) {
    if (value === "false") {
      throw new DeployRefused(
        "MONITORING=false would leave production without alarms. Unset it; production stages are always monitored.",
      );
    }
    return true;
  }
  return value === "true";
}
