/** Figures, tables and the JSON each benchmark leaves in bench/results/. */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./bundle";

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function summary(samples: readonly number[]) {
  return { n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/**
 * Times each way `rounds` times, round by round, rotating the order so that no way
 * always runs first or right after another: load on the machine falls on all alike.
 */
export async function interleaved<Way extends string>(
  ways: Record<Way, () => Promise<unknown>>,
  options: { rounds: number; warmup: number },
): Promise<Record<Way, ReturnType<typeof summary>>> {
  const names = Object.keys(ways) as Way[];
  const samples = new Map(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as Way;
      const started = performance.now();
      await ways[name]();
      if (round >= options.warmup) samples.get(name)?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, summary(samples.get(name) ?? [])]),
  ) as Record<Way, ReturnType<typeof summary>>;
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "-");
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : "-");
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Prints rows as an aligned Markdown table (so a run can be pasted into docs). */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] as number)).join(" | ")} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Writes bench/results/<name>.json (git-ignored: docs/performance.md keeps the figures). */
export function writeResult(name: string, result: unknown): string {
  const dir = join(repoRoot, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ name, at: new Date().toISOString(), machine: machine(), result }, null, 2)}\n`,
  );
  console.log(`\nwrote ${file}`);
  return file;
}
