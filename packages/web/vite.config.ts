import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    rolldownOptions: {
      output: {
        // Libraries only the screens use get chunks of their own, so the shell's
        // small shared modules are never bundled with them into the entry's imports.
        codeSplitting: {
          // A group takes only its own modules, not React that they import.
          includeDependenciesRecursively: false,
          groups: [
            // React and React DOM apart from the entry: a library chunk that took them
            // from the entry (the router did, once the sidebar's lazy import moved React
            // DOM there) imports the entry back, and that cycle runs the router before
            // React exists ("r is not a function": a blank page).
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
            },
            {
              name: "router",
              test: /[\\/]node_modules[\\/].*@tanstack[\\/](react-router|router-core|history|store|react-store)[\\/]/,
            },
            { name: "zod", test: /[\\/]node_modules[\\/].*zod[\\/]/ },
            {
              name: "query",
              test: /[\\/]node_modules[\\/].*@tanstack[\\/](query-core|react-query)[\\/]/,
            },
            {
              name: "openauth",
              test: /[\\/]node_modules[\\/].*(@openauthjs|jose|@standard-schema)[\\/]/,
            },
          ],
        },
      },
    },
  },
  // `sst dev` trusts exactly this origin (infra/web-origin.ts): never move to another port.
  server: { port: 5173, strictPort: true },
});
