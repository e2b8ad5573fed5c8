import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { Resource } from "sst";

const ses = new SESv2Client({});

/**
 * Sends the sign-up verification code. In AWS this is SES from the stage's sender;
 * the local stack points the SDK (AWS_ENDPOINT_URL_SESV2) at its own mailbox.
 */
export async function sendVerificationCode(email: string, code: string): Promise<void> {
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: Resource.AuthEmail.sender,
      Destination: { ToAddresses: [email] },
      Content: {
        Simple: {
          Subject: { Data: `Your Taskmanager code: ${code}` },
          Body: {
            Text: {
              Data: `Your verification code is ${code}. It confirms this address for your Taskmanager account.`,
            },
          },
        },
      },
    }),
  );
}
