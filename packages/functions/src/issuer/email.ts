import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { Resource } from "sst";

const ses = new SESv2Client({});

/** What a code is for, as the email says it. */
export type CodePurpose = "register" | "reset";

const PURPOSE_TEXT: Record<CodePurpose, string> = {
  register: "It confirms this address for your Taskmanager account.",
  reset:
    "It lets you choose a new password for your Taskmanager account. If you did not ask for it, ignore this email: your password stays as it is.",
};

/**
 * Sends one plain-text email. In AWS this is SES from the stage's sender; the local
 * stack points the SDK (AWS_ENDPOINT_URL_SESV2) at its own mailbox.
 */
async function send(email: string, subject: string, body: string): Promise<void> {
  const { from, configSet } = Resource.AuthEmail;
  // Only `sst dev` runs with no sender (infra refuses to deploy so): the mail goes to its terminal.
  if (!from) return console.info(`No mail sender on this stage; to ${email}: ${subject}`);
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      ConfigurationSetName: configSet || undefined,
      Destination: { ToAddresses: [email] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: body } } } },
    }),
  );
}

/** Sends an emailed code (sign-up or password reset). */
export function sendVerificationCode(
  email: string,
  code: string,
  purpose: CodePurpose = "register",
): Promise<void> {
  return send(
    email,
    `Your Taskmanager code: ${code}`,
    `Your code is ${code}. It works for 15 minutes. ${PURPOSE_TEXT[purpose]}`,
  );
}

/**
 * Tells the owner of an account that someone tried to sign up with their address.
 * The sign-up page reads as for a new address (it must not tell who has an account),
 * so this mail, which carries no code, is how the owner learns what to do.
 */
export function sendExistingAccountNotice(email: string): Promise<void> {
  return send(
    email,
    "Your Taskmanager account already exists",
    'Someone, maybe you, tried to create a Taskmanager account for this address. It already has one, so nothing was changed. Sign in with your password, or choose a new one with "Forgot your password?" on the sign-in page. If it was not you, ignore this email.',
  );
}

/**
 * Invites someone to a list (the API's invitation route, through the same sender as
 * the codes). The link opens the web app's invitation page; someone without an
 * account signs up there first and comes back to it.
 */
export function sendInvitation(
  email: string,
  invitation: { listName: string; invitedBy: string; role: string; link: string; days: number },
): Promise<void> {
  const { listName, invitedBy, role, link, days } = invitation;
  return send(
    email,
    `${invitedBy} invited you to "${listName}" on Taskmanager`,
    `${invitedBy} invited you to the list "${listName}" as ${role === "owner" ? "an owner" : `an ${role}`}.\n\nAccept: ${link}\n\nThe link works once, for this address, for ${days} days. Without an account, sign up with this address first. If you did not expect it, ignore this email.`,
  );
}
