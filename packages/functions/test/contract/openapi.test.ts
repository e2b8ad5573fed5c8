/** The OpenAPI document and docs/api.md's table: generated from the route table, committed, served, and complete. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { openApiDocument } from "../../src/openapi/document";
import { withRouteTable } from "../../src/openapi/route-table";
import { exportFunction, routes } from "../../src/routes";
import { api } from "../helpers/api";
import { documentPath } from "../helpers/openapi-contract";

const generated = openApiDocument();

test("docs/openapi.json is what the code generates (run `pnpm openapi` after changing a route)", () => {
  expect(JSON.parse(readFileSync(documentPath, "utf8"))).toEqual(generated);
});

test("docs/api.md's route table is what the code generates (run `pnpm openapi` after changing a route)", () => {
  const apiDoc = readFileSync(resolve(documentPath, "../api.md"), "utf8");
  expect(apiDoc).toBe(withRouteTable(apiDoc));
});

test("GET /openapi.json serves it without a token", async () => {
  const response = await api("/openapi.json");
  expect(response.status).toBe(200);
  expect(response.json).toEqual(generated);
});

test("every route of the table is an operation with its success, errors and security", () => {
  for (const route of routes) {
    const operation = generated.paths[route.path]?.[route.method.toLowerCase()] as
      | {
          responses: Record<string, unknown>;
          security?: unknown[];
          parameters?: { name: string }[];
        }
      | undefined;
    expect(operation, `${route.method} ${route.path}`).toBeDefined();
    expect(Object.keys(operation?.responses ?? {})).toContain(String(route.response.status));
    if (route.public) expect(operation?.security).toEqual([]);
    else expect(Object.keys(operation?.responses ?? {})).toContain("401");
    for (const name of Object.keys(route.params ?? {})) {
      expect(operation?.parameters?.map((p) => p.name)).toContain(name);
    }
  }
  expect(generated.components.securitySchemes.bearer).toMatchObject({ scheme: "bearer" });
});

test("the export is in the document: the Function URL's root, with its own server, the list's filters and its files", () => {
  const path = generated.paths["/"] as {
    servers?: { url: string; variables?: Record<string, { default: string }> }[];
    get?: {
      operationId: string;
      parameters: { name: string; in: string; schema: { enum?: string[] } }[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
  };
  expect(path?.servers).toHaveLength(1);
  expect(path.servers?.[0]?.url).toBe("{exportUrl}");
  expect(path.servers?.[0]?.variables?.exportUrl?.default).toMatch(/^http/);
  const operation = path.get;
  expect(operation?.operationId).toBe("exportTasks");
  const names = operation?.parameters.map((p) => p.name);
  expect(names).toEqual(Object.keys(exportFunction.query.shape));
  expect(names).toEqual(expect.arrayContaining(["format", "status", "q", "tag", "sort"]));
  // q and tag are the list's own parameters, so a client builds both the same way.
  const listParameters = (generated.paths["/tasks"] as { get: { parameters: { name: string }[] } })
    .get.parameters;
  for (const name of ["q", "tag", "status", "sort"]) {
    expect(operation?.parameters.find((p) => p.name === name)).toEqual(
      listParameters.find((p) => p.name === name),
    );
  }
  expect(Object.keys(operation?.responses["200"]?.content ?? {})).toEqual([
    "text/csv",
    "application/x-ndjson",
  ]);
  expect(Object.keys(operation?.responses ?? {})).toEqual(
    expect.arrayContaining(["200", "400", "401", "500", "503"]),
  );
});
