import { exportFunction } from "../packages/functions/src/routes";
import { accessArgs } from "./access";
import { auth } from "./auth";
import { table, tasksLink } from "./table";
import { webOrigins } from "./web-origin";

/**
 * The streaming export (see `exportFunction`): response streaming through a
 * Function URL, which needs no API Gateway and has no 30-second or 10 MB limit.
 * It may only Query the table's indexes, read a membership (an export of one list)
 * and read the issuer's URL.
 */
export const exporter = new sst.aws.Function("TaskExport", {
  handler: exportFunction.handler,
  streaming: true,
  // A streamed response may run to Lambda's limit; hundreds of thousands of tasks take minutes at worst.
  timeout: "15 minutes",
  url: {
    cors: {
      allowOrigins: webOrigins,
      allowMethods: [...exportFunction.cors.allowMethods],
      allowHeaders: [...exportFunction.cors.allowHeaders],
      exposeHeaders: [...exportFunction.cors.exposeHeaders],
      maxAge: `${exportFunction.cors.maxAge} seconds`,
    },
  },
  ...accessArgs(exportFunction.access, {
    Tasks: {
      link: tasksLink,
      arns: { resource: [table.arn], indexes: [$interpolate`${table.arn}/index/*`] },
    },
    Auth: { link: auth },
  }),
});
