import { publicRoute } from "../http/handler";
import { openApiDocument } from "./document";

const document = openApiDocument();

/** `GET /openapi.json`: public, so clients and tools can read the contract. */
export const handler = publicRoute(async () => ({ status: 200, body: document }));
