/**
 * `sst deploy --stage staging`: a deployed stage that is not production, with the
 * alarms and the dashboard asked for, owning an SES domain identity whose zone is
 * not in Route 53 (as in a development-only account with DNS elsewhere).
 */
import { checkStage } from "./stage-checks";

checkStage("staging", {
  env: {
    AUTH_EMAIL_SENDER: "tasks.example.com",
    AUTH_EMAIL_IDENTITY: "create",
    AUTH_EMAIL_DNS: "manual",
    MONITORING: "true",
  },
  monitoring: true,
  production: false,
  webOrigins: ["https://WebCdnDistribution.cloudfront.net"],
  mail: {
    identity: "tasks.example.com",
    from: "no-reply@tasks.example.com",
    owner: true,
    sandbox: true,
    manualDns: true,
  },
});
