/// <reference path="./.sst/platform/config.d.ts" />
import { isProductionStage } from "./infra/stage";

export default $config({
  app(input) {
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
    const { web } = await import("./infra/web");
    return { api: api.url, auth: auth.properties.url, web: web.url, table: table.name };
  },
});
