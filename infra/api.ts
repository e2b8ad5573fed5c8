import { apiCors, routes } from "../packages/functions/src/routes";
import { auth } from "./auth";
import { table } from "./table";
import { webOrigins } from "./web-origin";

/** The HTTP API: one Lambda per route from the shared route table. */
export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: {
    allowOrigins: webOrigins,
    allowMethods: apiCors.allowMethods,
    allowHeaders: apiCors.allowHeaders,
    maxAge: `${apiCors.maxAge} seconds`,
  },
  accessLog: { retention: "1 month" },
});

for (const route of routes) {
  api.route(`${route.method} ${route.path}`, {
    handler: route.handler,
    link: [table, auth],
  });
}
