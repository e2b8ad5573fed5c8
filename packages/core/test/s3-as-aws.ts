/**
 * The local S3 (s3rver) answering where AWS S3 answers differently, for tests:
 * as to a role without `s3:ListBucket` on the bucket (ours): a HEAD or GET of a
 * missing key is 403, not 404 (a HEAD with no body; a GET with an AccessDenied
 * document). Everything else is passed through unchanged, so uploads and
 * downloads work as before. (Signatures and conditional writes are the local
 * stack's own S3 front's: packages/local/src/aws/s3-signatures.ts.)
 */
import http from "node:http";

export interface S3AsAws {
  url: string;
  stop(): Promise<void>;
}

const ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
export function startS3AsAws(s3Url: string): Promise<S3AsAws> {
  const target = new URL(s3Url);
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        // The Host as sent: the local S3 checks presigned signatures, which cover it.
        headers: req.headers,
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
