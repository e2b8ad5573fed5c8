/**
 * The whole backend on one machine: DynamoDB Local, a mailbox for SES, the OpenAuth
 * issuer, the API and the export's Function URL, wired with the same `Resource`
 * values and AWS SDK settings the handlers get in AWS. Handlers run in this
 * process, loaded on first request.
 */
import "../aws/lambda-runtime";
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { ttlAttribute } from "@taskmanager/core/table";
import { issuerUrlFrom } from "@taskmanager/core/url/schema";
import { streamCleanup } from "@taskmanager/functions/attachments/cleanup-subscription";
import { digestJob } from "@taskmanager/functions/digests/job";
import { reminderJob } from "@taskmanager/functions/reminders/job";
import { exportFunction, routes } from "@taskmanager/functions/routes";
import { startCron } from "../aws/cron";
import { startDynamoLocal } from "../aws/dynamo-local";
import { createMailServer } from "../aws/mail-server";
import { LOCAL_CREDENTIALS, startS3Local } from "../aws/s3-local";
import { startStreamPoller } from "../aws/stream-poller";
import { authTableInput, ensureTable, ensureTasksStream, tasksTableInput } from "../aws/tables";
import { startTtlSweeper } from "../aws/ttl-sweeper";
import { createApiServer } from "../gateways/api-server";
import { createFunctionUrlServer } from "../gateways/function-url-server";
import { close, listen } from "../gateways/http-server";
import { createIssuerServer } from "../gateways/issuer-server";
import { repoRoot } from "./paths";
import { freePort } from "./ports";
import { localResources, resourceEnvironment } from "./resources";

export interface StackOptions {
  /** Keep no data: DynamoDB Local runs in memory. */
  inMemory?: boolean;
  /** Where DynamoDB Local keeps data when not in memory (absolute; default `.local/dynamodb`). */
  dataDir?: string;
  /** Ports; 0 picks a free one. */
  ports?: Partial<Record<"api" | "auth" | "mail" | "dynamo" | "s3" | "export", number>>;
  /** Origins the API (CORS) and the issuer (redirects) accept, e.g. the web app's. */
  webOrigins?: string[];
  /** Table names; tests use fresh ones per run. */
  tables?: { tasks: string; auth: string };
  /** The attachments bucket's name. */
  bucket?: string;
  /** How often expired items are deleted (DynamoDB's TTL, which DynamoDB Local lacks). */
  ttlSweepMs?: number;
  /** Run the reminder job on its schedule (every minute), as EventBridge does; default true. */
  cron?: boolean;
  /** Print received mail (verification codes) to the console. */
  printMail?: boolean;
}

export interface Stack {
  urls: {
    /** The HTTP API (no trailing slash, as API Gateway gives it). */
    api: string;
    /** The issuer as linked (`Resource.Auth.url`, `VITE_AUTH_URL`): no trailing slash. */
    auth: string;
    /** The issuer's own Function URL, with AWS's trailing slash (nothing should join it). */
    issuerFunction: string;
    /** The export's Function URL, with AWS's trailing slash (`VITE_EXPORT_URL`). */
    export: string;
    mail: string;
    dynamo: string;
    s3: string;
  };
  tables: { tasks: string; auth: string };
  bucket: string;
  /** DynamoDB Local's Java process now (it changes when a crash is restarted). */
  dynamoPid(): number | undefined;
  stop(): Promise<void>;
}

/** What the stack's owner hears from DynamoDB Local's supervision. */
export interface StackEvents {
  /** A crashed DynamoDB Local serves again, as this process. */
  onDynamoRestart?: (pid: number | undefined) => void;
  /** DynamoDB Local kept crashing and is not restarted again. */
  onDynamoGiveUp?: (message: string) => void;
}

