import { api } from "./api";
import { issuerUrl } from "./auth";
import { DEV_WEB_URL } from "./constants";
import { exporter } from "./export";
import { router } from "./web-origin";

/**
 * The React app (Vite SPA), given the API, issuer and export URLs at build time. In
 * `sst dev` it is not deployed: SST runs `dev.command` (Vite, with the same
 * VITE_ variables) in its multiplexer instead.
 */
export const web = new sst.aws.StaticSite("WebApp", {
  path: "packages/web",
  build: { command: "pnpm run build", output: "dist" },
  ...(router && { router: { instance: router } }),
  dev: { command: "pnpm run dev", url: DEV_WEB_URL },
  // SST writes a types file for the VITE_ variables; src/vite-env.d.ts already declares
  // them (with docs), so SST's copy goes where git and Biome do not look.
  vite: { types: ".sst/sst-env.d.ts" },
  environment: {
    VITE_API_URL: api.url,
    VITE_AUTH_URL: issuerUrl,
    VITE_EXPORT_URL: exporter.url,
  },
  // Versioned like every bucket: a bad deploy's overwritten files can be restored.
  transform: {
    assets: (args) => {
      args.versioning = true;
    },
  },
});

const assets = web.nodes.assets;
if (assets) {
  // ...for 30 days, after which replaced builds stop costing storage.
  new aws.s3.BucketLifecycleConfiguration("WebAppAssetsLifecycle", {
    bucket: assets.name,
    rules: [
      {
        id: "expire-replaced-builds",
        status: "Enabled",
        filter: {},
        noncurrentVersionExpiration: { noncurrentDays: 30 },
      },
    ],
  });
}
