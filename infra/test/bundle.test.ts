/**
 * Every handler builds as SST builds it on deploy (ESM, minified, SST's banner),
 * and the build refuses what would fail in Lambda.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, test } from "vitest";
import { bundleHandler, SST_BANNER } from "../../packages/functions/build/bundle";
import { issuer, routes } from "../../packages/functions/src/routes";
import { functionBundle } from "../function-bundle";
import { root } from "./bundles.global";

const { built } = inject("bundles");

describe("every handler of the route table and the issuer", () => {
  test("is bundled", () => {
    expect(built.map((b) => b.handler).sort()).toEqual(
      [...new Set([...routes.map((r) => r.handler), issuer.handler])].sort(),
    );
  });

  test.each(built)(
    "$handler is minified ESM behind SST's banner, one file (or, with splitting, an entry and its chunks) exporting its handler",
    (bundle) => {
      const code = readFileSync(bundle.outfile, "utf8");
      const files = bundle.splitting
        ? readdirSync(bundle.outdir).filter((file) => file.endsWith(".mjs"))
        : [path.basename(bundle.outfile)];
      const outputs = files.map((file) => readFileSync(path.join(bundle.outdir, file), "utf8"));
      for (const output of outputs) expect(output.startsWith(SST_BANNER)).toBe(true);
      expect(bundle.outfile.endsWith(".mjs")).toBe(true);
      // ESM: exports by `export{...}`, no CommonJS wrapper of its own.
      expect(code).toMatch(
        new RegExp(
          `export\\{[^}]*\\bas ${bundle.exportName}\\b|export\\{[^}]*\\b${bundle.exportName}\\b`,
        ),
      );
      expect(code).not.toMatch(/\bmodule\.exports\s*=/);
      // Minified: far fewer lines than bytes per line of source.
      const bytes = outputs.reduce((sum, output) => sum + Buffer.byteLength(output), 0);
      const lines = outputs.reduce((sum, output) => sum + output.split("\n").length, 0);
      expect(bytes / lines).toBeGreaterThan(1000);
      expect(bundle.lambdaHandler).toBe(
        `${path.basename(bundle.outfile, ".mjs")}.${bundle.exportName}`,
      );
    },
  );
});

describe("the build refuses a handler that would fail in Lambda", () => {
  const build = async (fixture: string, external: string[] = []) =>
    bundleHandler(`infra/test/fixtures/${fixture}`, {
      root,
      outdir: await mkdtemp(path.join(tmpdir(), "fixture-")),
      external,
    });

  test("importing a devDependency", async () => {
    await expect(build("imports-dev-dependency.handler")).rejects.toThrow(
      /imports "ajv", not in .*package\.json's dependencies/,
    );
  });

  test("importing something installed nowhere", async () => {
    await expect(build("imports-missing.handler")).rejects.toThrow(
      /does not build: Could not resolve "no-such-package-anywhere"/,
    );
  });

  test("importing what SST leaves external and the runtime lacks", async () => {
    await expect(build("imports-external.handler")).rejects.toThrow(
      /imports "sharp", which the Lambda runtime lacks/,
    );
  });

  test("importing, when it loads, a package its bundle leaves external", async () => {
    await expect(
      build("imports-external-statically.handler", functionBundle.esbuild.external),
    ).rejects.toThrow(
      /imports "@aws-sdk\/credential-provider-ini" when it loads, which the Lambda runtime lacks/,
    );
  });

  test("naming an export the file does not have", async () => {
    await expect(build("no-export.handler")).rejects.toThrow(/has no export "handler"/);
  });
});
