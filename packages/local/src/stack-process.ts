import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Stack, StackOptions } from "./stack";

export const STACK_READY = "stack-ready ";

const packageDir = resolve(import.meta.dirname, "..");

/** Starts `startStack(options)` in a child process (see stack-child.ts for why). */
export function startStackProcess(options: StackOptions): Promise<Stack> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", resolve(packageDir, "src/stack-child.ts"), JSON.stringify(options)],
    { cwd: packageDir, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };

  return new Promise((ready, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      // Request logs stay in the child unless asked for.
      if (line.startsWith(STACK_READY))
        ready({ ...JSON.parse(line.slice(STACK_READY.length)), stop });
      else if (process.env.STACK_LOGS) console.log(line);
    });
    child.once("exit", (code) =>
      fail(new Error(`The local stack exited (${code}) before it was ready`)),
    );
  });
}
