import { issuer } from "../packages/functions/src/routes";
import { type AccessTarget, accessArgs } from "./access";
import { emailSender, isProduction } from "./config";
import { functionBundle } from "./function-bundle";
import { table, tasksLink } from "./table";
import { webOrigins } from "./web-origin";

/** Sends sign-up verification codes (SES). */
const email = new sst.aws.Email("AuthEmailIdentity", { sender: emailSender });
const emailLink = new sst.Linkable("AuthEmail", {
  properties: { sender: email.sender, configSet: email.configSet },
});

/** Where the issuer may send a signed-in person back to. */
const clientsLink = new sst.Linkable("AuthClients", { properties: { web: webOrigins } });

/** OpenAuth's storage (signing keys, password hashes, refresh tokens), as `sst.aws.Auth` makes it. */
const storage = new sst.aws.Dynamo("AuthStorage", {
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
  AuthEmail: {
    link: emailLink,
    arns: { resource: [email.nodes.identity.arn, email.nodes.configurationSet.arn] },
  },
  AuthClients: { link: clientsLink },
};

/**
 * The OpenAuth issuer in a function of its own (what `sst.aws.Auth` builds, but
 * with only the access the route table names instead of `dynamodb:*` on its table).
 */
const issuerFunction = new sst.aws.Function("AuthIssuer", {
  handler: issuer.handler,
  nodejs: functionBundle,
  // OpenAuth answers CORS for /token and /.well-known itself.
  url: { cors: false },
  ...accessArgs(issuer.access, targets),
});

/** What handlers see as `Resource.Auth`: the issuer's URL, to verify tokens against. */
export const auth = new sst.Linkable("Auth", { properties: { url: issuerFunction.url } });
