/**
 * The process that serves the export in `export.ts`: the handler file behind the
 * local Function URL and nothing else, so its resident memory is the export's.
 * It samples RSS every few milliseconds and answers the parent over IPC.
 */

import { exportFunction } from "@taskmanager/functions/routes";
import { createFunctionUrlServer } from "@taskmanager/local/gateways/function-url-server";
import { listen } from "@taskmanager/local/gateways/http-server";

const server = createFunctionUrlServer({
  handler: exportFunction.handler,
  name: "TaskExport",
  cors: { ...exportFunction.cors, allowOrigins: [] },
});
const url = await listen(server, 0);

let peak = process.memoryUsage.rss();
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5).unref();

export type ServerMessage =
  | { type: "ready"; url: string }
  | { type: "rss"; now: number; peak: number };

process.on("message", (message: { type: "reset" | "rss" }) => {
  const now = process.memoryUsage.rss();
  if (message.type === "reset") peak = now;
  else peak = Math.max(peak, now);
  process.send?.({ type: "rss", now, peak } satisfies ServerMessage);
});
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready", url } satisfies ServerMessage);
