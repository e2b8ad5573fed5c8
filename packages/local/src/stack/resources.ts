/**
 * The `Resource` values the local stack gives handlers: the same shapes SST links
 * in AWS (typed against sst-env.d.ts, so a new link there fails to compile here
 * until the local stack provides it), as the `SST_RESOURCE_*` variables SST reads.
 */
import type { Resource } from "sst";

export type LinkedResources = Omit<Resource, "App">;

export function resourceEnvironment(resources: LinkedResources): Record<string, string> {
  return Object.fromEntries(
    Object.entries(resources).map(([name, value]) => [
      `SST_RESOURCE_${name}`,
      JSON.stringify(value),
    ]),
  );
}

/** The values of a stack on this machine, from its URLs, table names and web origins. */
export function localResources(stack: {
  tasksTable: string;
  authTable: string;
  attachmentsBucket: string;
  authUrl: string;
  webOrigins: readonly string[];
}): LinkedResources {
  return {
    Tasks: { name: stack.tasksTable, type: "sst.sst.Linkable" },
    Attachments: { name: stack.attachmentsBucket, type: "sst.sst.Linkable" },
    Auth: { url: stack.authUrl, type: "sst.sst.Linkable" },
    AuthEmail: {
      from: "no-reply@taskmanager.local",
      configSet: "taskmanager-local",
      type: "sst.sst.Linkable",
    },
    AuthClients: { web: [...stack.webOrigins], type: "sst.sst.Linkable" },
    AuthStorage: { name: stack.authTable, type: "sst.sst.Linkable" },
  };
}
