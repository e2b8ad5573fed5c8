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

/**
 * The URL a request names, or null when it is malformed: a Host header that is not
 * `host[:port]` (empty, `a b`, `[::1`, or one carrying a path), or a target that is
 * neither a path nor an absolute URL. The path never comes from the Host header,
 * and `//x` stays a path. (Node itself refuses a request with no Host at all.)
 */
export function requestUrl(req: IncomingMessage): URL | null {
  const target = req.url ?? "";
  try {
    // Absolute-form (`GET http://host/path`): its authority replaces the Host header.
    if (/^https?:\/\//i.test(target)) return new URL(target);
    const host = req.headers.host ?? "";
    if (!target.startsWith("/") || !host || /[\s/?#@\\]/.test(host)) return null;
    const url = new URL(`http://${host}`);
    const path = new URL(`http://path.invalid${target}`);
    url.pathname = path.pathname;
    url.search = path.search;
    return url;
  } catch {
    return null;
  }
}

/** What API Gateway answers a request it cannot parse. */
export function sendBadRequest(res: ServerResponse) {
  sendJson(res, 400, { message: "Bad Request" });
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
