/**
 * Cold start and size of every handler in the route table plus the issuer, each
 * bundled exactly as SST deploys it (bench/lib/bundle.ts), against a bare handler
 * bundled the same way in the same run. A cold start is a fresh `node` process:
 * import the bundle, invoke it once (no token, then a valid token), with the local
 * stack's DynamoDB and issuer behind it. Runs are interleaved across handlers.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { issuer, routes } from "@taskmanager/functions/routes";
import { REDIRECT_URI } from "@taskmanager/local/clients/sign-in";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { issuerBundle, onDemandHandlers } from "../infra/function-bundle";
import { type Bundle, bundleHandler, largestPackages, repoRoot } from "./lib/bundle";
import { handlerEnvironment } from "./lib/environment";
import { apiEvent } from "./lib/events";
import { listQueryInput, seedTasks, startFixture } from "./lib/fixture";
import { kib, median, ms, printTable, ratio, writeResult } from "./lib/report";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const BARE = "bench/bare/handler.handler";
type Mode = "noToken" | "token";

interface Target {
  name: string;
  reference: string;
  /** The event for run `i` in each mode (fresh tasks for the routes that change one). */
  event(mode: Mode, run: number): APIGatewayProxyEventV2;
}

interface Sample {
  importMs: number;
  invokeMs: number;
  status: number;
}

function coldStart(bundle: Bundle, event: unknown, env: NodeJS.ProcessEnv): Promise<Sample> {
  const eventFile = join(tmpdir(), `taskmanager-cold-${process.pid}.json`);
  writeFileSync(eventFile, JSON.stringify(event));
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of every cold start there (for Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, "--cpu-prof-interval=100"]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      join(repoRoot, "bench/lib/cold-child.mjs"),
      bundle.file,
      bundle.exportName,
      eventFile,
    ],
    { env, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("COLD "));
      if (code !== 0 || !line) reject(new Error(`${bundle.reference} exited ${code}: ${out}`));
      else resolve(JSON.parse(line.slice(5)) as Sample);
    });
  });
}

