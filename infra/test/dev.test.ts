/** `sst dev`: the stack SST deploys for live Lambda development. */

import { DEV_WEB_URL } from "../constants";
import { checkStage } from "./stage-checks";

checkStage("dev", {
  // WEB_DOMAIN is production's alone: set here, it must change nothing.
  env: { AUTH_EMAIL_SENDER: "tasks.example.com", WEB_DOMAIN: "tasks.example.com" },
  monitoring: false,
  production: false,
  webOrigins: [DEV_WEB_URL, "http://127.0.0.1:5173"],
  mail: {
    identity: "tasks.example.com",
    from: "no-reply@tasks.example.com",
    owner: false,
    sandbox: true,
  },
});
