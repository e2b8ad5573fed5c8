/**
 * One local stack in a process of its own. Handlers read `Resource` and the AWS
 * endpoints from process.env, so two stacks at once (the API tests and the browser
 * tests) need two processes, as two Lambda deployments would have.
 */
import { type StackOptions, startStack } from "./stack";
import { DYNAMO_PID, STACK_READY } from "./stack-process";

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
};

const stack = await startStack(JSON.parse(process.argv[2] ?? "{}") as StackOptions, {
  // The parent tracks the Java process (tests freeze it) across restarts.
  onDynamoRestart: (pid) => process.stdout.write(`${DYNAMO_PID}${pid}\n`),
  // Supervision has said why on stderr; a stack without its database is no stack.
  onDynamoGiveUp: () => void stop(1),
});
process.stdout.write(
  `${STACK_READY}${JSON.stringify({ urls: stack.urls, tables: stack.tables, bucket: stack.bucket, dynamoPid: stack.dynamoPid() })}\n`,
);

process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// The parent holds our stdin open; if it dies, stop rather than orphan DynamoDB Local.
process.stdin.on("end", () => void stop());
process.stdin.resume();
