/**
 * The API's OpenAPI 3.1 description, generated from the route table and the
 * shared zod schemas (zod's own JSON Schema output), so it cannot drift from what
 * the handlers accept and answer. `docs/openapi.json` is this, committed.
 */
import { ErrorBody, type ErrorCode } from "@taskmanager/core/error/schema";
import * as z from "zod/mini";
import { EXPORT_CONTENT_TYPES } from "../export/format";
import { STATUS_OF_CODE } from "../http/errors";
import { exportFunction, type RouteDefinition, routes } from "../routes";

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodMiniType, io: "input" | "output"): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return json;
};

/** Every error a route can answer: the edge's own, then the route's. */
export function errorsOf(route: RouteDefinition): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (!route.public) codes.add("unauthorized");
  // A list's or task's route: not a member is 404; a member below the role, 403.
  if (typeof route.role === "object") {
    codes.add("not_found");
    if (route.role.member !== "viewer") codes.add("forbidden");
  }
  if (route.body || route.params || route.query) codes.add("validation_failed");
  if (route.body) codes.add("payload_too_large");
  for (const code of route.errors ?? []) codes.add(code);
  codes.add("internal");
  if (!route.public) codes.add("unavailable");
  return [...codes].sort((a, b) => STATUS_OF_CODE[a] - STATUS_OF_CODE[b]);
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });

function parameters(route: RouteDefinition) {
  const path = Object.entries(route.params ?? {}).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    schema: schemaOf(schema, "input"),
  }));
  const query = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: !(schema as z.ZodMiniType).safeParse(undefined).success,
    schema: schemaOf(schema as z.ZodMiniType, "input"),
  }));
  return [...path, ...query];
}

function operation(route: RouteDefinition) {
  const codesByStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(route)) {
    const status = STATUS_OF_CODE[code];
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }
  const errorResponses = Object.fromEntries(
    [...codesByStatus].map(([status, codes]) => [
      String(status),
      {
        description: `Error: ${codes.join(", ")}`,
        content: json({
          allOf: [
            { $ref: "#/components/schemas/ErrorBody" },
            { properties: { error: { properties: { code: { enum: codes } } } } },
          ],
        }),
      },
    ]),
  );
  const { response } = route;
  return {
    operationId: `${route.method.toLowerCase()}${route.path
      .split(/[/{}.]/)
      .filter(Boolean)
      .map((part) => part[0]?.toUpperCase() + part.slice(1))
      .join("")}`,
    summary: route.summary,
    ...(route.public ? { security: [] } : {}),
    ...(parameters(route).length ? { parameters: parameters(route) } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: schemaOf(route.body.schema, "input"),
                example: route.body.example,
              },
            },
          },
        }
      : {}),
    responses: {
      [response.status]: {
        description: response.description,
        ...(response.schema ? { content: json(schemaOf(response.schema, "output")) } : {}),
        ...(response.status === 200 && !response.schema
          ? { content: json({ type: "object" }) }
          : {}),
      },
      ...errorResponses,
    },
  };
}

/**
 * Where the export is served: a Lambda Function URL of its own (API Gateway buffers
 * responses), so its path carries its own `servers`, which override the API's. The
 * URL is a deploy output (`exportUrl`); locally `pnpm start` serves it on port 3003.
 */
export const EXPORT_SERVER = {
  url: "{exportUrl}",
  description: "The export's Lambda Function URL (the deploy's `export` output)",
  variables: {
    exportUrl: {
      default: "http://127.0.0.1:3003",
      description:
        "`https://<id>.lambda-url.<region>.on.aws` without its trailing slash; `pnpm start` serves it at the default",
    },
  },
};

/** The export's contract (`exportFunction`) as a route: `GET /` of its Function URL. */
export const exportRoute: RouteDefinition = {
  method: "GET",
  path: "/",
  handler: exportFunction.handler,
  access: exportFunction.access,
  role: exportFunction.role,
  summary: exportFunction.summary,
  query: exportFunction.query,
  response: { status: 200, description: "" },
};

/**
 * The export as an operation: its errors and query come as a route's do, on the
 * Function URL's root, answering a file (CSV or NDJSON) instead of JSON.
 */
function exportOperation() {
  const base = operation(exportRoute);
  const file = { type: "string", description: "The tasks, streamed as they are read." };
  return {
    ...base,
    operationId: "exportTasks",
    description:
      "Every task the list would show for the same `status`, `q`, `tag` and `sort` (parsed and matched as `GET /tasks` does), in the list's order, as one file; each row names its `list`. A failure after the first bytes ends the file with an error record: a `# export failed: <code>: <message>` line in CSV, the error envelope as the last line in NDJSON.",
    responses: {
      ...base.responses,
      "200": {
        description: "The file, as an attachment named `tasks-YYYY-MM-DD.<csv|ndjson>`",
        headers: {
          "content-disposition": {
            description: "`attachment; filename=tasks-YYYY-MM-DD.<csv|ndjson>`",
            schema: { type: "string" },
          },
        },
        content: Object.fromEntries(EXPORT_CONTENT_TYPES.map((type) => [type, { schema: file }])),
      },
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  // Not one of the API's paths: `/` of the export's own server.
  paths["/"] = { servers: [EXPORT_SERVER], get: exportOperation() };
  return {
    openapi: "3.1.0",
    info: {
      title: "Taskmanager API",
      version: "1.0.0",
      description:
        "A person's tasks. Every route but this document needs `Authorization: Bearer <access token>` from the Taskmanager issuer. Errors are one envelope: `{error: {code, message, issues?}}`.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "An access token from the issuer (OpenAuth, ES256), 15 minutes.",
        },
      },
      schemas: { ErrorBody: schemaOf(ErrorBody, "output") },
    },
  };
}
