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
 * Sends an emailed code (sign-up or password reset). In AWS this is SES from the
 * stage's sender; the local stack points the SDK (AWS_ENDPOINT_URL_SESV2) at its own mailbox.
 */
export async function sendVerificationCode(
  email: string,
  code: string,
  purpose: CodePurpose = "register",
): Promise<void> {
  const { from, configSet } = Resource.AuthEmail;
  // Only `sst dev` runs with no sender (infra refuses to deploy so): the code goes to its terminal.
  if (!from) return console.info(`No mail sender on this stage; code for ${email}: ${code}`);
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      ConfigurationSetName: configSet || undefined,
      Destination: { ToAddresses: [email] },
      Content: {
        Simple: {
          Subject: { Data: `Your Taskmanager code: ${code}` },
          Body: {
            Text: {
              Data: `Your code is ${code}. It works for 15 minutes. ${PURPOSE_TEXT[purpose]}`,
            },
          },
        },
      },
    }),
  );
}
