/** The local mailbox: SESv2 SendEmail in, a person's messages out. */
import { randomUUID } from "node:crypto";
import { expect, inject, test } from "vitest";
import { latestCode, signIn, signUp } from "../../src/clients/sign-in";

const mail = () => inject("stack").mail;
const inbox = async (email: string) => {
  const response = await fetch(`${mail()}/mailbox/${encodeURIComponent(email)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: Array<Record<string, string>> }).messages;
};

const send = (to: string[], subject: string, text: string) =>
  fetch(`${mail()}/v2/email/outbound-emails`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      FromEmailAddress: "no-reply@taskmanager.local",
      Destination: { ToAddresses: to },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: text } } } },
    }),
  });

test("an unknown address has an empty mailbox", async () => {
  expect(await inbox(`nobody-${randomUUID()}@example.com`)).toEqual([]);
});

test("a sent message lands in each recipient's mailbox, case-insensitively", async () => {
  const a = `Mail-A-${randomUUID()}@Example.com`;
  const b = `mail-b-${randomUUID()}@example.com`;
  const response = await send([a, b], "Your code 123456", "Body text");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ MessageId: expect.any(String) });
  for (const address of [a, a.toLowerCase(), b]) {
    const messages = await inbox(address);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ subject: "Your code 123456", text: "Body text" });
    expect(messages[0]?.at).toEqual(expect.any(String));
  }
});

test("messages keep their order and only the last 20 are kept", async () => {
  const address = `many-${randomUUID()}@example.com`;
  for (let i = 0; i < 23; i++) await send([address], `message ${i}`, "");
  const messages = await inbox(address);
  expect(messages.map((m) => m.subject)).toEqual(
    Array.from({ length: 20 }, (_, i) => `message ${i + 3}`),
  );
});

test("the issuer's verification code arrives through the SDK and signs the person up", async () => {
  const stack = inject("stack");
  const address = `signup-${randomUUID()}@example.com`;
  const tokens = await signUp(stack, address, "long-enough-password");
  expect(tokens.access.split(".")).toHaveLength(3);
  const messages = await inbox(address);
  expect(messages.length).toBeGreaterThanOrEqual(1);
  expect(messages.at(-1)?.subject).toMatch(/\d{6}/);
  expect(await latestCode(stack.mail, address)).toMatch(/^\d{6}$/);
  // And the password then signs in.
  expect((await signIn(stack, address, "long-enough-password")).access).toEqual(expect.any(String));
  await expect(signIn(stack, address, "not-the-password")).rejects.toThrow(/did not complete/);
});

test("latestCode fails clearly for a mailbox with no code", async () => {
  await expect(latestCode(mail(), `none-${randomUUID()}@example.com`)).rejects.toThrow(
    /No verification code/,
  );
});

test("other paths are 404", async () => {
  expect((await fetch(`${mail()}/mailbox`)).status).toBe(404);
  expect((await fetch(`${mail()}/v2/email/outbound-emails`)).status).toBe(404);
});

test("a malformed request is a 400 (as SES answers it) and the stack keeps serving", async () => {
  const broken = await fetch(`${mail()}/v2/email/outbound-emails`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  expect(broken.status).toBe(400);
  expect(await fetch(`${mail()}/mailbox/%E0%A4%A`).then((r) => r.status)).toBe(400);
  expect(await inbox(`after-${randomUUID()}@example.com`)).toEqual([]);
});
