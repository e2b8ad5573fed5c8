/**
 * The issuer on this machine: the same module Lambda runs, served through its Hono
 * app rather than the Lambda adapter. Loaded on the first request, because the
 * module reads `Resource` when it is imported.
 */
import type { Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { issuer } from "@taskmanager/functions/routes";
import { loadExport } from "../aws/lambda-handlers";
import { createServer } from "./http-server";

export function createIssuerServer(): Server {
  let listener: ReturnType<typeof getRequestListener> | undefined;
  return createServer(async (req, res) => {
    if (!listener) {
      const app = (await loadExport(issuer.app)) as {
        fetch: Parameters<typeof getRequestListener>[0];
      };
      listener = getRequestListener(app.fetch);
    }
    await listener(req, res);
  });
}
