/**
 * `pnpm openapi`: writes docs/openapi.json and the API table in docs/api.md from the
 * route table (a test fails when either drifts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { openApiDocument } from "../packages/functions/src/openapi/document";
import { withRouteTable } from "../packages/functions/src/openapi/route-table";

const file = resolve(import.meta.dirname, "../docs/openapi.json");
writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`Wrote ${file}`);

const apiDoc = resolve(import.meta.dirname, "../docs/api.md");
writeFileSync(apiDoc, withRouteTable(readFileSync(apiDoc, "utf8")));
console.log(`Wrote the route table in ${apiDoc}`);
