/**
 * Bundles a handler the way SST v4 deploys it: the options of SST's Node runtime
 * (`pkg/runtime/node/build.go` in the sst CLI: ESM, esnext, platform node, main
 * fields module then main, keepNames, its createRequire/__dirname banner, `sharp`
 * and `pg-native` always external, minified outside `sst dev`), plus our own
 * `nodejs` arguments from `infra/function-bundle.ts`, which infra passes to every
 * function. So what this measures is what deploys.
 */
import { mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { functionBundle } from "../../infra/function-bundle";
// SST's banner and forced externals, kept once beside the infra tests' bundler.
import { SST_BANNER, SST_FORCE_EXTERNAL } from "../../packages/functions/build/bundle";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Bundle {
  /** The SST handler reference, e.g. `packages/functions/src/tasks/list.handler`. */
  reference: string;
  /** The bundled `.mjs` file (with splitting, the entry; its chunks are beside it). */
  file: string;
  /** Its export name (what Lambda calls). */
  exportName: string;
  /** What Lambda loads at init: the entry and the chunks it imports statically. */
  bytes: number;
  /** With splitting: what loads only on demand (`import()`), in chunks of its own. */
  lazyBytes: number;
  /** The outputs counted in `bytes`, as the metafile names them. */
  loaded: string[];
  metafile: Metafile;
}

/** Splits an SST handler reference into the source file and its export. */
export function handlerSource(reference: string): { source: string; exportName: string } {
  const dot = reference.lastIndexOf(".");
  return {
    source: join(repoRoot, `${reference.slice(0, dot)}.ts`),
    exportName: reference.slice(dot + 1),
  };
}

/**
 * Bundles one handler reference (a source file for the bare baseline) into `outDir`;
 * with `splitting` (SST's `nodejs.splitting`), what it imports with `import()` goes
 * to chunks of its own, as SST deploys such a function.
 */
export async function bundleHandler(
  reference: string,
  outDir: string,
  { splitting = false }: { splitting?: boolean } = {},
): Promise<Bundle> {
  const { source, exportName } = handlerSource(reference);
  const name = reference.slice(0, reference.lastIndexOf(".")).replace(/[^\w]+/g, "-");
  const file = splitting
    ? join(outDir, name, `${basename(source, ".ts")}.mjs`)
    : join(outDir, `${name}.mjs`);
  mkdirSync(dirname(file), { recursive: true });
  const result = await build({
    entryPoints: [source],
    ...(splitting
      ? { outdir: dirname(file), splitting: true, outExtension: { ".js": ".mjs" } }
      : { outfile: file }),
    absWorkingDir: repoRoot,
    platform: "node",
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    bundle: true,
    keepNames: true,
    metafile: true,
    write: true,
    sourcemap: false,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    external: [...SST_FORCE_EXTERNAL, ...functionBundle.esbuild.external],
    banner: { js: SST_BANNER },
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint);
  if (!entry) throw new Error(`esbuild wrote nothing for ${reference}`);
  // The entry and, transitively, every chunk it imports statically.
  const loaded = new Set([entry]);
  for (const path of loaded) {
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && imported.path in outputs)
        loaded.add(imported.path);
    }
  }
  const bytesOf = (paths: string[]) => paths.reduce((sum, p) => sum + (outputs[p]?.bytes ?? 0), 0);
  return {
    reference,
    file,
    exportName,
    bytes: bytesOf([...loaded]),
    lazyBytes: bytesOf(Object.keys(outputs).filter((path) => !loaded.has(path))),
    loaded: [...loaded],
    metafile: result.metafile,
  };
}

/** The package (or first-party folder) a bundled input belongs to. */
export function ownerOf(input: string): string {
  const nodeModules = input.lastIndexOf("node_modules/");
  if (nodeModules < 0) return input.split("/").slice(0, 2).join("/");
  const rest = input.slice(nodeModules + "node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? input);
}

/** Bytes each package contributes to what the bundle loads at init, largest first. */
export function largestPackages(bundle: Bundle, count = 6): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const path of bundle.loaded) {
    const output = bundle.metafile.outputs[path];
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const name = ownerOf(input);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
