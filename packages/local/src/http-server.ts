import {
  createServer as createNodeServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * An HTTP server whose async listener can never take the process down: a throw
 * becomes a 500 (an unhandled rejection would end `pnpm start`).
 */
export function createServer(listener: Listener): Server {
  return createNodeServer((req, res) => {
    Promise.resolve()
      .then(() => listener(req, res))
      .catch((error: unknown) => {
        console.error(`[local] ${req.method} ${req.url} failed:`, (error as Error).message);
        if (!res.headersSent) sendJson(res, 500, { message: "Internal Server Error" });
        else res.end();
      });
  });
}

/** Starts `server` on 127.0.0.1:`port` (0 = any free port) and returns its URL. */
export function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export class BodyTooLargeError extends Error {}

/** API Gateway's own payload limit is 10 MB. */
export async function readBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
