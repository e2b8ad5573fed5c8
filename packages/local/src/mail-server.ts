/**
 * A mailbox in place of SES: answers SESv2 SendEmail (what the issuer calls), prints
 * each message to the console, and lets tests read a person's latest message.
 */
import type { Server } from "node:http";
import { createServer, readBody, sendJson } from "./http-server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  at: string;
}

export function createMailServer(options: { print: boolean }): Server {
  const inbox = new Map<string, MailMessage[]>();
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://mail.local");
    if (req.method === "POST" && url.pathname === "/v2/email/outbound-emails") {
      const input = JSON.parse((await readBody(req)).toString("utf8"));
      const subject: string = input.Content?.Simple?.Subject?.Data ?? "";
      const text: string = input.Content?.Simple?.Body?.Text?.Data ?? "";
      for (const to of (input.Destination?.ToAddresses ?? []) as string[]) {
        const messages = inbox.get(to.toLowerCase()) ?? [];
        messages.push({ to, subject, text, at: new Date().toISOString() });
        inbox.set(to.toLowerCase(), messages.slice(-20));
        if (options.print) console.log(`[mail] to ${to}: ${subject}`);
      }
      sendJson(res, 200, { MessageId: crypto.randomUUID() });
      return;
    }
    const mailbox = /^\/mailbox\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && mailbox) {
      sendJson(res, 200, {
        messages: inbox.get(decodeURIComponent(mailbox[1] as string).toLowerCase()) ?? [],
      });
      return;
    }
    sendJson(res, 404, { message: "Not Found" });
  });
}
