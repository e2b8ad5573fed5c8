/**
 * One local stack in a process of its own. Handlers read `Resource` and the AWS
 * endpoints from process.env, so two stacks at once (the API tests and the browser
 * tests) need two processes, as two Lambda deployments would have.
 */
import { type StackOptions, startStack } from "./stack";
import { STACK_READY } from "./stack-process";

const stack = await startStack(JSON.parse(process.argv[2] ?? "{}") as StackOptions);
process.stdout.write(
  `${STACK_READY}${JSON.stringify({ urls: stack.urls, tables: stack.tables, bucket: stack.bucket })}\n`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The parent holds our stdin open; if it dies, stop rather than orphan DynamoDB Local.
process.stdin.on("end", stop);
process.stdin.resume();
