import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "backend",
          include: ["packages/{core,functions,local}/test/**/*.test.ts"],
          globalSetup: ["test/stack.global.ts"],
          setupFiles: ["test/stack.setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // sst.config.ts run under Pulumi's mocks (no AWS), and every handler bundled as SST does.
        test: {
          name: "infra",
          include: ["infra/test/**/*.test.ts"],
          globalSetup: ["infra/test/bundles.global.ts"],
          // Generous: loading SST's components and Pulumi takes long on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      // The web app's component ("web") and browser ("e2e") projects.
      "packages/web/vitest*.config.ts",
    ],
  },
});
