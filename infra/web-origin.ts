import { isProduction, webDomain } from "./config";

/**
 * The web app is served through a Router created first, so its URL can be named by
 * the API's CORS and the issuer's redirect allow-list before the site (which needs
 * their URLs at build time) exists: no dependency cycle.
 */
export const router = new sst.aws.Router("Web", webDomain ? { domain: webDomain } : {});

/**
 * Origins the API and the issuer trust; `sst dev` runs the site on localhost, so
 * loopback origins are listed for it, never for a production stage.
 */
export const webOrigins =
  $dev && !isProduction
    ? [router.url, "http://localhost:5173", "http://127.0.0.1:5173"]
    : [router.url];
