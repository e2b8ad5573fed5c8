/**
 * Builds the web app against a fresh local stack and serves the build like a static
 * host would (SPA fallback to index.html). The web origin is chosen first because
 * the stack's CORS and the issuer's redirect check must know it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { freePort } from "@taskmanager/local/stack/ports";
import { startStackProcess } from "@taskmanager/local/stack/stack-process";
import { build } from "vite";
import type { TestProject } from "vitest/node";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export default async function setup(project: TestProject) {
  const run = Date.now().toString(36);
  const webPort = await freePort();
  const web = `http://127.0.0.1:${webPort}`;
  const stack = await startStackProcess({
    inMemory: true,
    printMail: false,
    tables: { tasks: `e2e-tasks-${run}`, auth: `e2e-auth-${run}` },
    webOrigins: [web],
  });

  const outDir = await mkdtemp(join(tmpdir(), "taskmanager-web-"));
  process.env.VITE_API_URL = stack.urls.api;
  process.env.VITE_AUTH_URL = stack.urls.auth;
  process.env.VITE_EXPORT_URL = stack.urls.export;
  // What ships: vitest runs with NODE_ENV=test, which would make Vite bundle React's
  // development build (effects run twice, other timings), so the browser suite would
  // test an app nobody deploys.
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: join(import.meta.dirname, ".."),
      mode: "production",
      logLevel: "warn",
      build: { outDir },
    });
  } finally {
    process.env.NODE_ENV = testEnv;
  }

  // As SST's Router does on AWS: a file of the build if there is one, else index.html
  // (an app address may have a dot in it: an invitation link's token has two).
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", web).pathname));
    const file = join(outDir, path);
    const asset =
      file.startsWith(outDir) && extname(file) !== ""
        ? await readFile(file).catch(() => null)
        : null;
    try {
      const body = asset ?? (await readFile(join(outDir, "index.html")));
      const type = asset ? (TYPES[extname(file)] ?? "application/octet-stream") : TYPES[".html"];
      res.writeHead(200, { "content-type": type ?? "" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(webPort, "127.0.0.1", resolve));

  project.provide("e2e", {
    web,
    api: stack.urls.api,
    auth: stack.urls.auth,
    mail: stack.urls.mail,
    export: stack.urls.export,
  });
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    await stack.stop();
    await rm(outDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { web: string; api: string; auth: string; mail: string; export: string };
  }
}
