/**
 * `pnpm bench:export`: the streaming export measured, not assumed. Seeds N tasks
 * for one person in DynamoDB Local (batch writes), exports them through the local
 * Function URL served by a process of its own, and prints, for each N: time to
 * first byte, total time, tasks per second, that process's peak RSS (and growth
 * over its RSS before the export), and, in the same run over the same data, the
 * tasks per second of a bare paginated Query loop (the ceiling).
 *
 *   pnpm bench:export                 N = 1,000 and 100,000
 *   BENCH_SIZES=1000,20000 BENCH_REPEATS=5 pnpm bench:export
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  paginateQuery,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { REDIRECT_URI, signIn, signUp } from "@taskmanager/local/clients/sign-in";
import { startStackProcess } from "@taskmanager/local/stack/stack-process";
import type { ServerMessage } from "./export-server";
import { BENCH_TTL_SWEEP_MS, handlerEnvironment } from "./lib/environment";

const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const FORMATS = ["csv", "ndjson"] as const;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
/** First-byte times are short and this machine is shared: many cheap probes, the median. */
const PROBES = Number(process.env.BENCH_PROBES ?? 15);
const MiB = 1024 * 1024;

const run = `bench-export-${Date.now().toString(36)}`;
// The issuer redirects only to known origins: the one sign-in uses.
const webOrigins = [new URL(REDIRECT_URI).origin];
const stack = await startStackProcess({
  inMemory: true,
  printMail: false,
  tables: { tasks: `${run}-tasks`, auth: `${run}-auth` },
  webOrigins,
  ttlSweepMs: BENCH_TTL_SWEEP_MS,
});
const environment = handlerEnvironment(stack, webOrigins);
Object.assign(process.env, environment);
// Read `Resource` only now that it is set.
const { seedTasks } = await import("@taskmanager/core/seed");
const { TaskEntity } = await import("../packages/core/src/task/entity");
const { EXPORT_PAGE_SIZE, LISTED_ATTRIBUTES } = await import("@taskmanager/core/task");

const child: ChildProcess = spawn(
  process.execPath,
  ["--import", "tsx", resolve(import.meta.dirname, "export-server.ts")],
  { env: { ...process.env, ...environment }, stdio: ["ignore", "ignore", "inherit", "ipc"] },
);
const replies: Array<(message: ServerMessage) => void> = [];
child.on("message", (message: ServerMessage) => replies.shift()?.(message));
const nextReply = () => new Promise<ServerMessage>((done) => replies.push(done));
const exportUrl = await nextReply().then((m) => (m.type === "ready" ? m.url : ""));
async function rss(type: "reset" | "rss") {
  const reply = nextReply();
  child.send({ type });
  const message = await reply;
  if (message.type !== "rss") throw new Error("unexpected reply");
  return message;
}

const PASSWORD = "correct-horse-battery";

async function newPerson() {
  const email = `${run}-${Math.random().toString(36).slice(2)}@example.com`;
  const { access } = await signUp(stack.urls, email, PASSWORD);
  const payload = JSON.parse(Buffer.from(access.split(".")[1] ?? "", "base64url").toString());
  // Seeding and long runs outlast an access token: sign in again for each export.
  const token = async () => (await signIn(stack.urls, email, PASSWORD)).access;
  return { token, userId: payload.properties.userId as string };
}

/** One export, read as a browser would: bytes counted, lines counted, nothing kept. */
async function exportOnce(token: () => Promise<string>, format: (typeof FORMATS)[number]) {
  const authorization = `Bearer ${await token()}`;
  const before = await rss("reset");
  const started = performance.now();
  const response = await fetch(`${exportUrl}/?format=${format}`, {
    headers: { authorization },
  });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let ttfb = 0;
  let bytes = 0;
  let lines = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (!ttfb) ttfb = performance.now() - started;
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 10) lines += 1;
  }
  const total = performance.now() - started;
  const after = await rss("rss");
  return { ttfb, total, bytes, lines, rssBefore: before.now, rssPeak: after.peak };
}

/** Time to the first body byte alone: read one chunk, then go away (the export stops). */
async function firstByte(token: () => Promise<string>, format: (typeof FORMATS)[number]) {
  const authorization = `Bearer ${await token()}`;
  const abort = new AbortController();
  const started = performance.now();
  const response = await fetch(`${exportUrl}/?format=${format}`, {
    headers: { authorization },
    signal: abort.signal,
  });
  await (response.body as ReadableStream<Uint8Array>).getReader().read();
  const ttfb = performance.now() - started;
  abort.abort();
  // The page read ahead is still being served; let it finish so the next probe starts idle.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return ttfb;
}

/**
 * The ceiling: the very Query the export sends (same index, order, page size and projection),
 * page after page with lib-dynamodb, items only counted, nothing parsed or written.
 */
