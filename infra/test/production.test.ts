/** `sst deploy --stage production` on CloudFront's own domain, mailing from one address. */
import { checkStage } from "./stage-checks";

checkStage("production", {
  env: {
    AUTH_EMAIL_SENDER: "signups@example.com",
    AUTH_EMAIL_SANDBOX: "false",
    ALARM_EMAIL: "oncall@example.com",
  },
  monitoring: true,
  production: true,
  webOrigins: ["https://WebCdnDistribution.cloudfront.net"],
  mail: {
    identity: "signups@example.com",
    from: "signups@example.com",
    owner: true,
    sandbox: false,
  },
  alarmEmail: "oncall@example.com",
});
