/** The local API Gateway: routing and its own (not the handlers') responses. */
import { expect, inject, test } from "vitest";

const api = () => inject("stack").api;

test.each([
  ["GET", "/"],
  ["GET", "/nope"],
  ["GET", "/tasks/a/b"],
  ["PUT", "/tasks"],
  ["DELETE", "/tasks"],
  ["POST", "/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV"],
])("%s %s has no route: 404 Not Found", async (method, path) => {
  const response = await fetch(`${api()}${path}`, { method });
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ message: "Not Found" });
});

test("a routed request reaches its handler (its 401 envelope, not the gateway's 404)", async () => {
  for (const [method, path] of [
    ["GET", "/tasks"],
    ["POST", "/tasks"],
    ["GET", "/tasks/anything"],
    ["PATCH", "/tasks/anything"],
    ["DELETE", "/tasks/anything"],
  ]) {
    const response = await fetch(`${api()}${path}`, { method });
    expect(response.status, `${method} ${path}`).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "unauthorized",
    );
  }
});

test("a body over API Gateway's 10 MB is 413 from the gateway", async () => {
  const response = await fetch(`${api()}/tasks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
  }).catch((error: unknown) => error);
  // The gateway may close the connection while the client is still sending.
  if (response instanceof Response) {
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: "Request Entity Too Large" });
  } else {
    expect(String((response as Error).cause ?? response)).toMatch(
      /ECONNRESET|EPIPE|closed|socket/i,
    );
  }
});
