import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Stack, StackOptions } from "./stack";

export const STACK_READY = "stack-ready ";
/** The child's line when a restarted DynamoDB Local runs as a new process. */
export const DYNAMO_PID = "stack-dynamo-pid ";

const packageDir = resolve(import.meta.dirname, "../..");

/** Starts `startStack(options)` in a child process (see stack-child.ts for why). */
export function startStackProcess(options: StackOptions): Promise<Stack> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", resolve(packageDir, "src/stack/stack-child.ts"), JSON.stringify(options)],
    { cwd: packageDir, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  let dynamoPid: number | undefined;

  return new Promise((ready, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      // Request logs stay in the child unless asked for.
      if (line.startsWith(STACK_READY)) {
        const started = JSON.parse(line.slice(STACK_READY.length)) as Omit<
          Stack,
          "stop" | "dynamoPid"
        > & { dynamoPid?: number };
        dynamoPid = started.dynamoPid;
        ready({
          urls: started.urls,
          tables: started.tables,
          bucket: started.bucket,
          dynamoPid: () => dynamoPid,
          stop,
        });
      } else if (line.startsWith(DYNAMO_PID)) {
        dynamoPid = Number(line.slice(DYNAMO_PID.length)) || undefined;
      } else if (process.env.STACK_LOGS) console.log(line);
    });
    child.once("exit", (code) =>
      fail(new Error(`The local stack exited (${code}) before it was ready`)),
    );
  });
}
