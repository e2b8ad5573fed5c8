/** `sst deploy --stage prod` with a custom domain: the sender defaults to it. */
import { checkStage } from "./stage-checks";

checkStage("prod", {
  env: { WEB_DOMAIN: "tasks.example.com", ALARM_EMAIL: "oncall@example.com" },
  // As in AWS, the tables take a while: every route's function then appears late.
  slow: { types: ["aws:dynamodb/table:Table"], ms: 1500 },
  production: true,
  webOrigins: ["https://tasks.example.com"],
  mail: {
    identity: "tasks.example.com",
    from: "no-reply@tasks.example.com",
    owner: true,
    sandbox: true,
  },
  alarmEmail: "oncall@example.com",
});
