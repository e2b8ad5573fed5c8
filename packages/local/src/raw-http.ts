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
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method,
        path: init.target,
        headers: init.headers,
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
