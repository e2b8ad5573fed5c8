/**
 * Values the infra and its tests share. No SST globals here, so tests can import
 * it without running the stack.
 */

/** Lambda defaults for every function (infra/defaults.ts); a route may ask for more. */
export const FUNCTION_DEFAULTS = {
  runtime: "nodejs22.x",
  architecture: "arm64",
  memory: "512 MB",
  timeout: "10 seconds",
  logRetention: "2 weeks",
} as const;

/** API Gateway stage throttling: an unauthenticated flood is refused before any Lambda runs. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * Where `sst dev` runs the web app: Vite on this port with `strictPort`
 * (packages/web/vite.config.ts), so it never drifts to another port that the
 * API's CORS and the issuer's redirect list would not name.
 */
export const DEV_WEB_PORT = 5173;
export const DEV_WEB_URL = `http://localhost:${DEV_WEB_PORT}`;
