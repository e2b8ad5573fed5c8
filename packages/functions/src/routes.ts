/**
 * The API's one route table. `sst.config.ts` turns each entry into an API Gateway
 * route with its own Lambda; the local stack serves the same entries with the same
 * handlers. Handler paths are SST's: file from the repo root, then the export.
 */
export interface RouteDefinition {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  handler: string;
}

export const routes = [
  { method: "POST", path: "/tasks", handler: "packages/functions/src/tasks/create.handler" },
  { method: "GET", path: "/tasks", handler: "packages/functions/src/tasks/list.handler" },
  { method: "GET", path: "/tasks/{taskId}", handler: "packages/functions/src/tasks/get.handler" },
  {
    method: "PATCH",
    path: "/tasks/{taskId}",
    handler: "packages/functions/src/tasks/update.handler",
  },
  {
    method: "DELETE",
    path: "/tasks/{taskId}",
    handler: "packages/functions/src/tasks/remove.handler",
  },
] as const satisfies readonly RouteDefinition[];

/** The issuer's handler, served by `sst.aws.Auth` in AWS and by the local stack here. */
export const issuerHandler = "packages/functions/src/auth/issuer.handler";

/** CORS for the API (API Gateway answers preflight itself); origins come per stage. */
export const apiCors = {
  allowMethods: [...new Set(routes.map((route) => route.method))],
  allowHeaders: ["authorization", "content-type"],
  maxAge: 600,
};
