/**
 * Starts the whole local stack once per test run (DynamoDB Local in memory, fresh
 * tables, free ports) and hands its URLs to the test files.
 */
import { startStackProcess } from "@taskmanager/local/stack/stack-process";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const run = Date.now().toString(36);
  const webOrigins = ["http://127.0.0.1:5173"];
  const stack = await startStackProcess({
    inMemory: true,
    printMail: false,
    tables: { tasks: `tasks-${run}`, auth: `auth-${run}` },
    bucket: `attachments-${run}`,
    webOrigins,
    // Expired records go within a second, so a test can watch an expiry happen.
    ttlSweepMs: 1_000,
  });
  project.provide("stack", {
    ...stack.urls,
    tasksTable: stack.tables.tasks,
    authTable: stack.tables.auth,
    attachmentsBucket: stack.bucket,
    webOrigins,
  });
  return () => stack.stop();
}
