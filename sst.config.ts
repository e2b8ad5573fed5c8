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
    const { auth } = await import("./infra/auth");
    const { api } = await import("./infra/api");
    const { exporter } = await import("./infra/export");
    const { web } = await import("./infra/web");
    return {
      api: api.url,
      auth: auth.properties.url,
      export: exporter.url,
      web: web.url,
      table: table.name,
    };
  },
});
