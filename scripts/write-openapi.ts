/** `pnpm openapi`: writes docs/openapi.json from the route table (a test fails when it drifts). */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { openApiDocument } from "../packages/functions/src/openapi/document";

const file = resolve(import.meta.dirname, "../docs/openapi.json");
writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`Wrote ${file}`);
