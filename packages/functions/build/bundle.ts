/**
 * Bundles a Lambda handler the way SST 4's Node.js runtime does on `sst deploy`
 * (pkg/runtime/node/build.go): esbuild, ESM, platform node, target esnext, main
 * fields `module,main`, keepNames, SST's banner (a `require`, `__filename` and
 * `__dirname` for ESM), `sharp` and `pg-native` external, minified (the infra sets
 * `nodejs.minify: true` on every function), no source map.
 *
 * Used by the offline infra tests (each function `sst.config.ts` declares is built
 * through here when SST asks its CLI for "Runtime.Build") and by anything else
 * that wants the deployed artefact, such as benchmarks of cold-start weight.
 */
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { type BuildOptions, build, type Metafile } from "esbuild";

/** SST's ESM banner, line for line. */
export const SST_BANNER = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
  `const __filename = topLevelFileUrlToPath(import.meta.url)`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
  "",
].join("\n");

/** Packages SST always leaves out of the bundle (and installs beside it). */
export const SST_FORCE_EXTERNAL = ["sharp", "pg-native"];

const NODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Node built-ins, bare and `node:`-prefixed: the only imports the Lambda runtime provides. */
const RUNTIME_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export interface HandlerFile {
  /** Absolute path of the source file. */
  file: string;
  /** The export Lambda calls. */
  exportName: string;
  /** The handler string Lambda is given (`<file name>.<export>`), as SST writes it. */
  lambdaHandler: string;
}

/** Resolves an SST handler reference (`packages/functions/src/tasks/create.handler`). */
export function resolveHandler(reference: string, root: string): HandlerFile {
  const dot = reference.lastIndexOf(".");
  if (dot <= reference.lastIndexOf("/")) {
    throw new Error(`Handler "${reference}" names no export (expected <file>.<export>)`);
  }
  const base = reference.slice(0, dot);
  const exportName = reference.slice(dot + 1);
  const file = NODE_EXTENSIONS.map((ext) => path.join(root, base + ext)).find(existsSync);
  if (!file) throw new Error(`Handler not found: ${reference}`);
  const fileName = path.basename(base).replaceAll(".", "-");
  return { file, exportName, lambdaHandler: `${fileName}.${exportName}` };
}

/**
 * The esbuild options SST uses for a production build of `file` into `outfile`, with
 * the function's own `nodejs.esbuild.external` added as SST adds them. With
 * `splitting` (the function's `nodejs.splitting`), what `file` imports with `import()`
 * goes to chunks beside `outfile`.
 */
export function sstBuildOptions(
  file: string,
  outfile: string,
  external: string[] = [],
  splitting = false,
): BuildOptions {
  return {
    entryPoints: [file],
    platform: "node",
    external: [...SST_FORCE_EXTERNAL, ...external],
    keepNames: true,
    bundle: true,
    metafile: true,
    ...(splitting
      ? {
          outdir: path.dirname(outfile),
          entryNames: path.basename(outfile, ".mjs"),
          outExtension: { ".js": ".mjs" },
          splitting: true,
        }
      : { outfile }),
    write: true,
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    banner: { js: SST_BANNER },
    minify: true,
    sourcemap: false,
    logLevel: "silent",
  };
}

export interface BundleResult extends HandlerFile {
  outfile: string;
  bytes: number;
  metafile: Metafile;
}

/**
 * Builds `reference` into `outdir/<file>.mjs`, leaving `external` (the function's
 * `nodejs.esbuild.external`) out. Throws if esbuild fails (an import that does not
 * resolve), if the bundle imports anything but a Node built-in when it loads, or if
 * the code reaches a package its own package.json lists only as a devDependency (or
 * not at all).
 */
export async function bundleHandler(
  reference: string,
  {
    root,
    outdir,
    external = [],
    splitting = false,
  }: { root: string; outdir: string; external?: string[]; splitting?: boolean },
): Promise<BundleResult> {
  const handler = resolveHandler(reference, root);
  const outfile = path.join(outdir, `${handler.lambdaHandler.split(".")[0]}.mjs`);
  let metafile: Metafile;
  try {
    ({ metafile } = (await build(sstBuildOptions(handler.file, outfile, external, splitting))) as {
      metafile: Metafile;
    });
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string } }[] }).errors;
    const detail = errors?.map((e) => `${e.text} (${e.location?.file ?? "?"})`).join("; ");
    throw new Error(`${reference} does not build: ${detail ?? String(error)}`);
  }
  const problems = [...runtimeImportProblems(metafile), ...undeclaredImports(metafile, root)];
  if (problems.length > 0) {
    throw new Error(`${reference} would fail in Lambda:\n  ${problems.join("\n  ")}`);
  }
  // With splitting, chunks are outputs too: the entry is the one built from the handler.
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint);
  if (!output?.exports.includes(handler.exportName)) {
    throw new Error(`${reference}: ${handler.file} has no export "${handler.exportName}"`);
  }
  return { ...handler, outfile, bytes: output.bytes, metafile };
}

/**
 * Imports left in the bundle that the Lambda Node.js runtime cannot satisfy. Only
 * Node's built-ins resolve from an ESM bundle in /var/task (ESM ignores NODE_PATH,
 * where the runtime keeps its own SDK). A package left external may therefore only
 * be imported lazily, `import()` on a path Lambda never takes (the SDK's fallback
 * credential providers: Lambda always sets credentials in the environment); a static
 * import of it fails the function's init.
 */
export function runtimeImportProblems(metafile: Metafile): string[] {
  const problems: string[] = [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external || RUNTIME_BUILTINS.has(imported.path)) continue;
      if (imported.kind === "dynamic-import" && !SST_FORCE_EXTERNAL.includes(imported.path))
        continue;
      problems.push(
        imported.kind === "dynamic-import"
          ? `${file} imports "${imported.path}", which the Lambda runtime lacks`
          : `${file} imports "${imported.path}" when it loads, which the Lambda runtime lacks`,
      );
    }
  }
  return problems;
}

/**
 * Packages the project's own source imports without listing them in `dependencies`
 * of its package.json (a devDependency is not there on a production install).
 */
export function undeclaredImports(metafile: Metafile, root: string): string[] {
  const problems: string[] = [];
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (input.includes("node_modules/")) continue;
    const manifest = nearestPackageJson(path.resolve(root, input));
    for (const imported of imports) {
      const specifier = imported.original ?? imported.path;
      if (imported.external || !imported.path.includes("node_modules/")) continue;
      const name = packageName(specifier);
      if (!manifest.dependencies.has(name)) {
        problems.push(`${input} imports "${specifier}", not in ${manifest.path}'s dependencies`);
      }
    }
  }
  return problems;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

const manifests = new Map<string, { path: string; dependencies: Set<string> }>();

function nearestPackageJson(file: string): { path: string; dependencies: Set<string> } {
  let dir = path.dirname(file);
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${file}`);
    dir = parent;
  }
  const manifestPath = path.join(dir, "package.json");
  let manifest = manifests.get(manifestPath);
  if (!manifest) {
    const json = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      dependencies?: Record<string, string>;
    };
    manifest = { path: manifestPath, dependencies: new Set(Object.keys(json.dependencies ?? {})) };
    manifests.set(manifestPath, manifest);
  }
  return manifest;
}
