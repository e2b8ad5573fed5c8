import { bundleHandler } from "./lib/bundle";
const b = await bundleHandler(process.argv[2] ?? "packages/functions/src/tasks/list.handler", "/tmp/perf-bundles");
const out = Object.values(b.metafile.outputs)[0]!;
const rows = Object.entries(out.inputs).map(([k, v]) => [k.replace(/.*node_modules\//, ""), v.bytesInOutput] as const).sort((a, b) => b[1] - a[1]);
for (const [k, v] of rows.slice(0, Number(process.argv[3] ?? 45))) console.log((v / 1024).toFixed(1).padStart(7), k);
