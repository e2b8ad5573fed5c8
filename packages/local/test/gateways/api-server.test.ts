/** The local API Gateway: routing and its own (not the handlers') responses. */
import { routes } from "@taskmanager/functions/routes";
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

/** Each route's path with every parameter filled with "anything". */
const examplePath = (path: string) => path.replace(/\{\w+\}/g, "anything");

test("every route of the table reaches its handler (its answer, not the gateway's 404)", async () => {
  for (const route of routes) {
    const response = await fetch(`${api()}${examplePath(route.path)}`, { method: route.method });
    const body = (await response.json()) as { error?: { code: string } };
    if (route.public) expect(response.status, `${route.method} ${route.path}`).toBe(200);
    else expect(body.error?.code, `${route.method} ${route.path}`).toBe("unauthorized");
  }
});

test("a method the table has no route for is 404 on every routed path", async () => {
  for (const path of new Set(routes.map((route) => route.path))) {
    const routed = new Set(routes.filter((r) => r.path === path).map((r) => r.method));
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter(
      (m) => !routed.has(m as never),
    )) {
      const response = await fetch(`${api()}${examplePath(path)}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
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
