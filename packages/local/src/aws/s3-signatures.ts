/**
 * A thin front over s3rver that answers as S3 does where s3rver does not:
 * - presigned requests are checked (s3rver checks no signature at all): a URL
 *   whose signature, key, query or signed headers were changed, one past its
 *   expiry, and a request with no signature are refused with S3's 403 errors;
 * - conditional writes: a PUT with `If-None-Match: *` onto a key that holds an
 *   object is refused with 412 PreconditionFailed (s3rver ignores the header).
 * Requests signed in the Authorization header (the server's own SDK calls) are
 * passed through unchecked, as are CORS preflights (S3 answers those from the
 * bucket's CORS rules, which s3rver has).
 *
 * SigV4 for presigned URLs: the canonical request (method, the path as sent, the
 * sorted query without the signature, each signed header, UNSIGNED-PAYLOAD),
 * signed with the key derived from the secret, date, region and service.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";

export interface SignatureFront {
  url: string;
  stop(): Promise<void>;
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();
const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");

/** RFC 3986 encoding, as SigV4 wants it for query keys and values. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function s3Error(res: http.ServerResponse, status: number, code: string, message: string) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, {
    "content-type": "application/xml",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** "YYYYMMDDTHHMMSSZ" as a time. */
function amzTime(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as number[];
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
}

/** Why a presigned request is refused, or undefined when its signature holds. */
export function presignedRefusal(
  req: { method: string; url: string; headers: http.IncomingHttpHeaders },
  secrets: Record<string, string>,
  now = Date.now(),
): { code: string; message: string } | undefined {
  const [path = "/", rawQuery = ""] = req.url.split("?", 2);
  const pairs = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      const key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      const value = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, "%20"));
      return [key, value] as const;
    });
  const query = new Map(pairs);
  const denied = (message: string) => ({ code: "AccessDenied", message });
  if (query.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") return denied("Unsupported algorithm");
  const [accessKey, date, region, service, terminal] = (query.get("X-Amz-Credential") ?? "").split(
    "/",
  );
  const secret = secrets[accessKey ?? ""];
  if (!secret || !date || !region || !service || terminal !== "aws4_request") {
    return {
      code: "InvalidAccessKeyId",
      message: "The access key or credential scope is not valid",
    };
  }
  const amzDate = query.get("X-Amz-Date") ?? "";
  const signedAt = amzTime(amzDate);
  const expires = Number(query.get("X-Amz-Expires"));
  if (!Number.isFinite(signedAt) || !amzDate.startsWith(date)) {
    return denied("X-Amz-Date is not valid");
  }
  if (!Number.isInteger(expires) || expires < 1 || expires > 604_800) {
    return denied("X-Amz-Expires must be between 1 and 604800 seconds");
  }
  if (now > signedAt + expires * 1000) return denied("Request has expired");
  const signedHeaders = (query.get("X-Amz-SignedHeaders") ?? "").split(";").filter(Boolean);
  if (!signedHeaders.includes("host")) return denied("host must be a signed header");

  const canonicalQuery = pairs
    .filter(([key]) => key !== "X-Amz-Signature")
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const canonicalHeaders = signedHeaders
    .map((name) => {
      const raw = req.headers[name];
      const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
      return `${name}:${value.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const canonicalRequest = [
    req.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(";"),
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(query.get("X-Amz-Signature") ?? "", "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided",
    };
  }
  return undefined;
}

/** Whether s3rver holds an object at `path` (asked directly, so unsigned). */
function exists(target: URL, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const head = http.request(
      { host: target.hostname, port: target.port, method: "HEAD", path },
      (answer) => {
        answer.resume();
        resolve(answer.statusCode === 200);
      },
    );
    head.on("error", () => resolve(false));
    head.end();
  });
}

/** Starts the front on `port` (0: any), passing what it accepts to `target`. */
export function startSignatureFront(options: {
  port: number;
  target: string;
  secrets: Record<string, string>;
}): Promise<SignatureFront> {
  const target = new URL(options.target);
  const server = http.createServer(async (req, res) => {
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    if (method !== "OPTIONS" && !req.headers.authorization) {
      const refusal = url.includes("X-Amz-Signature=")
        ? presignedRefusal({ method, url, headers: req.headers }, options.secrets)
        : { code: "AccessDenied", message: "Access Denied" };
      if (refusal) {
        req.resume();
        s3Error(res, 403, refusal.code, refusal.message);
        return;
      }
    }
    if (
      method === "PUT" &&
      req.headers["if-none-match"] === "*" &&
      (await exists(target, url.split("?")[0] ?? url))
    ) {
      req.resume();
      s3Error(
        res,
        412,
        "PreconditionFailed",
        "At least one of the pre-conditions you specified did not hold",
      );
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method, path: url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
