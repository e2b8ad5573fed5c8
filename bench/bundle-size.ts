/**
 * The test command's check that no Lambda bundle grows past its budget: every
 * handler of the route table and the issuer, bundled as SST deploys them (with
 * infra's own `nodejs` options), minified. Fast (esbuild only): no benchmark runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BundleKind, bundleKindOf } from "@taskmanager/functions/access";
import { streamCleanup } from "@taskmanager/functions/attachments/cleanup-subscription";
import { digestJob } from "@taskmanager/functions/digests/job";
import { reminderJob } from "@taskmanager/functions/reminders/job";
import { exportFunction, issuer, routes } from "@taskmanager/functions/routes";
import { issuerBundle, onDemandHandlers } from "../infra/function-bundle";
import { bundleHandler, largestPackages } from "./lib/bundle";
import { kib } from "./lib/report";

const KiB = 1024;
/**
 * Minified bytes per kind of function (`bundleKindOf` in functions/src/access.ts:
 * what a function may touch decides what it bundles). docs/performance.md has what
 * each kind weighs and why; ElectroDB is in every kind that reads the table.
 */
const BUDGETS: Record<BundleKind, number> = {
  // 650: the edge's access decision and the list entities (docs/decisions.md, lists).
  dynamodb: 650 * KiB,
  "dynamodb+s3": 820 * KiB,
  issuer: 820 * KiB,
  // 132: every route's contract; issue 19's All view and export scope and issue 20's
  // settings took it from 126 to 128.5 KiB (docs/decisions.md, lists).
  document: 132 * KiB,
};

const outDir = mkdtempSync(join(tmpdir(), "taskmanager-bundle-size-"));
try {
  const kinds = new Map<string, BundleKind>([
    ...routes.map((route) => [route.handler, bundleKindOf(route.access)] as const),
    [issuer.handler, bundleKindOf(issuer.access)],
    [exportFunction.handler, bundleKindOf(exportFunction.access)],
    [streamCleanup.handler, bundleKindOf(streamCleanup.access)],
    [reminderJob.handler, bundleKindOf(reminderJob.access)],
    [digestJob.handler, bundleKindOf(digestJob.access)],
  ]);
  const references = [...kinds.keys()];
  // The issuer bundles with splitting (infra/function-bundle.ts says why): what it
  // loads at init is its entry and the chunks that imports statically.
  const splitting = new Set<string>([
    ...(issuerBundle.splitting ? [issuer.handler] : []),
    ...onDemandHandlers,
  ]);
  const bundles = await Promise.all(
    references.map((reference) =>
      bundleHandler(reference, outDir, { splitting: splitting.has(reference) }),
    ),
  );
  let over = 0;
  for (const bundle of bundles) {
    const kind = kinds.get(bundle.reference) as BundleKind;
    const budget = BUDGETS[kind];
    const fits = bundle.bytes <= budget;
    if (!fits) over++;
    const largest = largestPackages(bundle, 3)
      .map((p) => `${p.name} ${kib(p.bytes)}`)
      .join(", ");
    const lazy = bundle.lazyBytes ? `; ${kib(bundle.lazyBytes)} more on demand` : "";
    console.log(
      `${fits ? "ok  " : "OVER"} ${bundle.reference}: ${kib(bundle.bytes)} (${kind} budget ${kib(budget)}; ${largest}${lazy})`,
    );
  }
  if (over) {
    console.error(`${over} handler bundle(s) over budget`);
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
