/** The API's own description, the one public route. */
import { handler, type RouteDefinition } from "./definition";

export const documentRoutes = {
  openapi: {
    method: "GET",
    path: "/openapi.json",
    handler: handler("openapi/serve"),
    access: [],
    public: true,
    role: "anyone",
    summary: "This API's OpenAPI 3.1 description",
    response: { status: 200, description: "The OpenAPI document." },
  },
} as const satisfies Record<string, RouteDefinition>;
