/**
 * A mailbox in place of SES: answers SESv2 SendEmail (what the issuer calls), prints
 * each message to the console, and lets tests read a person's latest message.
 */
import type { Server } from "node:http";
import {
  createServer,
  readBody,
  requestUrl,
  sendBadRequest,
  sendJson,
} from "../gateways/http-server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  at: string;
}

export function createMailServer(options: { print: boolean }): Server {
  const inbox = new Map<string, MailMessage[]>();
  return createServer(async (req, res) => {
    const url = requestUrl(req);
    if (!url) {
      sendBadRequest(res);
      return;
    }
    if (req.method === "POST" && url.pathname === "/v2/email/outbound-emails") {
      const input = parseJson((await readBody(req)).toString("utf8"));
      if (!input) {
        // SES refuses a body it cannot read with a 400 too.
        sendJson(res, 400, { message: "The request body is not JSON." });
        return;
      }
      const subject = String(input.Content?.Simple?.Subject?.Data ?? "");
      const text = String(input.Content?.Simple?.Body?.Text?.Data ?? "");
      const recipients: unknown[] = Array.isArray(input.Destination?.ToAddresses)
        ? input.Destination.ToAddresses
        : [];
      for (const to of recipients.filter((to): to is string => typeof to === "string")) {
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
      const address = decodeOrNull(mailbox[1] as string);
      if (address === null) {
        sendBadRequest(res);
        return;
      }
      sendJson(res, 200, { messages: inbox.get(address.toLowerCase()) ?? [] });
      return;
    }
    sendJson(res, 404, { message: "Not Found" });
  });
}

// biome-ignore lint/suspicious/noExplicitAny: SES's input, read defensively above
function parseJson(text: string): any {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}

function decodeOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
