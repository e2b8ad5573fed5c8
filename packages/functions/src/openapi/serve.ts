import { publicRoute } from "../http/handler";
import { documentRoutes } from "../routes/document";
import { openApiDocument } from "./document";

const document = openApiDocument();

/** `GET /openapi.json`: public, so clients and tools can read the contract. */
export const handler = publicRoute(documentRoutes.openapi, async () => ({
  status: 200,
  body: document,
}));
