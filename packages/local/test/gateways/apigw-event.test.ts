/** The Node request <-> API Gateway HTTP API (2.0) event translation. */
import type { APIGatewayProxyResultV2 } from "aws-lambda";
import { describe, expect, test } from "vitest";
import {
  fromLambdaResult,
  type IncomingRequest,
  matchPath,
  toApiGatewayEvent,
} from "../../src/gateways/apigw-event";

describe("matchPath", () => {
  test("literal paths match exactly", () => {
    expect(matchPath("/tasks", "/tasks")).toEqual({});
    expect(matchPath("/tasks", "/tasks/")).toBeNull();
    expect(matchPath("/tasks", "/task")).toBeNull();
    expect(matchPath("/tasks", "/taskss")).toBeNull();
    expect(matchPath("/tasks", "/x/tasks")).toBeNull();
  });

  test("a parameter takes exactly one segment", () => {
    expect(matchPath("/tasks/{taskId}", "/tasks/abc")).toEqual({ taskId: "abc" });
    expect(matchPath("/tasks/{taskId}", "/tasks")).toBeNull();
    expect(matchPath("/tasks/{taskId}", "/tasks/")).toBeNull();
    expect(matchPath("/tasks/{taskId}", "/tasks/a/b")).toBeNull();
    expect(matchPath("/a/{x}/b/{y}", "/a/1/b/2")).toEqual({ x: "1", y: "2" });
  });

  test("parameters are percent-decoded; malformed encoding passes through", () => {
    expect(matchPath("/tasks/{taskId}", "/tasks/a%20b")).toEqual({ taskId: "a b" });
    expect(matchPath("/tasks/{taskId}", "/tasks/%E0%A4%A")).toEqual({ taskId: "%E0%A4%A" });
  });

  test("regex characters in the template are literal", () => {
    expect(matchPath("/v1.0/tasks", "/v1.0/tasks")).toEqual({});
    expect(matchPath("/v1.0/tasks", "/v1x0/tasks")).toBeNull();
  });
});

function request(overrides: Partial<IncomingRequest> = {}): IncomingRequest {
  return {
    method: "GET",
    url: new URL("http://127.0.0.1:3000/tasks"),
    headers: { host: "127.0.0.1:3000" },
    body: Buffer.alloc(0),
    sourceIp: "127.0.0.1",
    ...overrides,
  };
}

const match = { routeKey: "GET /tasks", pathParameters: undefined };

describe("toApiGatewayEvent", () => {
  test("the 2.0 envelope: version, routeKey, paths, request context", () => {
    const event = toApiGatewayEvent(
      request({
        method: "PATCH",
        url: new URL("http://127.0.0.1:3000/tasks/01ABC?x=1"),
        headers: { host: "127.0.0.1:3000", "user-agent": "vitest" },
      }),
      { routeKey: "PATCH /tasks/{taskId}", pathParameters: { taskId: "01ABC" } },
    );
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "PATCH /tasks/{taskId}",
      rawPath: "/tasks/01ABC",
      rawQueryString: "x=1",
      pathParameters: { taskId: "01ABC" },
      queryStringParameters: { x: "1" },
      isBase64Encoded: false,
      requestContext: {
        routeKey: "PATCH /tasks/{taskId}",
        stage: "$default",
        http: { method: "PATCH", path: "/tasks/01ABC", sourceIp: "127.0.0.1", userAgent: "vitest" },
      },
    });
    expect(event.requestContext.requestId).toEqual(expect.any(String));
    expect(event.body).toBeUndefined();
  });

  test("no query string and no path parameters leave the keys out", () => {
    const event = toApiGatewayEvent(request(), match);
    expect(event).not.toHaveProperty("queryStringParameters");
    expect(event).not.toHaveProperty("pathParameters");
    expect(event).not.toHaveProperty("cookies");
    expect(event.rawQueryString).toBe("");
  });

  test("repeated query keys are joined with commas; values are decoded", () => {
    const event = toApiGatewayEvent(
      request({ url: new URL("http://h/tasks?status=todo&status=done&q=a%20b&status=x") }),
      match,
    );
    expect(event.queryStringParameters).toEqual({ status: "todo,done,x", q: "a b" });
    expect(event.rawQueryString).toBe("status=todo&status=done&q=a%20b&status=x");
  });

  test("cookies are split out of the headers", () => {
    const event = toApiGatewayEvent(
      request({ headers: { cookie: "a=1; b=2;c=3", authorization: "Bearer t" } }),
      match,
    );
    expect(event.cookies).toEqual(["a=1", "b=2", "c=3"]);
    expect(event.headers).not.toHaveProperty("cookie");
    expect(event.headers.authorization).toBe("Bearer t");
  });

  test("header names are lower case and repeated values joined", () => {
    const event = toApiGatewayEvent(
      request({ headers: { "X-Thing": ["a", "b"], "Content-Type": "application/json" } as never }),
      match,
    );
    expect(event.headers["x-thing"]).toBe("a,b");
    expect(event.headers["content-type"]).toBe("application/json");
  });

  test.each([
    "application/json",
    "application/json; charset=utf-8",
    "text/plain",
    "application/problem+json",
    "application/x-www-form-urlencoded",
  ])("a %s body is passed as text", (type) => {
    const body = Buffer.from('{"title":"héllo"}');
    const event = toApiGatewayEvent(request({ headers: { "content-type": type }, body }), match);
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('{"title":"héllo"}');
  });

  test.each(["application/octet-stream", "image/png", undefined])("a %s body is base64", (type) => {
    const body = Buffer.from([0, 1, 2, 255, 254, 10]);
    const event = toApiGatewayEvent(
      request({ headers: type ? { "content-type": type } : {}, body }),
      match,
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? "", "base64")).toEqual(body);
  });
});

describe("fromLambdaResult", () => {
  test("a structured result keeps status, headers (lower-cased), cookies and body", () => {
    const response = fromLambdaResult({
      statusCode: 201,
      headers: { "Content-Type": "application/json", "X-Count": 3 },
      cookies: ["a=1; Path=/", "b=2"],
      body: '{"ok":true}',
    });
    expect(response.status).toBe(201);
    expect(response.headers).toEqual({
      "content-type": "application/json",
      "x-count": "3",
      "set-cookie": ["a=1; Path=/", "b=2"],
    });
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  test("a base64 body is decoded", () => {
    const bytes = Buffer.from([0, 200, 255]);
    const response = fromLambdaResult({
      statusCode: 200,
      body: bytes.toString("base64"),
      isBase64Encoded: true,
    });
    expect(response.body).toEqual(bytes);
  });

  test("no body is an empty body", () => {
    const response = fromLambdaResult({ statusCode: 204 });
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
  });

  test.each([
    [{ hello: "world" }, '{"hello":"world"}'],
    [[1, 2], "[1,2]"],
    ["plain string", "plain string"],
    [42, "42"],
  ] as Array<[unknown, string]>)("a non-structured result %j is a 200 JSON body", (value, body) => {
    const response = fromLambdaResult(value as APIGatewayProxyResultV2);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.body.toString()).toBe(body);
  });
});
