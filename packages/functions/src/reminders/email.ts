/**
 * A reminder by email, through the same SES sender as the sign-in codes
 * (`Resource.AuthEmail`; issuer/email.ts), with a link to the task in the web app.
 * Locally the SDK is pointed (AWS_ENDPOINT_URL_SESV2) at the stack's mailbox.
 */
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Delivery } from "@taskmanager/core/reminder";
import { Resource } from "sst";

const ses = new SESv2Client({});

/** The task's page in the web app (its first origin). */
export function taskLink(taskId: string): string {
  const origin = Resource.AuthClients.web[0] ?? "";
  return `${origin.replace(/\/+$/, "")}/tasks/${encodeURIComponent(taskId)}`;
}

function when(delivery: Delivery): string {
  if (!delivery.dueDate) return "";
  return ` It is due ${delivery.dueDate}${delivery.dueTime ? ` at ${delivery.dueTime}` : ""}.`;
}

export async function sendReminder(delivery: Delivery): Promise<void> {
  const { from, configSet } = Resource.AuthEmail;
  const subject = `${delivery.late ? "Late reminder" : "Reminder"}: ${delivery.title}`;
  const late = delivery.late
    ? ` This reminder was due at ${new Date(delivery.fireAt).toISOString().slice(0, 16).replace("T", " ")} UTC and is late.`
    : "";
  const body = `Reminder: ${delivery.title}.${when(delivery)}${late}\n\nOpen it: ${taskLink(delivery.taskId)}`;
  // As with the codes: only `sst dev` runs with no sender; the mail goes to its terminal.
  if (!from) return console.info(`No mail sender on this stage; to ${delivery.to}: ${subject}`);
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      ConfigurationSetName: configSet || undefined,
      Destination: { ToAddresses: [delivery.to] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: body } } } },
    }),
  );
}
