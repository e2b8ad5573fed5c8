import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "e2e",
    root: import.meta.dirname,
    environment: "node",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    // The machine is shared: a screen may take a few seconds to load under load.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
  },
});
