/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  async app(input) {
    // No top-level imports in this file (SST refuses them): the stage rules are imported here.
    const { isProductionStage, resourceTags } = await import("./infra/stage");
    const name = "taskmanager";
    const stage = input?.stage ?? "dev";
    const production = isProductionStage(stage);
    return {
      name,
      home: "aws",
      // Production data outlives the stack; other stages clean up after themselves.
      removal: production ? "retain" : "remove",
      protect: production,
      providers: { aws: { defaultTags: { tags: resourceTags(name, stage) } } },
    };
  },
  async run() {
    // Imported here, not at the top: SST evaluates infra only inside run().
    // Decided first, so a refused setting stops the deploy before anything is made.
    const { monitoringEnabled } = await import("./infra/config");
    const monitoring = monitoringEnabled();
    // defaults first: its transforms shape every function created after it.
    await import("./infra/defaults");
    const { table } = await import("./infra/table");
    const { bucket } = await import("./infra/bucket");
    await import("./infra/table-stream");
    const { issuerUrl } = await import("./infra/auth");
    const { api } = await import("./infra/api");
    const { exporter } = await import("./infra/export");
    await import("./infra/reminders");
    await import("./infra/digests");
    const { web } = await import("./infra/web");
    // monitoring last: it alarms on every function, table and stream created above.
    // Production stages always; others only with MONITORING=true (infra/config.ts).
    if (monitoring) await import("./infra/monitoring");
    return {
      api: api.url,
      auth: issuerUrl,
      export: exporter.url,
      web: web.url,
      table: table.name,
      attachments: bucket.name,
    };
  },
});
