/**
 * Bundles every handler the route table and the issuer name, once per test run
 * and concurrently, exactly as SST would on deploy. The stage runs reuse these
 * for SST's "Runtime.Build" (same handler, same options, same output) instead of
 * each building them again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { bundleHandler } from "../../packages/functions/build/bundle";
import { issuer, routes } from "../../packages/functions/src/routes";
import { functionBundle, issuerBundle, onDemandHandlers } from "../function-bundle";

export interface PrebuiltBundle {
  handler: string;
  outdir: string;
  outfile: string;
  lambdaHandler: string;
  exportName: string;
  bytes: number;
  /** What the build left out of the bundle (the functions' `nodejs.esbuild.external`). */
  external: string[];
  /** The function's `nodejs.splitting` (the issuer's: infra/function-bundle.ts). */
  splitting: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    bundles: { root: string; built: PrebuiltBundle[] };
  }
}

export const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "handler-bundles-"));
  const handlers = [...new Set([...routes.map((route) => route.handler), issuer.handler])];
  const built = await Promise.all(
    handlers.map(async (handler, index) => {
      const outdir = path.join(dir, String(index));
      const splitting =
        (handler === issuer.handler && issuerBundle.splitting) ||
        onDemandHandlers.includes(handler);
      const result = await bundleHandler(handler, {
        root,
        outdir,
        external: functionBundle.esbuild.external,
        splitting,
      });
      return {
        handler,
        outdir,
        outfile: result.outfile,
        lambdaHandler: result.lambdaHandler,
        exportName: result.exportName,
        bytes: result.bytes,
        external: functionBundle.esbuild.external,
        splitting,
      };
    }),
  );
  project.provide("bundles", { root: dir, built });
  return () => rmSync(dir, { recursive: true, force: true });
}
