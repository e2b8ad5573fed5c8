/**
 * Holds every response the API tests receive to the committed OpenAPI document
 * (docs/openapi.json, itself checked against the code), so the document cannot lie.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation> & { servers?: unknown[] }>;
  components: object;
}

export const documentPath = resolve(import.meta.dirname, "../../../../docs/openapi.json");
const document = JSON.parse(readFileSync(documentPath, "utf8")) as Document;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

// Paths with servers of their own (the export's Function URL) are not the API's.
const templates = Object.keys(document.paths)
  .filter((template) => !document.paths[template]?.servers)
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`),
  }));

/** Asserts the response is one the document describes for this operation (if it is routed). */
export function expectContract(
  method: string,
  url: string,
  response: { status: number; headers: Headers; text: string; json: unknown },
) {
  const path = new URL(url, "http://api").pathname;
  const template = templates.find((candidate) => candidate.pattern.test(path))?.template;
  const operation = template ? document.paths[template]?.[method.toLowerCase()] : undefined;
  if (!template || !operation) return; // unrouted: API Gateway's own 404, not the API's
  const where = `${method} ${template} ${response.status}`;
  const documented = operation.responses[String(response.status)];
  expect(documented, `${where} is not in docs/openapi.json: ${response.text}`).toBeDefined();
  const schema = documented?.content?.["application/json"]?.schema;
  if (!schema) {
    expect(response.text, `${where} is documented without a body`).toBe("");
    return;
  }
  expect(response.headers.get("content-type"), where).toMatch(/^application\/json/);
  const key = `${where}`;
  let validate = validators.get(key);
  if (!validate) {
    // Refs point into the document's components: give the schema the document's root.
    validate = ajv.compile({ ...schema, components: document.components });
    validators.set(key, validate);
  }
  const valid = validate(response.json);
  expect(
    valid,
    `${where} does not match docs/openapi.json: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}
