// Prints the gzipped size of the entry chunk(s) that index.html loads, from dist/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = join(import.meta.dirname, "..", process.argv[2] ?? "dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const entries = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1]);
if (entries.length === 0) throw new Error(`No entry script in ${dist}/index.html`);
const LIMIT = 150 * 1024;
let failed = false;
for (const entry of entries) {
  const size = gzipSync(readFileSync(join(dist, entry))).length;
  console.log(`${entry}: ${(size / 1024).toFixed(1)} KiB gzipped (budget 150 KiB)`);
  if (size > LIMIT) failed = true;
}
if (failed) process.exit(1);
