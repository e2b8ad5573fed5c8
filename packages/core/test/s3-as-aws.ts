/**
 * The local S3 (s3rver) answering where AWS S3 answers differently, for tests:
 * - as to a role without `s3:ListBucket` on the bucket (ours): a HEAD or GET of a
 *   missing key is 403, not 404 (a HEAD with no body; a GET with an AccessDenied
 *   document);
 * - conditional writes: a PUT with `If-None-Match: *` onto a key that holds an
 *   object is refused with 412 PreconditionFailed (s3rver ignores the header).
 * Everything else is passed through unchanged, so uploads and downloads work as before.
 */
import http from "node:http";

export interface S3AsAws {
  url: string;
  stop(): Promise<void>;
}

const ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>';

/** Whether s3rver holds an object at the request's path (its query, a signature, dropped). */
function exists(target: URL, url: string): Promise<boolean> {
  const path = url.split("?")[0] ?? url;
  return new Promise((resolve, reject) => {
    const head = http.request(
      { host: target.hostname, port: target.port, method: "HEAD", path },
      (answer) => {
        answer.resume();
        resolve(answer.statusCode === 200);
      },
    );
    head.on("error", reject);
    head.end();
  });
}

export function startS3AsAws(s3Url: string): Promise<S3AsAws> {
  const target = new URL(s3Url);
  const server = http.createServer(async (req, res) => {
    if (req.method === "PUT" && req.headers["if-none-match"] === "*") {
      if (await exists(target, req.url ?? "/").catch(() => false)) {
        req.resume();
        res.writeHead(412, {
          "content-type": "application/xml",
          "content-length": Buffer.byteLength(PRECONDITION_FAILED),
        });
        res.end(PRECONDITION_FAILED);
        return;
      }
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        const read = req.method === "HEAD" || req.method === "GET";
        if (read && answer.statusCode === 404) {
          answer.resume();
          const body = req.method === "GET" ? ACCESS_DENIED : "";
          res.writeHead(403, {
            "content-type": "application/xml",
            "content-length": Buffer.byteLength(body),
          });
          res.end(body);
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}
