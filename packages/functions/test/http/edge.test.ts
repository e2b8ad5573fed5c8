/** The HTTP edge in isolation: body parsing limits and the error envelope mapping. */

import { parseInput, VisibleError } from "@taskmanager/core/error";
import { ErrorBody } from "@taskmanager/core/error/schema";
import { CreateTaskInput } from "@taskmanager/core/task/schema";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, test } from "vitest";
import * as z from "zod/mini";
import { STATUS_OF_CODE, toErrorResponse } from "../../src/http/errors";
import { jsonBody, MAX_BODY_BYTES, parseRequest } from "../../src/http/request";
import { attachmentRoutes } from "../../src/routes/attachments";
import { taskRoutes } from "../../src/routes/tasks";

const event = (fields: Partial<APIGatewayProxyEventV2>) =>
  ({ headers: {}, isBase64Encoded: false, ...fields }) as APIGatewayProxyEventV2;
const json = (body: string, isBase64Encoded = false) =>
  event({ headers: { "content-type": "application/json" }, body, isBase64Encoded });

/** The error `run` raises, with the status the edge would answer it with. */
function httpError(run: () => unknown): VisibleError & { status: number } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VisibleError);
    const visible = error as VisibleError;
    return Object.assign(visible, { status: STATUS_OF_CODE[visible.code] });
  }
  throw new Error("did not throw");
}

describe("jsonBody", () => {
  test("parses text and base64 bodies", () => {
    expect(jsonBody(json('{"a":1}'))).toEqual({ a: 1 });
    expect(jsonBody(json(Buffer.from('{"a":"é"}').toString("base64"), true))).toEqual({ a: "é" });
  });

  test("64 KiB is the limit, counted in bytes", () => {
    const fits = `"${"x".repeat(MAX_BODY_BYTES - 2)}"`;
    expect(jsonBody(json(fits))).toHaveLength(MAX_BODY_BYTES - 2);
    const over = `"${"x".repeat(MAX_BODY_BYTES - 1)}"`;
    expect(httpError(() => jsonBody(json(over)))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    // Fewer characters than bytes: multi-byte text is counted by its UTF-8 size.
    const multiByte = `"${"é".repeat(MAX_BODY_BYTES / 2)}"`;
    expect(multiByte.length).toBeLessThan(MAX_BODY_BYTES);
    expect(httpError(() => jsonBody(json(multiByte))).status).toBe(413);
    const base64Over = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20).toString("base64");
    expect(httpError(() => jsonBody(json(base64Over, true))).status).toBe(413);
  });

  test.each([undefined, "", "text/plain", "application/jsonx", "text/json", "multipart/form-data"])(
    "content type %j is refused",
    (type) => {
      const e = event({ headers: type === undefined ? {} : { "content-type": type }, body: "{}" });
      expect(httpError(() => jsonBody(e))).toMatchObject({
        status: 400,
        code: "validation_failed",
      });
    },
  );

  test.each(["application/json", "Application/JSON", "application/json;charset=utf-8"])(
    "content type %j is accepted",
    (type) => {
      expect(jsonBody(event({ headers: { "content-type": type }, body: "{}" }))).toEqual({});
    },
  );

  test.each(["", "{", "undefined", "{a:1}", "\u0000"])("malformed JSON %j is a 400", (body) => {
    expect(httpError(() => jsonBody(json(body)))).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
  });
});

