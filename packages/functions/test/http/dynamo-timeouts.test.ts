/**
 * The DynamoDB client's time budget (core/electrodb.ts), against a stand-in for
 * DynamoDB whose behaviour each test picks: hung (accepts connections and never
 * answers, as a SIGSTOPped DynamoDB does), throttling with a long retry-after hint,
 * or forwarding to the run's DynamoDB Local while cutting off an answer. The handlers run
 * in this process, pointed at the stand-in before their modules (and client) load.
 */
import { createServer, request, type Server } from "node:http";
import type { Socket } from "node:net";
import { Task } from "@taskmanager/core/task/schema";
import { signUp } from "@taskmanager/local/clients/sign-in";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterAll, beforeAll, expect, inject, test } from "vitest";

type Mode = "forward" | "hang" | "throttle" | "lose-first-put";
let mode: Mode = "forward";
let lostPuts = 0;
let received = 0;
const sockets = new Set<Socket>();

/** A DynamoDB endpoint that misbehaves on demand. */
const standIn: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    received++;
    if (mode === "hang") return; // the request is read, never answered
    if (mode === "throttle") {
      res
        .writeHead(400, {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-retry-after": "10000",
        })
        .end(
          JSON.stringify({
            __type: "com.amazonaws.dynamodb.v20120810#ThrottlingException",
            message: "Rate of requests exceeds the allowed throughput.",
          }),
        );
      return;
    }
    const losing =
      mode === "lose-first-put" &&
      req.headers["x-amz-target"] === "DynamoDB_20120810.PutItem" &&
      lostPuts++ === 0;
    const upstream = new URL(inject("stack").dynamo);
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url },
      (answer) => {
        const body: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => body.push(chunk));
        answer.on("end", () => {
          // DynamoDB stored the item, but the connection drops before its answer.
          if (losing) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 500, answer.headers).end(Buffer.concat(body));
        });
      },
    );
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) forwarded.setHeader(name, value);
    }
    forwarded.end(Buffer.concat(chunks));
  });
});
standIn.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

const savedEndpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
let token = "";
let handlers: {
  create: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
  list: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
};

beforeAll(async () => {
  const stack = inject("stack");
  token = (await signUp(stack, `budget-${Date.now()}@example.com`, "correct-horse-battery")).access;
  await new Promise<void>((done) => standIn.listen(0, "127.0.0.1", done));
  process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${(standIn.address() as { port: number }).port}`;
  handlers = {
    create: (await import("../../src/tasks/create")).handler,
    list: (await import("../../src/tasks/list")).handler,
  };
});

afterAll(async () => {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = savedEndpoint;
  for (const socket of sockets) socket.destroy();
  await new Promise((done) => standIn.close(done));
});

function event(method: "GET" | "POST", body?: unknown): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: `${method} /tasks`,
    rawPath: "/tasks",
    rawQueryString: "",
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    requestContext: { http: { method, path: "/tasks" } },
    isBase64Encoded: false,
    ...(body ? { body: JSON.stringify(body) } : {}),
  } as unknown as APIGatewayProxyEventV2;
}

async function timed(run: () => Promise<APIGatewayProxyStructuredResultV2>) {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

const unavailable = { error: { code: "unavailable", message: expect.any(String) } };

test("a hung DynamoDB is a 503 within 3 s, and the next request succeeds once it answers", async () => {
  mode = "forward";
  expect((await handlers.list(event("GET"))).statusCode).toBe(200);

  mode = "hang";
  for (const run of [
    () => handlers.list(event("GET")),
    () => handlers.create(event("POST", { title: "held" })),
  ]) {
    received = 0;
    const { result, ms } = await timed(run);
    expect(result.statusCode, result.body).toBe(503);
    expect(JSON.parse(result.body ?? "")).toEqual(unavailable);
    // One 2 s attempt: a retry would not fit the budget, so none is made.
    expect(received).toBe(1);
    expect(ms).toBeLessThan(3_000);
  }

  mode = "forward";
  expect((await handlers.list(event("GET"))).statusCode).toBe(200);
});

test("a retry-after hint from a throttling DynamoDB does not stretch the budget", async () => {
  mode = "throttle";
  const { result, ms } = await timed(() => handlers.list(event("GET")));
  expect(result.statusCode, result.body).toBe(503);
  expect(JSON.parse(result.body ?? "")).toEqual(unavailable);
  expect(ms).toBeLessThan(3_000);
});

test("a create whose connection dropped after it was stored is retried and still a 201", async () => {
  mode = "lose-first-put";
  lostPuts = 0;
  const { result } = await timed(() => handlers.create(event("POST", { title: "stored once" })));
  expect(lostPuts).toBeGreaterThanOrEqual(2); // the first put cut off, then the SDK's retry
  expect(result.statusCode, result.body).toBe(201);
  const task = Task.parse(JSON.parse(result.body ?? ""));
  expect(task).toMatchObject({ title: "stored once", version: 1 });

  mode = "forward";
  const page = JSON.parse((await handlers.list(event("GET"))).body ?? "") as { items: Task[] };
  expect(page.items.filter((t) => t.title === "stored once")).toEqual([task]);
});
