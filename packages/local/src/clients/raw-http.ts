/**
 * HTTP requests exactly as given, for tests that send what `fetch` will not: any
 * Host header (or none), any target (`//x`, `*`), any body, over a chosen agent.
 */
import { type Agent, request } from "node:http";

export interface RawRequest {
  method: string;
  /** The request target as sent: a path with its query, `*`, or an absolute URL. */
  target: string;
  /** Sent as they are; a `host` here replaces the one Node would send. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: Agent;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function rawRequest(base: string, init: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  // Node frames a GET's or DELETE's body only if told its length (else the bytes
  // would read as the next request on the connection).
  const headers =
    init.body === undefined
      ? init.headers
      : { "content-length": String(Buffer.byteLength(init.body)), ...init.headers };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method,
        path: init.target,
        headers,
        setHost: !(init.headers && "host" in init.headers),
        agent: init.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}
