/**
 * The local servers answer a request they cannot parse with a 400, never a 500: a
 * malformed Host header, a target that is no path, a body or path that does not
 * decode. (API Gateway answers such requests itself, with `{"message":"Bad Request"}`.)
 */
import { describe, expect, inject, test } from "vitest";
import { rawRequest } from "../../src/clients/raw-http";

const MALFORMED_HOSTS = ["a b", "", "[::1", "127.0.0.1/tasks?x=", "a:b", "user@127.0.0.1", " "];
const stack = () => inject("stack");

describe("the API gateway", () => {
  test.each(MALFORMED_HOSTS)("Host %j is a 400 Bad Request on every route", async (host) => {
    for (const [method, target] of [
      ["GET", "/tasks"],
      ["POST", "/tasks"],
      ["GET", "/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV"],
      ["OPTIONS", "/tasks"],
      ["GET", "/nowhere"],
    ] as const) {
      const response = await rawRequest(stack().api, { method, target, headers: { host } });
      expect(response.status, `${method} ${target}`).toBe(400);
      expect(JSON.parse(response.text)).toEqual({ message: "Bad Request" });
    }
  });

  test("a target that is not a path is a 400; `//tasks` is a path with no route", async () => {
    const star = await rawRequest(stack().api, { method: "OPTIONS", target: "*" });
    expect(star.status).toBe(400);
    const doubled = await rawRequest(stack().api, { method: "GET", target: "//tasks" });
    expect(doubled.status).toBe(404);
  });

  test("an absolute-form target is routed by its path, a valid host still reaches handlers", async () => {
    const absolute = await rawRequest(stack().api, {
      method: "GET",
      target: `${stack().api}/tasks`,
    });
    expect(absolute.status).toBe(401);
    for (const host of ["example.com", "[::1]:8080", "EXAMPLE.com:443", "127.0.0.1"]) {
      const response = await rawRequest(stack().api, {
        method: "GET",
        target: "/tasks",
        headers: { host },
      });
      expect(response.status, host).toBe(401);
      expect(JSON.parse(response.text).error.code).toBe("unauthorized");
    }
  });
});

describe("the issuer and the mailbox", () => {
  test.each(MALFORMED_HOSTS)("Host %j is a 400", async (host) => {
    for (const base of [stack().auth, stack().mail]) {
      const response = await rawRequest(base, { method: "GET", target: "/", headers: { host } });
      expect(response.status, base).toBe(400);
    }
  });

  test("the mailbox refuses a body that is not JSON and a path that does not decode", async () => {
    for (const body of ["{nope", "", "null", "42"]) {
      const response = await rawRequest(stack().mail, {
        method: "POST",
        target: "/v2/email/outbound-emails",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status, body).toBe(400);
    }
    const odd = await rawRequest(stack().mail, {
      method: "POST",
      target: "/v2/email/outbound-emails",
      body: JSON.stringify({ Destination: { ToAddresses: [1, null] }, Content: 7 }),
    });
    expect(odd.status).toBe(200);
    const undecodable = await rawRequest(stack().mail, {
      method: "GET",
      target: "/mailbox/%E0%A4%A",
    });
    expect(undecodable.status).toBe(400);
  });
});
