import { apiCors, routes } from "../packages/functions/src/routes";
import { accessArgs } from "./access";
import { auth, mailTargets } from "./auth";
import { attachmentsTarget } from "./bucket";
import { API_THROTTLE, FUNCTION_DEFAULTS } from "./constants";
import { onDemandHandlers } from "./function-bundle";
import { table, tasksLink } from "./table";
import { webOrigins } from "./web-origin";

/** The HTTP API: one Lambda per route of the route table, each with only its own access. */
export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: {
    allowOrigins: webOrigins,
    allowMethods: apiCors.allowMethods,
    allowHeaders: apiCors.allowHeaders,
    maxAge: `${apiCors.maxAge} seconds`,
  },
  accessLog: { retention: FUNCTION_DEFAULTS.logRetention },
  transform: {
    stage: (args) => {
      // Every route shares these limits, so a flood is refused (429) before Lambda runs.
      args.defaultRouteSettings = {
        throttlingRateLimit: API_THROTTLE.rateLimit,
        throttlingBurstLimit: API_THROTTLE.burstLimit,
      };
    },
  },
});

const targets = {
  Tasks: {
    link: tasksLink,
    arns: { resource: [table.arn], indexes: [$interpolate`${table.arn}/index/*`] },
  },
  Auth: { link: auth },
  Attachments: attachmentsTarget,
  // The invitation route mails through the issuer's sender, with a link to the web app.
  ...mailTargets,
};

for (const route of routes) {
  api.route(`${route.method} ${route.path}`, {
    handler: route.handler,
    ...(onDemandHandlers.includes(route.handler) ? { nodejs: { splitting: true } } : {}),
    ...accessArgs(route.access, targets),
  });
}
