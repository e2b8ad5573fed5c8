/**
 * Smoke test for a fresh deployment: signs a real person up through the issuer
 * (the code arrives in a real mailbox and is typed in here), then walks one task
 * through the API. Exits non-zero at the first step that is not as expected.
 *
 *   pnpm smoke you@example.com                  # URLs from .sst/outputs.json (last deploy)
 *   pnpm smoke you@example.com --api URL --auth URL --web URL
 *
 * The address must be one SES may mail: any address once the account has SES
 * production access, a verified one while it is in the sandbox (docs/deploy.md).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { register } from "@taskmanager/local/clients/sign-in";
import { joinUrl } from "../packages/core/src/url/schema";

export interface SmokeTarget {
  api: string;
  auth: string;
  web: string;
}

export interface SmokeOptions extends SmokeTarget {
  email: string;
  /** Where the verification code comes from (a prompt, or a local mailbox in tests). */
  readCode: (email: string) => Promise<string>;
  log?: (line: string) => void;
}

class SmokeFailure extends Error {}

function expectStatus(step: string, response: Response, status: number) {
  if (response.status !== status) {
    throw new SmokeFailure(`${step}: expected HTTP ${status}, got ${response.status}`);
  }
}

/** Runs every step against the deployment; throws at the first unexpected answer. */
export async function smoke(options: SmokeOptions): Promise<void> {
  const log = options.log ?? console.log;
  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(joinUrl(options.api, pathname), init);
  const step = async (name: string, run: () => Promise<void>) => {
    await run();
    log(`ok  ${name}`);
  };

  await step("the API serves its OpenAPI document", async () => {
    expectStatus("GET /openapi.json", await api("/openapi.json"), 200);
  });
  await step("the API refuses a request without a token", async () => {
    const response = await api("/tasks");
    expectStatus("GET /tasks without a token", response, 401);
    const body = (await response.json()) as { error?: { code?: string } };
    if (body.error?.code !== "unauthorized") throw new SmokeFailure("no unauthorized envelope");
  });
  await step(`CORS lets the web app (${options.web}) call the API`, async () => {
    const response = await api("/tasks", {
      method: "OPTIONS",
      headers: {
        origin: options.web,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    const allowed = response.headers.get("access-control-allow-origin");
    if (allowed !== options.web)
      throw new SmokeFailure(`preflight allowed ${allowed ?? "nothing"}`);
  });

  let token = "";
  await step(`sign-up through the issuer, with the code mailed to ${options.email}`, async () => {
    const password = randomBytes(12).toString("base64url");
    const registration = await register(options.auth, options.email, password, options.web);
    const tokens = await registration.verify(await options.readCode(options.email));
    token = tokens.access;
  });

  const authed = (pathname: string, init: RequestInit = {}) =>
    api(pathname, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
  let taskId = "";
  await step("create, list, edit (and a stale edit refused), delete a task", async () => {
    const created = await authed("/tasks", {
      method: "POST",
      body: JSON.stringify({ title: "Smoke test task", tags: ["smoke"] }),
    });
    expectStatus("POST /tasks", created, 201);
    taskId = ((await created.json()) as { taskId: string }).taskId;
    const listed = await authed("/tasks?limit=10");
    expectStatus("GET /tasks", listed, 200);
    const page = (await listed.json()) as { items: { taskId: string }[] };
    if (!page.items.some((item) => item.taskId === taskId)) {
      throw new SmokeFailure("the new task is not listed");
    }
    const edit = JSON.stringify({ version: 1, status: "done" });
    expectStatus("PATCH", await authed(`/tasks/${taskId}`, { method: "PATCH", body: edit }), 200);
    expectStatus(
      "stale PATCH",
      await authed(`/tasks/${taskId}`, { method: "PATCH", body: edit }),
      409,
    );
    expectStatus("DELETE", await authed(`/tasks/${taskId}`, { method: "DELETE" }), 204);
    expectStatus("GET after DELETE", await authed(`/tasks/${taskId}`), 404);
  });
  log("Smoke test passed.");
}

/** The URLs `sst deploy` wrote for the last deployed stage. */
function lastDeployOutputs(): Partial<SmokeTarget> {
  const file = path.resolve(import.meta.dirname, "../.sst/outputs.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<SmokeTarget>) : {};
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { api: { type: "string" }, auth: { type: "string" }, web: { type: "string" } },
  });
  const email = positionals[0];
  const target = { ...lastDeployOutputs(), ...values };
  if (!email || !target.api || !target.auth || !target.web) {
    console.error(
      "usage: pnpm smoke <email you can read> [--api URL --auth URL --web URL]\n" +
        "(the URLs default to .sst/outputs.json, written by `sst deploy`)",
    );
    process.exit(2);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    await smoke({
      api: target.api,
      auth: target.auth,
      web: target.web,
      email,
      readCode: async (address) =>
        (await prompt.question(`Verification code mailed to ${address}: `)).trim(),
    });
  } catch (error) {
    console.error(`FAILED ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    prompt.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
