/**
 * The envelope matrix, generated from the route table: every route's success
 * with its example, and the refusals the edge gives every route of its kind.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { MAX_BODY_BYTES } from "../../src/http/request";
import { expectError, newPerson, type Person } from "../helpers/api";
import {
  absentIds,
  callRoute,
  label,
  ownedIds,
  protectedRoutes,
  resourceRoutes,
  routesWithBody,
  routesWithQuery,
} from "./route-cases";

/**
 * A person per route: each call makes its own resources, and a person may be in
 * at most MAX_LISTS_PER_PERSON lists.
 */
function personPerRoute() {
  const holder: { person: Person } = { person: undefined as unknown as Person };
  beforeAll(async () => {
    holder.person = await newPerson("matrix");
  });
  return holder;
}

describe.each(protectedRoutes.map((route) => [label(route), route] as const))("%s", (_, route) => {
  const me = personPerRoute();
  test("its example succeeds with the documented status and body", async () => {
    const response = await callRoute(route, await ownedIds(route, me.person), {
      token: me.person.token,
    });
    expect(response.status, response.text).toBe(route.response.status);
    if (route.response.schema) route.response.schema.parse(response.json);
    else expect(response.text).toBe("");
  });
});

describe.each(routesWithBody.map((route) => [label(route), route] as const))("%s", (_, route) => {
  const me = personPerRoute();
  const call = async (body: unknown, headers: Record<string, string> = {}) =>
    callRoute(route, await ownedIds(route, me.person), { token: me.person.token, body, headers });

  test("malformed JSON and JSON that is not the body are 400 without issues", async () => {
    for (const body of ["{", "not json", "", "{'a':1}"]) {
      expect(expectError(await call(body), 400, "validation_failed").issues).toBeUndefined();
    }
    for (const body of ["null", "[]", "42", '"text"']) {
      expectError(await call(body), 400, "validation_failed");
    }
  });

  test("a content type other than JSON is 400", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp"]) {
      const body = JSON.stringify(route.body?.example);
      expectError(await call(body, { "content-type": type }), 400, "validation_failed");
    }
  });

  test("an unknown field is 400 naming it", async () => {
    const error = expectError(
      await call({ ...(route.body?.example as object), notAField: true }),
      400,
      "validation_failed",
    );
    expect(error.issues?.length).toBeGreaterThan(0);
  });

  test("a body over 64 KiB is 413", async () => {
    const body = JSON.stringify({
      ...(route.body?.example as object),
      pad: "x".repeat(MAX_BODY_BYTES),
    });
    expectError(await call(body), 413, "payload_too_large");
  });
});

describe.each(resourceRoutes.map((route) => [label(route), route] as const))("%s", (_, route) => {
  const me = personPerRoute();
  test("a malformed id is 400", async () => {
    for (const bad of ["not-an-id", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01arz3ndektsv4rrffq69g5fav"]) {
      const ids = Object.fromEntries(Object.keys(absentIds(route)).map((name) => [name, bad]));
      expectError(
        await callRoute(route, ids, { token: me.person.token }),
        400,
        "validation_failed",
      );
    }
  });

  test("an id that names nothing is 404, as documented", async () => {
    expect(route.errors).toContain("not_found");
    expectError(
      await callRoute(route, absentIds(route), { token: me.person.token }),
      404,
      "not_found",
    );
  });
});

describe.each(routesWithQuery.map((route) => [label(route), route] as const))("%s", (_, route) => {
  const me = personPerRoute();
  test("an unknown query parameter is 400 naming it", async () => {
    const ids = await ownedIds(route, me.person);
    const response = await callRoute({ ...route, path: `${route.path}?notAParameter=1` }, ids, {
      token: me.person.token,
    });
    const error = expectError(response, 400, "validation_failed");
    expect(error.issues?.length).toBeGreaterThan(0);
  });
});
