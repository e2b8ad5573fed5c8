import { isProduction, webDomain } from "./config";
import { DEV_WEB_PORT, DEV_WEB_URL } from "./constants";

/**
 * Deployed, the web app is served through a Router created first, so its URL can
 * be named by the API's CORS and the issuer's redirect allow-list before the site
 * (which needs their URLs at build time) exists: no dependency cycle. In `sst dev`
 * the site runs on this machine, so no CloudFront distribution is made for it.
 */
export const router =
  $dev && !isProduction
    ? undefined
    : new sst.aws.Router("Web", webDomain ? { domain: webDomain } : {});

/** Origins the API and the issuer trust: loopback only for `sst dev` on a non-production stage. */
export const webOrigins: $util.Input<string>[] = router
  ? [router.url]
  : [DEV_WEB_URL, `http://127.0.0.1:${DEV_WEB_PORT}`];
