/**
 * How the deployed URLs are spelled and joined with a path, for every place that
 * does it (the web app, the API's token check, the local stack, the smoke test).
 *
 * AWS gives two shapes: an HTTP API's URL has no trailing slash
 * (`https://<id>.execute-api.<region>.amazonaws.com`), a Function URL has one
 * (`https://<id>.lambda-url.<region>.on.aws/`); a custom domain may add a base path.
 * String concatenation gets one of them wrong (`//token`, which the issuer's router
 * does not match), and `new URL("/path", base)` drops a base path. These two do
 * neither, whatever the shape.
 */

/** `path` (with or without a leading `/`, with a query) below `base`, keeping base's own path. */
export function joinUrl(base: string, path: string): URL {
  const directory = base.endsWith("/") ? base : `${base}/`;
  return new URL(path.replace(/^\/+/, ""), directory);
}

/**
 * The issuer's URL as OpenAuth expects it: no trailing slash (its client builds
 * `issuer + "/authorize"`, and the tokens' `iss` is compared as a string).
 */
export function issuerUrlFrom(functionUrl: string): string {
  return functionUrl.replace(/\/+$/, "");
}
