/**
 * The daily digest by email, through the same SES sender as reminders and sign-in
 * codes (`Resource.AuthEmail`), each task with a link to it in the web app and one
 * to Today. Locally the SDK is pointed (AWS_ENDPOINT_URL_SESV2) at the mailbox.
 */
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Digest } from "@taskmanager/core/digest";
import { Resource } from "sst";
import { taskLink } from "../reminders/email";

const ses = new SESv2Client({});

/** The Today view in the web app (its first origin). */
export function todayLink(): string {
  const origin = Resource.AuthClients.web[0] ?? "";
  return `${origin.replace(/\/+$/, "")}/today`;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

export function digestText(digest: Digest): { subject: string; body: string } {
  const overdue = digest.tasks.filter((task) => (task.dueDate ?? "") < digest.day);
  const today = digest.tasks.filter((task) => task.dueDate === digest.day);
  const line = (task: Digest["tasks"][number]) => {
    const when = task.dueDate === digest.day ? (task.dueTime ?? "today") : `due ${task.dueDate}`;
    return `- ${task.title} (${when})\n  ${taskLink(task.taskId)}`;
  };
  const parts = [
    today.length ? `Today:\n${today.map(line).join("\n")}` : "",
    overdue.length ? `Overdue:\n${overdue.map(line).join("\n")}` : "",
    digest.truncated ? "There are more than these: open Today for all of them." : "",
    digest.late ? "This digest is late (the service was catching up)." : "",
    `Open Today: ${todayLink()}`,
  ];
  const summary = [
    today.length ? count(today.length, "task") : "",
    overdue.length ? `${overdue.length} overdue` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return {
    subject: `Your day, ${digest.day}: ${summary}`,
    body: parts.filter(Boolean).join("\n\n"),
  };
}

export async function sendDigest(digest: Digest): Promise<void> {
  const { from, configSet } = Resource.AuthEmail;
  const { subject, body } = digestText(digest);
  // As with the codes: only `sst dev` runs with no sender; the mail goes to its terminal.
  if (!from) return console.info(`No mail sender on this stage; to ${digest.to}: ${subject}`);
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      ConfigurationSetName: configSet || undefined,
      Destination: { ToAddresses: [digest.to] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: body } } } },
    }),
  );
}
