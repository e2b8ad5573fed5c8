/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  async app(input) {
    // No top-level imports in this file (SST refuses them): the stage rule is imported here.
    const { isProductionStage } = await import("./infra/stage");
    const production = isProductionStage(input?.stage);
    return {
      name: "taskmanager",
      home: "aws",
      // Production data outlives the stack; other stages clean up after themselves.
      removal: production ? "retain" : "remove",
      protect: production,
    };
  },
  async run() {
    // Imported here, not at the top: SST evaluates infra only inside run().
    const { table } = await import("./infra/table");
    const { bucket } = await import("./infra/bucket");
    await import("./infra/table-stream");
    const { auth } = await import("./infra/auth");
    const { api } = await import("./infra/api");
    const { web } = await import("./infra/web");
    return {
      api: api.url,
      auth: auth.properties.url,
      web: web.url,
      table: table.name,
      attachments: bucket.name,
    };
  },
});
