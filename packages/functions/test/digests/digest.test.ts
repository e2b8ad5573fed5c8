/**
 * The daily digest through the API and the local mailbox: PATCH /me/settings files
 * the next one at the chosen hour in the person's zone; the job's own run (the
 * handler's, at that minute) mails it once, with links, whatever runs at once; a
 * null hour stops it.
 */
import * as Digest from "@taskmanager/core/digest";
import { todayIn } from "@taskmanager/core/time/schema";
import { beforeAll, expect, test } from "vitest";
import { runOnce } from "../../src/digests/run";
import { api, newPerson, stack } from "../helpers/api";

interface Mail {
  subject: string;
  text: string;
}
const digests = async (email: string) => {
  const response = await fetch(`${stack().mail}/mailbox/${encodeURIComponent(email)}`);
  const { messages } = (await response.json()) as { messages: Mail[] };
  return messages.filter((m) => m.subject.startsWith("Your day"));
};

beforeAll(() => {
  process.env.AWS_ENDPOINT_URL_SESV2 = stack().mail;
});

test("the digest set in settings is mailed once at its hour, with links; null stops it", async () => {
  const person = await newPerson("digest");
  const zone = "Asia/Tokyo";
  // Three hours from now in Tokyo: within the next day, never in the stack's own run.
  const hour =
    (Number(new Date().toLocaleString("en-GB", { timeZone: zone, hour: "2-digit" })) + 3) % 24;
  const set = await api("/me/settings", {
    method: "PATCH",
    token: person.token,
    body: { timeZone: zone, digestHour: hour },
  });
  expect(set.status, set.text).toBe(200);
  expect(set.json).toMatchObject({ timeZone: zone, digestHour: hour });
  const { day, at } = Digest.nextDigest(hour, zone, Date.now());
  const created = await api("/tasks", {
    method: "POST",
    token: person.token,
    body: { title: "Pay rent", dueDate: day },
  });
  expect(created.status).toBe(201);
  const { taskId } = created.json as { taskId: string };

  await Promise.all([runOnce(at + 3_000), runOnce(at + 3_000)]);
  const mails = await digests(person.email);
  expect(mails).toHaveLength(1);
  expect(mails[0]?.subject).toBe(`Your day, ${day}: 1 task`);
  expect(mails[0]?.text).toContain("- Pay rent (today)");
  expect(mails[0]?.text).toContain(`http://127.0.0.1:5173/tasks/${taskId}`);
  expect(mails[0]?.text).toContain("http://127.0.0.1:5173/today");
  expect(todayIn(zone, at)).toBe(day);

  const off = await api("/me/settings", {
    method: "PATCH",
    token: person.token,
    body: { digestHour: null },
  });
  expect(off.json).toEqual({ timeZone: zone });
  const tomorrow = Digest.nextDigest(hour, zone, at + 1);
  await runOnce(tomorrow.at + 3_000);
  expect(await digests(person.email)).toHaveLength(1);
}, 120_000);
