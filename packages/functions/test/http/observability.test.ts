/**
 * What the functions write for CloudWatch: one JSON object per log line with the
 * request id and the user id (never the token or the body), and the app's
 * metrics in embedded metric format (EMF).
 */

import { randomUUID } from "node:crypto";
import { IssuerSession } from "@taskmanager/local/clients/sign-in";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { decodeJwt } from "jose";
import { afterEach, beforeEach, describe, expect, inject, test, vi } from "vitest";
import { app as issuerApp } from "../../src/issuer/issuer";
import { countSignUpFrom, METRICS_NAMESPACE } from "../../src/metrics";
import { handler as serveOpenApi } from "../../src/openapi/serve";
import { handler as createTask } from "../../src/tasks/create";
import { handler as updateTask } from "../../src/tasks/update";
import { newPerson } from "../helpers/api";

let lines: string[] = [];
beforeEach(() => {
  lines = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return write(chunk, ...(rest as []));
  });
});
afterEach(() => vi.restoreAllMocks());

const json = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const logs = (message: string) => json().filter((entry) => entry.message === message);
/** The metric names of every EMF document written. */
const metrics = () =>
  json().flatMap((entry) => {
    const aws = entry._aws as
      | { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] }
      | undefined;
    return (aws?.CloudWatchMetrics ?? []).flatMap((directive) =>
      directive.Metrics.map((metric) => `${directive.Namespace}/${metric.Name}`),
    );
  });

function apiEvent(
  routeKey: string,
  fields: { token?: string; body?: unknown; taskId?: string } = {},
): APIGatewayProxyEventV2 {
  const [method, path] = routeKey.split(" ") as [string, string];
  return {
    version: "2.0",
    routeKey,
    rawPath: path,
    rawQueryString: "",
    headers: {
      "content-type": "application/json",
      ...(fields.token && { authorization: `Bearer ${fields.token}` }),
    },
    pathParameters: fields.taskId ? { taskId: fields.taskId } : undefined,
    requestContext: {
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      http: { method, path },
    },
    body: fields.body === undefined ? undefined : JSON.stringify(fields.body),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

describe("structured logs", () => {
  test("carry the request id and user id, never the token or the body", async () => {
    const person = await newPerson("logs");
    const userId = (decodeJwt(person.token).properties as { userId: string }).userId;
    const event = apiEvent("POST /tasks", {
      token: person.token,
      body: { title: "A private title nobody should read in logs" },
    });
    const reply = await createTask(event);
    expect(reply.statusCode).toBe(201);

    const [entry] = logs("request");
    expect(entry).toMatchObject({
      requestId: event.requestContext.requestId,
      userId,
      route: "POST /tasks",
      status: 201,
    });
    const written = lines.join("\n");
    expect(written).not.toContain(person.token);
    expect(written).not.toContain("A private title");
  });

  test("a warm instance does not carry the last caller's user id into the next request", async () => {
    const person = await newPerson("warm");
    await createTask(apiEvent("POST /tasks", { token: person.token, body: { title: "x" } }));
    lines = [];
    await serveOpenApi(apiEvent("GET /openapi.json"));
    const [entry] = logs("request");
    expect(entry?.route).toBe("GET /openapi.json");
    expect(entry).not.toHaveProperty("userId");
  });
});

describe("metrics in embedded metric format", () => {
  test("a created task and a stale edit count as TasksCreated and Conflicts", async () => {
    const person = await newPerson("metrics");
    const created = await createTask(
      apiEvent("POST /tasks", { token: person.token, body: { title: "count me" } }),
    );
    expect(metrics()).toContain(`${METRICS_NAMESPACE}/TasksCreated`);
    const { taskId } = JSON.parse(created.body ?? "{}");
    const edit = { token: person.token, taskId, body: { version: 1, title: "first" } };
    expect((await updateTask(apiEvent("PATCH /tasks/{taskId}", edit))).statusCode).toBe(200);
    expect(metrics()).not.toContain(`${METRICS_NAMESPACE}/Conflicts`);
    expect((await updateTask(apiEvent("PATCH /tasks/{taskId}", edit))).statusCode).toBe(409);
    expect(metrics()).toContain(`${METRICS_NAMESPACE}/Conflicts`);
    // The stage is a dimension, so each stage's figures stay apart.
    const emf = json().find((entry) => entry._aws);
    expect(emf).toMatchObject({ service: "taskmanager", stage: "local" });
  });

  test("the issuer's success counts a sign-up only when it completes a registration", () => {
    countSignUpFrom(new Request("https://auth.example.com/password/authorize", { method: "POST" }));
    expect(metrics()).toEqual([]);
    countSignUpFrom(new Request("https://auth.example.com/password/register", { method: "POST" }));
    expect(metrics()).toEqual([`${METRICS_NAMESPACE}/SignUps`]);
  });

  test("a refused sign-in through the issuer counts as FailedSignIns", async () => {
    const stack = inject("stack");
    // The issuer in this process, so its EMF lines reach this process's stdout.
    const session = new IssuerSession(stack.auth, async (request) => issuerApp.fetch(request));
    await session.start();
    lines = [];
    const refused = await session.request("/password/authorize", {
      email: `nobody-${randomUUID()}@example.com`,
      password: "not-the-password",
    });
    expect(refused.status).toBe(400); // the form again, with its error
    expect(await refused.text()).toContain("The email or the password is wrong.");
    expect(metrics()).toEqual([`${METRICS_NAMESPACE}/FailedSignIns`]);
  });
});