export async function coldStarts() {
  const fixture = await startFixture({ inProcess: false });
  try {
    const { stack, person } = fixture;
    await seedTasks(person.userId, 60);
    // Tasks for the runs that read, change or delete one (a fresh one per run).
    const freshTask = async () =>
      (
        (await (
          await fixture.api("/tasks", { method: "POST", body: '{"title":"cold"}' })
        ).json()) as {
          taskId: string;
        }
      ).taskId;
    const tasks = { get: await freshTask(), update: [] as string[], remove: [] as string[] };
    for (let i = 0; i < RUNS; i++) {
      tasks.update.push(await freshTask());
      tasks.remove.push(await freshTask());
    }
    // Attachments in every state a route needs: one accepted (to read), and per run one
    // uploaded but not yet completed and one to delete, on a task of their own (a task
    // holds at most 20; the create runs attach to tasks.get).
    const filesTask = await freshTask();
    const attach = async (taskId: string, state: "pending" | "sent" | "accepted") => {
      const bytes = new TextEncoder().encode("cold start");
      const created = (await (
        await fixture.api(`/tasks/${taskId}/attachments`, {
          method: "POST",
          body: JSON.stringify({
            filename: "cold.txt",
            contentType: "text/plain",
            size: bytes.length,
          }),
        })
      ).json()) as {
        attachment: { attachmentId: string };
        upload: { url: string; method: string; headers: Record<string, string> };
      };
      const { attachmentId } = created.attachment;
      if (state !== "pending") {
        const { url, method, headers } = created.upload;
        const sent = await fetch(url, { method, headers, body: bytes });
        if (!sent.ok) throw new Error(`upload for the cold-start bench failed: ${sent.status}`);
      }
      if (state === "accepted") {
        await fixture.api(`/tasks/${taskId}/attachments/${attachmentId}/complete`, {
          method: "POST",
        });
      }
      return attachmentId;
    };
    const files = {
      get: await attach(tasks.get, "accepted"),
      complete: [] as string[],
      remove: [] as string[],
    };
    for (let i = 0; i < RUNS; i++) {
      files.complete.push(await attach(filesTask, "sent"));
      files.remove.push(await attach(filesTask, "pending"));
    }

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...handlerEnvironment(stack, [new URL(REDIRECT_URI).origin]),
      BARE_QUERY: JSON.stringify(await listQueryInput(person.userId, 50)),
    };

    /** The task and attachment a route's run `run` acts on: fresh ones where it changes them. */
    const resourcesOf = (route: (typeof routes)[number], run: number): Record<string, string> => {
      const onAttachment = route.path.includes("{attachmentId}");
      if (!onAttachment) {
        const taskId =
          route.method === "PATCH"
            ? tasks.update[run]
            : route.method === "DELETE"
              ? tasks.remove[run]
              : tasks.get;
        return { taskId: taskId ?? "" };
      }
      const attachmentId =
        route.method === "DELETE"
          ? files.remove[run]
          : route.path.endsWith("/complete")
            ? files.complete[run]
            : files.get;
      return {
        taskId: attachmentId === files.get ? tasks.get : filesTask,
        attachmentId: attachmentId ?? "",
      };
    };
    const routeTargets: Target[] = routes.map((route) => ({
      name: `${route.method} ${route.path}`,
      reference: route.handler,
      event: (mode, run) => {
        const parameters = resourcesOf(route, run);
        const path = Object.entries(parameters).reduce(
          (filled, [name, value]) => filled.replace(`{${name}}`, value),
          route.path,
        );
        return apiEvent({
          method: route.method,
          routeKey: `${route.method} ${route.path}`,
          path: path + (route.method === "GET" && route.path === "/tasks" ? "?limit=50" : ""),
          ...(mode === "token" ? { authorization: person.authorization } : {}),
          ...(route.params ? { pathParameters: parameters } : {}),
          ...(route.body ? { body: route.body.example } : {}),
        });
      },
    }));
    const jwks = () =>
      apiEvent({ method: "GET", routeKey: "$default", path: "/.well-known/jwks.json" });
    const targets: Target[] = [
      { name: "bare (lib-dynamodb Query)", reference: BARE, event: () => jwks() },
      ...routeTargets,
      { name: "issuer: GET /.well-known/jwks.json", reference: issuer.handler, event: jwks },
    ];

    const outDir = join(tmpdir(), "taskmanager-bench-bundles");
    mkdirSync(outDir, { recursive: true });
    const bundles = new Map<string, Bundle>();
    for (const target of targets) {
      // The issuer deploys with splitting (infra/function-bundle.ts), so its init is measured so.
      const splitting =
        (target.reference === issuer.handler && issuerBundle.splitting) ||
        onDemandHandlers.includes(target.reference);
      bundles.set(target.name, await bundleHandler(target.reference, outDir, { splitting }));
    }

    // Modes that differ: the bare handler and the issuer take no token, so one mode each.
    const modesOf = (target: Target): Mode[] =>
      target.reference === BARE || target.reference === issuer.handler
        ? ["token"]
        : ["noToken", "token"];
    const samples = new Map<string, Sample[]>();
    for (let run = 0; run < RUNS; run++) {
      // Rotated each run, so no handler always starts right after the same other.
      const order = targets.map((_, i) => targets[(i + run) % targets.length] as Target);
      for (const target of order) {
        for (const mode of modesOf(target)) {
          const sample = await coldStart(
            bundles.get(target.name) as Bundle,
            target.event(mode, run),
            { ...env, AWS_LAMBDA_FUNCTION_NAME: target.name.replace(/[^\w]+/g, "-") },
          );
          const key = `${target.name}|${mode}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }

    const figure = (name: string, mode: Mode) => {
      const runs = samples.get(`${name}|${mode}`) ?? [];
      const importMs = median(runs.map((s) => s.importMs));
      const invokeMs = median(runs.map((s) => s.invokeMs));
      const totalMs = median(runs.map((s) => s.importMs + s.invokeMs));
      return { importMs, invokeMs, totalMs, statuses: [...new Set(runs.map((s) => s.status))] };
    };
    const bare = figure(targets[0]?.name as string, "token");
    const results = targets.map((target) => {
      const bundle = bundles.get(target.name) as Bundle;
      const modes = Object.fromEntries(
        modesOf(target).map((mode) => {
          const f = figure(target.name, mode);
          return [mode, { ...f, vsBare: f.totalMs / bare.totalMs }];
        }),
      ) as Partial<Record<Mode, ReturnType<typeof figure> & { vsBare: number }>>;
      return {
        name: target.name,
        reference: target.reference,
        bytes: bundle.bytes,
        gzipBytes: gzipSync(readFileSync(bundle.file)).length,
        largest: largestPackages(bundle, 5),
        ...modes,
      };
    });

    printTable(
      `Cold start: fresh node process, import + first invocation, median of ${RUNS} (ms)`,
      [
        "handler",
        "import",
        "no token: invoke",
        "total",
        "vs bare",
        "token: invoke",
        "total",
        "vs bare",
        "status",
      ],
      results.map((r) => [
        r.name,
        ms((r.token ?? r.noToken)?.importMs ?? Number.NaN),
        ms(r.noToken?.invokeMs ?? Number.NaN),
        ms(r.noToken?.totalMs ?? Number.NaN),
        ratio(r.noToken?.vsBare ?? Number.NaN),
        ms(r.token?.invokeMs ?? Number.NaN),
        ms(r.token?.totalMs ?? Number.NaN),
        ratio(r.token?.vsBare ?? Number.NaN),
        [...(r.noToken?.statuses ?? []), ...(r.token?.statuses ?? [])].join("/"),
      ]),
    );
    printTable(
      "Bundle size (esbuild with SST's options, minified) and largest packages",
      ["handler", "minified", "gzipped", "largest packages"],
      results.map((r) => [
        r.name,
        kib(r.bytes),
        kib(r.gzipBytes),
        r.largest.map((p) => `${p.name} ${(p.bytes / 1024).toFixed(0)}`).join(", "),
      ]),
    );
    writeResult("cold-start", { runs: RUNS, bare, handlers: results });
    return results;
  } finally {
    await fixture.stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await coldStarts();
