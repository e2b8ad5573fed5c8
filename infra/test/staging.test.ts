/**
 * `sst deploy --stage staging`: a deployed stage that is not production, reusing
 * production's SES identity, with the alarms and the dashboard asked for.
 */
import { checkStage } from "./stage-checks";

checkStage("staging", {
  env: { AUTH_EMAIL_SENDER: "tasks.example.com", MONITORING: "true" },
  monitoring: true,
  production: false,
  webOrigins: ["https://WebCdnDistribution.cloudfront.net"],
  mail: {
    identity: "tasks.example.com",
    from: "no-reply@tasks.example.com",
    owner: false,
    sandbox: true,
  },
});
