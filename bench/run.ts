/**
 * `pnpm bench`: every benchmark, one after another, each in a process of its own
 * (each starts its own local stack; handlers read `Resource` once per process).
 * `pnpm --filter @taskmanager/bench bench cold-start paging` runs some of them.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCHES = ["cold-start", "api-overhead", "paging", "load", "lists-views", "reminders"];
const here = dirname(fileURLToPath(import.meta.url));
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !BENCHES.includes(name));
if (unknown.length)
  throw new Error(`No benchmark ${unknown.join(", ")}; there are ${BENCHES.join(", ")}`);

for (const name of chosen.length ? chosen : BENCHES) {
  console.log(`\n## ${name}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", join(here, `${name}.ts`)], {
    stdio: "inherit",
    cwd: here,
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