async function bareQueryLoop(userId: string) {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const input = TaskEntity.query.byCreated({ userId }).params({
    order: "desc",
    limit: EXPORT_PAGE_SIZE,
    attributes: LISTED_ATTRIBUTES,
  }) as QueryCommandInput;
  const started = performance.now();
  let items = 0;
  for await (const page of paginateQuery({ client }, input)) items += page.Items?.length ?? 0;
  return { items, ms: performance.now() - started };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, ${fmt(totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}, DynamoDB Local 3.3 (in memory)`,
);

// Warm up the server (module loading, JWKS, JIT) and DynamoDB Local (its query path
// is slow until the JVM has compiled it), so no measured run is a cold start.
const warm = await newPerson();
await seedTasks(warm.userId, 3_000, { concurrency: 8 });
for (let i = 0; i < 3; i += 1) {
  await bareQueryLoop(warm.userId);
  for (const format of FORMATS) await exportOnce(warm.token, format);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const results: Array<Record<string, string | number>> = [];
const summary: Array<{
  size: number;
  format: string;
  ttfb: number;
  rate: number;
  bareRate: number;
  growth: number;
}> = [];
for (const size of SIZES) {
  const person = await newPerson();
  const seedStarted = performance.now();
  await seedTasks(person.userId, size, { concurrency: 8 });
  console.log(`Seeded ${fmt(size)} tasks in ${fmt((performance.now() - seedStarted) / 1000, 1)} s`);

  // Interleaved, so a slow spell on this shared machine hits both sides alike.
  const bareMs: number[] = [];
  const runs: Record<string, Array<Awaited<ReturnType<typeof exportOnce>>>> = {
    csv: [],
    ndjson: [],
  };
  for (let r = 0; r < REPEATS; r += 1) {
    const bare = await bareQueryLoop(person.userId);
    if (bare.items !== size) throw new Error(`the bare loop read ${bare.items} of ${size}`);
    bareMs.push(bare.ms);
    console.log(`  N=${fmt(size)} run ${r + 1}: bare Query loop ${fmt(bare.ms / 1000, 2)} s`);
    for (const format of FORMATS) {
      const result = await exportOnce(person.token, format);
      // A seeded description holds one line break: CSV keeps it (plus the header row), JSON escapes it.
      const rows = format === "csv" ? (result.lines - 1) / 2 : result.lines;
      if (rows !== size) throw new Error(`the ${format} export had ${rows} rows, not ${size}`);
      runs[format]?.push(result);
      console.log(
        `  N=${fmt(size)} run ${r + 1}: ${format} first byte ${fmt(result.ttfb, 1)} ms, all ${fmt(result.total / 1000, 2)} s`,
      );
    }
  }
  const probes: Record<string, number[]> = { csv: [], ndjson: [] };
  for (let p = 0; p < PROBES; p += 1) {
    for (const format of FORMATS) probes[format]?.push(await firstByte(person.token, format));
  }
  const bareRate = size / (median(bareMs) / 1000);
  for (const format of FORMATS) {
    const all = runs[format] ?? [];
    const ttfb = median([...(probes[format] ?? []), ...all.map((r) => r.ttfb)]);
    const growth = Math.max(...all.map((r) => r.rssPeak - r.rssBefore));
    const total = median(all.map((r) => r.total));
    const rate = size / (total / 1000);
    results.push({
      N: fmt(size),
      format,
      "TTFB ms": fmt(ttfb, 1),
      "total s": fmt(total / 1000, 2),
      "tasks/s": fmt(rate),
      MiB: fmt((all[0]?.bytes ?? 0) / MiB, 1),
      "peak RSS MiB": fmt(Math.max(...all.map((r) => r.rssPeak)) / MiB, 1),
      "RSS growth MiB": fmt(growth / MiB, 1),
      "bare Query tasks/s": fmt(bareRate),
      "export/bare": fmt(rate / bareRate, 2),
    });
    summary.push({ size, format, ttfb, rate, bareRate, growth });
  }
}
console.log(
  `Totals and rates: medians of ${REPEATS} full exports; TTFB: median of those and ${PROBES} first-byte probes; peak RSS and growth: the largest seen.`,
);
console.table(results);

// The targets, checked against the smallest and largest N measured.
const smallest = Math.min(...SIZES);
const largest = Math.max(...SIZES);
for (const format of FORMATS) {
  const small = summary.find((s) => s.size === smallest && s.format === format);
  const large = summary.find((s) => s.size === largest && s.format === format);
  if (!small || !large) continue;
  const ratio = large.ttfb / small.ttfb;
  const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");
  console.log(
    `${format}: TTFB ${fmt(largest)}/${fmt(smallest)} = ${fmt(ratio, 2)}x (${verdict(ratio <= 1.5)} <= 1.5x); ` +
      `RSS growth at ${fmt(largest)} = ${fmt(large.growth / MiB, 1)} MiB (${verdict(large.growth < 64 * MiB)} < 64 MiB); ` +
      `throughput ${fmt(large.rate / large.bareRate, 2)}x the bare loop (${verdict(large.rate >= 0.7 * large.bareRate)} >= 0.7x)`,
  );
}

child.disconnect();
await stack.stop();
process.exit(0);
