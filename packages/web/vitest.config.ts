import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [react()],
  test: {
    name: "web",
    root: import.meta.dirname,
    environment: "happy-dom",
    include: ["src/**/*.test.tsx"],
    setupFiles: ["src/test/setup.ts"],
    // Above the 5 s each findBy may wait (src/test/setup.ts), for a test that waits twice.
    testTimeout: 20_000,
    // The shapes AWS gives (docs/local-vs-aws.md): the HTTP API's URL without a
    // trailing slash, the issuer's as linked, the export's Function URL with one.
    env: {
      VITE_API_URL: "http://api.test",
      VITE_AUTH_URL: "http://auth.test",
      VITE_EXPORT_URL: "http://export.test/",
    },
  },
});
