/**
 * A reminder whose minute passes while the stack is stopped: the restarted stack's
 * reminder job (the same handler, every minute) reads back the minutes it missed
 * and sends it, once, marked late. The stack's own process and data, as
 * `pnpm start` runs it, stopped and started again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { signUp } from "../../src/clients/sign-in";
import type { Stack, StackOptions } from "../../src/stack/stack";
import { startStackProcess } from "../../src/stack/stack-process";

const MINUTE = 60_000;
const dataDir = mkdtempSync(join(tmpdir(), "reminder-restart-"));
const options: StackOptions = {
  inMemory: false,
  dataDir,
  printMail: false,
  tables: { tasks: "restart-tasks", auth: "restart-auth" },
  webOrigins: ["http://127.0.0.1:5173"],
};
let stack: Stack | undefined;

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a reminder due while the stack was down is sent after it restarts, marked late, once", async () => {
  stack = await startStackProcess(options);
  const email = `restart-${Date.now()}@example.com`;
  const { access } = await signUp(stack.urls, email, "correct-horse-battery");
  // The next whole minute at least 20 s away; the stack stops before it.
  const fireAt = Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE;
  const created = await fetch(`${stack.urls.api}/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${access}`, "content-type": "application/json" },
    body: JSON.stringify({
      title: "Renew the passport",
      dueDate: "2030-01-01",
      reminders: [{ at: new Date(fireAt).toISOString() }],
    }),
  });
  expect(created.status).toBe(201);
  await stack.stop();
  stack = undefined;
  // Down through its minute and the next one.
  await sleep(Math.max(0, fireAt + 70_000 - Date.now()));
  stack = await startStackProcess(options);
  const mailbox = `${stack.urls.mail}/mailbox/${encodeURIComponent(email)}`;
  let reminders: Array<{ subject: string; text: string; at: string }> = [];
  const until = Date.now() + 90_000;
  while (Date.now() < until && reminders.length === 0) {
    const { messages } = (await (await fetch(mailbox)).json()) as {
      messages: Array<{ subject: string; text: string; at: string }>;
    };
    reminders = messages.filter((m) => /reminder/i.test(m.subject));
    if (reminders.length === 0) await sleep(500);
  }
  expect(reminders.map((m) => m.subject)).toEqual(["Late reminder: Renew the passport"]);
  expect(reminders[0]?.text).toContain("is late");
  const lateness = Date.parse(reminders[0]?.at as string) - fireAt;
  console.info(`missed reminder sent ${Math.round(lateness / 1000)} s after its time, on restart`);
  // The next run sends nothing more.
  await sleep(Math.max(0, Math.ceil(Date.now() / MINUTE) * MINUTE + 5_000 - Date.now()));
  const { messages } = (await (await fetch(mailbox)).json()) as {
    messages: Array<{ subject: string }>;
  };
  expect(messages.filter((m) => /reminder/i.test(m.subject))).toHaveLength(1);
}, 360_000);
