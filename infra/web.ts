import { api } from "./api";
import { auth } from "./auth";
import { exporter } from "./export";
import { router } from "./web-origin";

/** The React app (Vite SPA), given the API, issuer and export URLs at build time. */
export const web = new sst.aws.StaticSite("WebApp", {
  path: "packages/web",
  build: { command: "pnpm run build", output: "dist" },
  router: { instance: router },
  environment: {
    VITE_API_URL: api.url,
    VITE_AUTH_URL: auth.properties.url,
    VITE_EXPORT_URL: exporter.url,
  },
});
