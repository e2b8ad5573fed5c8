/**
 * The small piece no library does: turn a Node HTTP request into the API Gateway
 * HTTP API (payload 2.0) event a Lambda handler receives, and the handler's
 * result back into a response, following API Gateway's documented rules.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from "aws-lambda";

export interface RouteMatch {
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
}

/** Matches `/tasks/{taskId}`-style templates the way API Gateway does (one segment per parameter). */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name) => {
    names.push(name);
    return "([^/]+)";
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return null;
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    params[name] = safeDecode(match[i + 1] as string);
  });
  return params;
}

/** Malformed percent-encoding is passed through as sent, not thrown on. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+json)/i;

export interface IncomingRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
}

export function toApiGatewayEvent(req: IncomingRequest, match: RouteMatch): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "cookie") continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  const cookies = req.headers.cookie?.split(/;\s*/).filter(Boolean);

  const query: Record<string, string> = {};
  for (const [key, value] of req.url.searchParams) {
    query[key] = key in query ? `${query[key]},${value}` : value;
  }

  const isText = TEXT_TYPES.test(headers["content-type"] ?? "");
  const now = new Date();
  return {
    version: "2.0",
    routeKey: match.routeKey,
    rawPath: req.url.pathname,
    rawQueryString: req.url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: req.url.host,
      domainPrefix: req.url.hostname.split(".")[0] as string,
      http: {
        method: req.method,
        path: req.url.pathname,
        protocol: "HTTP/1.1",
        sourceIp: req.sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: match.routeKey,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(req.body.length
      ? {
          body: isText ? req.body.toString("utf8") : req.body.toString("base64"),
          isBase64Encoded: !isText,
        }
      : { isBase64Encoded: false }),
  };
}

export interface OutgoingResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** API Gateway's rules for a 2.0 result: a non-structured value is a 200 JSON body. */
export function fromLambdaResult(result: APIGatewayProxyResultV2): OutgoingResponse {
  const structured =
    typeof result === "object" && result !== null && "statusCode" in result
      ? (result as APIGatewayProxyStructuredResultV2)
      : {
          statusCode: 200,
          headers: { "content-type": "application/json" },
          body: typeof result === "string" ? result : JSON.stringify(result),
        };
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  if (structured.cookies?.length) headers["set-cookie"] = structured.cookies;
  const body = Buffer.from(structured.body ?? "", structured.isBase64Encoded ? "base64" : "utf8");
  return { status: structured.statusCode ?? 200, headers, body };
}
