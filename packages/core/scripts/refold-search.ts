/**
 * Issue 18's backfill: rewrites every task's search copies with today's folding
 * (no case, no accents, whole tags), so old tasks are found as new ones are. Safe to
 * run while the app serves (an edit made meanwhile is never overwritten) and to run
 * again (it writes the same bytes). See packages/core/src/task/refold.ts.
 *
 *   pnpm sst shell --stage <stage> -- tsx packages/core/scripts/refold-search.ts
 *   pnpm sst shell --stage <stage> -- tsx packages/core/scripts/refold-search.ts --user <userId>
 */
import { parseArgs } from "node:util";
import { refoldSearchCopies } from "../src/task/refold";

const { values } = parseArgs({ options: { user: { type: "string" } } });
const started = Date.now();
const report = await refoldSearchCopies({
  ...(values.user ? { userId: values.user } : {}),
  onPage: ({ read }) => process.stdout.write(`\rread ${read.toLocaleString()} tasks`),
});
process.stdout.write("\n");
console.log(
  `${report.rewritten.toLocaleString()} rewritten, ${report.changedMeanwhile.toLocaleString()} changed meanwhile (already folded), in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
