// Prints the gzipped size of what index.html loads before the app can render: the
// entry script plus the chunks it imports statically (Vite lists those as
// modulepreload links). Screens loaded on demand are listed apart, not counted.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KIB = 100;
const dist = join(import.meta.dirname, "..", process.argv[2] ?? "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const preloaded = [
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g),
].map((m) => m[1]);
if (entry.length === 0) throw new Error(`No entry script in ${dist}/index.html`);
const gzipped = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;
// A chunk that imports the entry back makes Vite list the entry as a modulepreload:
// that cycle runs the chunk before the entry's exports exist, and the page stays
// blank ("r is not a function"). vite.config.ts keeps React in a chunk of its own.
const cyclic = entry.filter((file) => preloaded.includes(file));
if (cyclic.length > 0) {
  console.error(`A chunk imports the entry back (${cyclic.join(", ")}): the app would not start.`);
  process.exit(1);
}
const upfront = [...entry, ...preloaded];
let total = 0;
for (const file of upfront) {
  const size = gzipped(file);
  total += size;
  console.log(`  ${file}: ${size.toFixed(1)} KiB`);
}
console.log(
  `entry and its static imports: ${total.toFixed(1)} KiB gzipped (budget ${BUDGET_KIB} KiB)`,
);
const lazy = readdirSync(join(dist, "assets"))
  .map((name) => `assets/${name}`)
  .filter((file) => file.endsWith(".js") && !upfront.includes(file));
const lazyTotal = lazy.reduce((sum, file) => sum + gzipped(file), 0);
console.log(
  `loaded on demand by screens: ${lazyTotal.toFixed(1)} KiB gzipped in ${lazy.length} chunks`,
);
if (total > BUDGET_KIB) process.exit(1);
