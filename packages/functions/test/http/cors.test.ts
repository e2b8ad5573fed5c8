/** API Gateway's CORS, as the local API serves it: the web app's origin only. */
import { expect, test } from "vitest";
import { api, stack } from "../helpers/api";

const ALLOWED = "http://127.0.0.1:5173";

const preflight = (origin: string, method = "PATCH", path = "/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV") =>
  fetch(`${stack().api}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": "authorization,content-type",
    },
  });

test("preflight from the allowed origin gets the allow headers", async () => {
  for (const [method, path] of [
    ["PATCH", "/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV"],
    ["DELETE", "/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV"],
    ["POST", "/tasks"],
  ] as const) {
    const response = await preflight(ALLOWED, method, path);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    const methods = response.headers.get("access-control-allow-methods")?.split(/,\s*/) ?? [];
    expect(methods).toEqual(expect.arrayContaining(["GET", "POST", "PATCH", "DELETE"]));
    const headers = response.headers
      .get("access-control-allow-headers")
      ?.toLowerCase()
      .split(/,\s*/);
    expect(headers).toEqual(expect.arrayContaining(["authorization", "content-type"]));
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  }
});

test.each(["http://evil.example", "http://127.0.0.1:5174", "http://localhost:5173", "null"])(
  "preflight from %s gets no allow headers",
  async (origin) => {
    const response = await preflight(origin);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-methods")).toBeNull();
    expect(response.headers.get("access-control-allow-headers")).toBeNull();
  },
);

test("actual responses, errors included, carry the origin only for the allowed one", async () => {
  const allowed = await api("/tasks", { headers: { origin: ALLOWED } });
  expect(allowed.status).toBe(401);
  expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
  const other = await api("/tasks", { headers: { origin: "http://evil.example" } });
  expect(other.status).toBe(401);
  expect(other.headers.get("access-control-allow-origin")).toBeNull();
});
