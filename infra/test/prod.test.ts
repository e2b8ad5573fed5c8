/** `sst deploy --stage prod` with a custom domain: the sender defaults to it. */
import { checkStage } from "./stage-checks";

checkStage("prod", {
  env: { WEB_DOMAIN: "tasks.example.com", ALARM_EMAIL: "oncall@example.com" },
  monitoring: true,
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
