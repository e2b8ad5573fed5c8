// One cold start, in a fresh `node` process: import a bundle, invoke it once, report.
// Plain JavaScript on purpose: nothing but node itself runs before the import.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [file, exportName, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, "utf8"));
const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:bench",
  memoryLimitInMB: "1024",
  awsRequestId: "cold-start",
  logGroupName: "/aws/lambda/bench",
  logStreamName: "bench",
  getRemainingTimeInMillis: () => 30_000,
};
const started = performance.now();
const module = await import(pathToFileURL(file).href);
const imported = performance.now();
const result = await module[exportName](event, context);
const invoked = performance.now();
process.stdout.write(
  `COLD ${JSON.stringify({
    bootMs: started,
    importMs: imported - started,
    invokeMs: invoked - imported,
    status: result?.statusCode,
  })}\n`,
);
process.exit(0);