describe("parseRequest: the request as the route declares it", () => {
  const id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

  test("a declared path parameter is parsed: a ULID passes; anything else is a 400 naming it", () => {
    expect(parseRequest(taskRoutes.get, event({ pathParameters: { taskId: id } })).params).toEqual({
      taskId: id,
    });
    for (const taskId of [undefined, "", "x", id.toLowerCase(), `${id}0`, id.replace("A", "U")]) {
      const e = event({ pathParameters: taskId === undefined ? undefined : { taskId } });
      expect(httpError(() => parseRequest(taskRoutes.get, e))).toMatchObject({
        status: 400,
        message: "The task id is not valid.",
      });
    }
    const badAttachment = event({ pathParameters: { taskId: id, attachmentId: "nope" } });
    expect(httpError(() => parseRequest(attachmentRoutes.get, badAttachment))).toMatchObject({
      status: 400,
      message: "The attachment id is not valid.",
    });
  });

  test("query and body are parsed with the route's own schemas, defaults applied", () => {
    const listed = parseRequest(taskRoutes.list, event({ queryStringParameters: { limit: "5" } }));
    expect(listed.query).toEqual({ limit: 5, sort: "created" });
    expect(
      httpError(() => parseRequest(taskRoutes.list, event({ queryStringParameters: { x: "1" } }))),
    ).toMatchObject({ status: 400 });
    const created = parseRequest(taskRoutes.create, json('{"title":"  Milk "}'));
    expect(created.body).toEqual({
      title: "Milk",
      description: "",
      status: "todo",
      priority: "medium",
      dueDate: null,
      tags: [],
    });
    expect(httpError(() => parseRequest(taskRoutes.create, json('{"title":""}')))).toMatchObject({
      status: 400,
    });
  });

  test("what a route does not declare is not read: no query, no body, no other parameter", () => {
    const input = parseRequest(
      taskRoutes.get,
      event({
        pathParameters: { taskId: id, attachmentId: id },
        queryStringParameters: { anything: "1" },
        headers: { "content-type": "text/plain" },
        body: "not json",
      }),
    );
    expect(input).toEqual({ params: { taskId: id }, query: undefined, body: undefined });
    // Nor can a handler name one: each line below must fail to compile (never run).
    const undeclared = (given: typeof input) => [
      // @ts-expect-error the task routes declare no attachment id
      given.params.attachmentId,
      // @ts-expect-error reading a task declares no body
      given.body.title,
      // @ts-expect-error nor a query
      given.query.limit,
    ];
    expect(typeof undeclared).toBe("function");
  });
});

describe("toErrorResponse", () => {
  const body = (error: unknown) => {
    const response = toErrorResponse(error);
    z.strictObject(ErrorBody.shape).parse(response.body);
    return response;
  };

  test("every code has its status, and the envelope carries code, message and issues", () => {
    expect(STATUS_OF_CODE).toEqual({
      validation_failed: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      payload_too_large: 413,
      internal: 500,
      unavailable: 503,
    });
    expect(body(new VisibleError("not_found", "Task not found"))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "Task not found" } },
    });
    expect(body(new VisibleError("conflict", "changed")).status).toBe(409);
    const issues = [{ path: "cursor", message: "is not a valid cursor" }];
    expect(body(new VisibleError("validation_failed", "bad cursor", issues))).toEqual({
      status: 400,
      body: { error: { code: "validation_failed", message: "bad cursor", issues } },
    });
  });

  test("schema refusals list each issue with a dotted path", () => {
    let refusal: unknown;
    try {
      parseInput(CreateTaskInput, { title: "", tags: ["ok", ""] });
    } catch (error) {
      refusal = error;
    }
    const response = body(refusal);
    expect(response.status).toBe(400);
    expect(response.body.error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(["title", "tags.1"]),
    );
  });

  test("an unexpected error is a bare 500 that reveals nothing", () => {
    const secret = new Error("connection string postgres://user:pw@host failed");
    const response = body(secret);
    expect(response).toEqual({
      status: 500,
      body: { error: { code: "internal", message: "Something went wrong on our side." } },
    });
    expect(JSON.stringify(response)).not.toMatch(/postgres|at |\.ts/);
    expect(body(undefined).status).toBe(500);
    expect(body("a string").status).toBe(500);
  });

  test("throttling and network failures are 503 unavailable", () => {
    const throttled = Object.assign(new Error("slow down"), { name: "ThrottlingException" });
    expect(body(new Error("wrapped", { cause: throttled })).status).toBe(503);
    const refused = Object.assign(new Error("connect"), { code: "ECONNREFUSED" });
    expect(body(new Error("wrapped", { cause: refused })).status).toBe(503);
    expect(body(new AggregateError([refused], "fetch failed")).status).toBe(503);
    expect(body(new Error("wrapped", { cause: new Error("other") })).status).toBe(500);
  });
});
