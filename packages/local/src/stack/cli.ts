/**
 * `pnpm start`: the whole product on this machine. Flags:
 *   --memory        throwaway run (DynamoDB Local in memory)
 *   --no-web        backend only
 */
// First: it sets the environment before any AWS SDK client is built (imports run in order).
import "./quiet-sdk-node-warning";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { joinUrl } from "@taskmanager/core/url/schema";
import { MissingJavaError } from "../aws/dynamo-local";
import { repoRoot } from "./paths";
import { startStack } from "./stack";

const { values: flags } = parseArgs({
  options: {
    memory: { type: "boolean", default: false },
    "no-web": { type: "boolean", default: false },
  },
});

const WEB_PORT = Number(process.env.WEB_PORT ?? 5173);
const webUrl = `http://127.0.0.1:${WEB_PORT}`;

async function main() {
  // Supervision reports each crash and restart itself; giving up ends the run.
  let shutdown = async (_code: number) => {};
  const stack = await startStack(
    {
      inMemory: flags.memory,
      ports: {
        api: Number(process.env.API_PORT ?? 3000),
        auth: Number(process.env.AUTH_PORT ?? 3001),
        mail: Number(process.env.MAIL_PORT ?? 3002),
        dynamo: Number(process.env.DYNAMO_PORT ?? 8000),
        s3: Number(process.env.S3_PORT ?? 4569),
        export: Number(process.env.EXPORT_PORT ?? 3003),
      },
      webOrigins: [webUrl, `http://localhost:${WEB_PORT}`],
    },
    {
      onDynamoGiveUp: () => {
        console.error("Stopping: fix the cause above, then run pnpm start again.");
        void shutdown(1);
      },
    },
  );

  const web = flags["no-web"]
    ? undefined
    : spawn(
        "pnpm",
        [
          "--filter",
          "@taskmanager/web",
          "exec",
          "vite",
          "--host",
          "127.0.0.1",
          "--port",
          String(WEB_PORT),
          "--strictPort",
        ],
        {
          cwd: repoRoot,
          // Its own process group, so stopping kills pnpm and the Vite server under it.
          detached: true,
          stdio: ["ignore", "ignore", "inherit"],
          env: {
            ...process.env,
            VITE_API_URL: stack.urls.api,
            VITE_AUTH_URL: stack.urls.auth,
            VITE_EXPORT_URL: stack.urls.export,
          },
        },
      );

  console.log(`
Taskmanager is running on this machine (${flags.memory ? "in memory: nothing is kept" : "data kept in .local/"}).
  API            ${joinUrl(stack.urls.api, "/openapi.json")}   (its contract; the routes are under /tasks)
  Sign-in        ${joinUrl(stack.urls.auth, "/.well-known/oauth-authorization-server")}   (the web app opens its pages)
  Mailbox        ${stack.urls.mail}/mailbox/<email>   (verification codes are also printed here)
  Export         ${joinUrl(stack.urls.export, "?format=csv")}   (streams all of a person's tasks; Bearer token)
  DynamoDB Local ${stack.urls.dynamo}   (an endpoint for the AWS CLI and SDKs)
  S3 (s3rver)    ${stack.urls.s3}   (bucket ${stack.bucket})${web ? `\n  Web app        ${webUrl}` : ""}
Press Ctrl-C to stop.`);

  let stopping = false;
  shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (web?.pid && web.exitCode === null) process.kill(-web.pid, "SIGTERM");
    await stack.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  web?.on("exit", (code) => {
    if (!stopping) {
      console.error(`The web dev server exited (${code}); stopping.`);
      void shutdown(1);
    }
  });
}

main().catch((error: unknown) => {
  if (error instanceof MissingJavaError) console.error(error.message);
  else if ((error as { code?: string }).code === "EADDRINUSE") {
    console.error(
      `A port is in use (${(error as Error).message}); stop the other process or set API_PORT/AUTH_PORT/MAIL_PORT/DYNAMO_PORT/S3_PORT/EXPORT_PORT/WEB_PORT.`,
    );
  } else console.error(error);
  process.exit(1);
});
