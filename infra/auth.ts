import { issuerHandler } from "../packages/functions/src/routes";
import { emailSender } from "./config";
import { table } from "./table";
import { webOrigins } from "./web-origin";

/** Sends sign-up verification codes (SES). */
export const authEmail = new sst.aws.Email("AuthEmail", { sender: emailSender });

/** Where the issuer may send a signed-in person back to. */
export const authClients = new sst.Linkable("AuthClients", {
  properties: { web: webOrigins },
});

/** The OpenAuth issuer; SST gives it DynamoDB storage of its own (OPENAUTH_STORAGE). */
export const auth = new sst.aws.Auth("Auth", {
  issuer: {
    handler: issuerHandler,
    link: [table, authEmail, authClients],
  },
});
