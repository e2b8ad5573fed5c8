/**
 * The test command's check that no Lambda bundle grows past its budget: every
 * handler of the route table and the issuer, bundled as SST deploys them (with
 * infra's own `nodejs` options), minified. Fast (esbuild only): no benchmark runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamCleanup } from "@taskmanager/functions/attachments/cleanup-subscription";
import { exportFunction, issuer, routes } from "@taskmanager/functions/routes";
import { bundleHandler, largestPackages } from "./lib/bundle";
import { kib } from "./lib/report";

const KiB = 1024;
/**
 * Minified bytes per handler. A task handler (and the export) is held to the issue's
 * 400 KiB: the task functions build their requests for the bare DynamoDB client
 * (`core/src/task/record.ts`), so ElectroDB is not in these bundles at all.
 */
const TASK_HANDLER_BUDGET = 400 * KiB;
/** Attachment handlers and the stream's cleanup also carry the S3 client and its presigner. */
const S3_HANDLER_BUDGET = 820 * KiB;
const budgetOf = (reference: string): number =>
  reference === issuer.handler
    ? 500 * KiB
    : reference.includes("/openapi/")
      ? 120 * KiB
      : reference.includes("/attachments/")
        ? S3_HANDLER_BUDGET
        : TASK_HANDLER_BUDGET;

const outDir = mkdtempSync(join(tmpdir(), "taskmanager-bundle-size-"));
try {
  const references = [
    ...new Set([
      ...routes.map((route) => route.handler),
      issuer.handler,
      exportFunction.handler,
      streamCleanup.handler,
    ]),
  ];
  const bundles = await Promise.all(
    references.map((reference) => bundleHandler(reference, outDir)),
  );
  let over = 0;
  for (const bundle of bundles) {
    const budget = budgetOf(bundle.reference);
    const fits = bundle.bytes <= budget;
    if (!fits) over++;
    const largest = largestPackages(bundle, 3)
      .map((p) => `${p.name} ${kib(p.bytes)}`)
      .join(", ");
    console.log(
      `${fits ? "ok  " : "OVER"} ${bundle.reference}: ${kib(bundle.bytes)} (budget ${kib(budget)}; ${largest})`,
    );
  }
  if (over) {
    console.error(`${over} handler bundle(s) over budget`);
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
