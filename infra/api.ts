import { apiCors, routes } from "../packages/functions/src/routes";
import { accessArgs } from "./access";
import { auth } from "./auth";
import { functionBundle } from "./function-bundle";
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
  accessLog: { retention: "1 month" },
});

const targets = {
  Tasks: {
    link: tasksLink,
    arns: { resource: [table.arn], indexes: [$interpolate`${table.arn}/index/*`] },
  },
  Auth: { link: auth },
};

for (const route of routes) {
  api.route(`${route.method} ${route.path}`, {
    handler: route.handler,
    nodejs: functionBundle,
    ...accessArgs(route.access, targets),
  });
}