export async function startStack(
  options: StackOptions = {},
  events: StackEvents = {},
): Promise<Stack> {
  const ports = { api: 0, auth: 0, mail: 0, dynamo: 0, s3: 0, export: 0, ...options.ports };
  const tables = options.tables ?? {
    tasks: "taskmanager-local-tasks",
    auth: "taskmanager-local-auth",
  };
  const bucket = options.bucket ?? "taskmanager-local-attachments";
  const webOrigins = options.webOrigins ?? [];
  const servers: Server[] = [];
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    await Promise.all(servers.map(close));
    for (const stopChild of stops.reverse()) await stopChild();
  };

  try {
    const dbPath = options.inMemory
      ? undefined
      : resolve(options.dataDir ?? resolve(repoRoot, ".local/dynamodb"));
    if (dbPath) mkdirSync(dbPath, { recursive: true });
    // Fixed local credentials: s3rver's own; DynamoDB Local and the mailbox accept any.
    Object.assign(process.env, {
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    });
    const ensureTables = async (endpoint: string) => {
      await ensureTable(endpoint, tasksTableInput(tables.tasks), ttlAttribute);
      await ensureTasksStream(endpoint, tables.tasks);
      await ensureTable(endpoint, authTableInput(tables.auth), "expiry");
    };
    const dynamo = await startDynamoLocal({
      port: ports.dynamo || (await freePort()),
      dbPath,
      // In memory a restart starts empty: the tables come back (their data does not).
      onRestart: async (pid) => {
        await ensureTables(dynamo.endpoint);
        events.onDynamoRestart?.(pid);
      },
      onGiveUp: events.onDynamoGiveUp,
    });
    stops.push(dynamo.stop);
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
    await ensureTables(dynamo.endpoint);
    const s3 = await startS3Local({
      port: ports.s3,
      bucket,
      allowOrigins: webOrigins,
      directory: options.inMemory ? undefined : resolve(repoRoot, ".local/s3"),
    });
    stops.push(s3.stop);
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;

    const mailServer = createMailServer({ print: options.printMail ?? true });
    const apiServer = createApiServer({ routes, allowOrigins: webOrigins });
    const authServer = createIssuerServer();
    // The streaming export's Function URL, with the CORS the deployed URL has.
    const exportServer = createFunctionUrlServer({
      handler: exportFunction.handler,
      name: "TaskExport",
      cors: { ...exportFunction.cors, allowOrigins: webOrigins },
    });
    servers.push(mailServer, apiServer, authServer, exportServer);
    // Each URL in the shape AWS gives it (docs/local-vs-aws.md): the HTTP API's without
    // a trailing slash, a Function URL's with one, and the issuer's as `infra/auth.ts`
    // links it (its Function URL through `issuerUrlFrom`), so a wrong join fails here.
    const functionUrl = async (server: Server, port: number) => `${await listen(server, port)}/`;
    const issuerFunction = await functionUrl(authServer, ports.auth);
    const urls = {
      dynamo: dynamo.endpoint,
      s3: s3.endpoint,
      mail: await listen(mailServer, ports.mail),
      issuerFunction,
      auth: issuerUrlFrom(issuerFunction),
      api: await listen(apiServer, ports.api),
      export: await functionUrl(exportServer, ports.export),
    };

    // What `sst dev`/`sst deploy` give the linked handlers, pointed at this machine.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SESV2: urls.mail,
      ...resourceEnvironment(
        localResources({
          tasksTable: tables.tasks,
          authTable: tables.auth,
          attachmentsBucket: bucket,
          authUrl: urls.auth,
          webOrigins,
        }),
      ),
    });
    // The table's TTL, and its stream's subscriber fed as Lambda would feed it
    // (after the Resource values are set: the handler reads them when loaded).
    const ttl = startTtlSweeper({
      endpoint: dynamo.endpoint,
      table: tables.tasks,
      attribute: ttlAttribute,
      intervalMs: options.ttlSweepMs,
    });
    stops.push(ttl.stop);
    const poller = await startStreamPoller({
      endpoint: dynamo.endpoint,
      table: tables.tasks,
      handler: streamCleanup.handler,
      filter: streamCleanup.filter,
      removedByTtl: ttl.takeExpired,
    });
    stops.push(poller.stop);
    // The reminder job's Cron: the same handler on the same schedule (docs/decisions.md).
    if (options.cron ?? true) {
      const cron = startCron({
        name: "Reminders",
        handler: reminderJob.handler,
        schedule: reminderJob.schedule,
      });
      stops.push(cron.stop);
      // The digest job's Cron beside it, as infra/digests.ts deploys it.
      const digests = startCron({
        name: "Digests",
        handler: digestJob.handler,
        schedule: digestJob.schedule,
      });
      stops.push(digests.stop);
    }
    return { urls, tables, bucket, dynamoPid: dynamo.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
