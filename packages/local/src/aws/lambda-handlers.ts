/**
 * What Lambda does around a handler: load it from SST's handler reference (the file
 * from the repo root, then the export), and the context object it is called with.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../stack/paths";

// biome-ignore lint/suspicious/noExplicitAny: a handler's event type is its own business
export type LambdaHandler = (event: any, context: any) => Promise<any>;

/** Loads an export named by an SST handler reference ("packages/x/src/file.export"). */
export async function loadExport(reference: string): Promise<unknown> {
  const dot = reference.lastIndexOf(".");
  const file = resolve(repoRoot, `${reference.slice(0, dot)}.ts`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const value = module[reference.slice(dot + 1)];
  if (value === undefined) throw new Error(`${reference} is not exported`);
  return value;
}

export async function loadHandler(reference: string): Promise<LambdaHandler> {
  const handler = await loadExport(reference);
  if (typeof handler !== "function") throw new Error(`${reference} is not a function`);
  return handler as LambdaHandler;
}

/** The parts of the Lambda context our handlers and Powertools read. */
export function lambdaContext(functionName: string, requestId: string) {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: "1024",
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
}
