import { issuerUrlFrom } from "../packages/core/src/url/schema";
import { issuer } from "../packages/functions/src/routes";
import { type AccessTarget, accessArgs } from "./access";
import { emailSettings, isProduction } from "./config";
import { issuerBundle } from "./function-bundle";
import { table, tasksLink } from "./table";
import { webOrigins } from "./web-origin";

const mail = emailSettings();

/**
 * The SES identity verification codes are sent from. A domain is verified with
 * DKIM: SST writes the records in Route 53 (its default, which fails when the zone
 * is not there), or with AUTH_EMAIL_DNS=manual writes none (`dns: false`) and a
 * person adds them. Either way the deploy waits until SES has verified the domain.
 * An address needs the one click on the link SES mails to it. An identity is
 * unique per account and region, so only its owning stage creates it and the
 * others reference it.
 */
const email = mail
  ? mail.owner
    ? new sst.aws.Email("AuthEmailIdentity", {
        sender: mail.identity,
        ...(mail.dns === "manual" && !mail.identity.includes("@") && { dns: false as const }),
      })
    : sst.aws.Email.get("AuthEmailIdentity", mail.identity)
  : undefined;

/** What the issuer sees as `Resource.AuthEmail`: the address to send from, explicitly. */
const emailLink = new sst.Linkable("AuthEmail", {
  properties: { from: mail?.from ?? "", configSet: email?.configSet ?? "" },
});

/**
 * `ses:SendEmail` on the identity and its configuration set, only from our
 * address. In the SES sandbox, SES also authorizes the send against each
 * recipient's (verified) identity, so the grant covers identities of this account
 * until AUTH_EMAIL_SANDBOX=false; the from-address condition still holds there.
 */
function emailTarget(): AccessTarget {
  if (!email || !mail) return { link: emailLink, absent: true };
  const recipients = mail.sandbox
    ? [
        $interpolate`arn:aws:ses:${aws.getRegionOutput().region}:${aws.getCallerIdentityOutput().accountId}:identity/*`,
      ]
    : [];
  return {
    link: emailLink,
    arns: {
      resource: [email.nodes.identity.arn, email.nodes.configurationSet.arn, ...recipients],
    },
    conditions: {
      resource: [{ test: "StringEquals", variable: "ses:FromAddress", values: [mail.from] }],
    },
  };
}

/** Where the issuer may send a signed-in person back to. */
const clientsLink = new sst.Linkable("AuthClients", { properties: { web: webOrigins } });

/** OpenAuth's storage (signing keys, password hashes, refresh tokens), as `sst.aws.Auth` makes it. */
// "AuthTable", not "AuthStorage": that is the link's name, and SST needs names unique.
export const storage = new sst.aws.Dynamo("AuthTable", {
  fields: { pk: "string", sk: "string" },
  primaryIndex: { hashKey: "pk", rangeKey: "sk" },
  ttl: "expiry",
  deletionProtection: isProduction,
});

/** What the issuer sees as `Resource.AuthStorage`: the table's name only. */
const storageLink = new sst.Linkable("AuthStorage", { properties: { name: storage.name } });

const targets: Record<string, AccessTarget> = {
  Tasks: { link: tasksLink, arns: { resource: [table.arn] } },
  AuthStorage: { link: storageLink, arns: { resource: [storage.arn] } },
  AuthEmail: emailTarget(),
  AuthClients: { link: clientsLink },
};

/** The issuer's sender and the web app's origins, for the reminder job's mail (infra/reminders.ts). */
export const mailTargets = { AuthEmail: targets.AuthEmail, AuthClients: targets.AuthClients };

/**
 * The OpenAuth issuer in a function of its own (what `sst.aws.Auth` builds, but
 * with only the access the route table names instead of `dynamodb:*` on its table).
 * Password hashing (scrypt) is CPU-bound: more memory buys it CPU.
 */
const issuerFunction = new sst.aws.Function("AuthIssuer", {
  handler: issuer.handler,
  memory: "1024 MB",
  // OpenAuth answers CORS for /token and /.well-known itself (the issuer, for /revoke).
  url: { cors: false },
  nodejs: issuerBundle,
  ...accessArgs(issuer.access, targets),
});

/**
 * The issuer's URL, the one spelling everything uses: the link, the web build
 * (VITE_AUTH_URL) and the stack's outputs. AWS returns Function URLs with a
 * trailing slash (`https://<id>.lambda-url.<region>.on.aws/`), and OpenAuth's client
 * builds `issuer + "/authorize"`, so the raw URL would send browsers to
 * `//authorize`, which the issuer's router does not match (404). `sst.aws.Auth`
 * strips the slash itself; this function is ours, so it is stripped here, once.
 */
export const issuerUrl = issuerFunction.url.apply(issuerUrlFrom);

/** What handlers see as `Resource.Auth`: the issuer's URL, to verify tokens against. */
export const auth = new sst.Linkable("Auth", { properties: { url: issuerUrl } });
