/** What a route of the table is, and what its handler is given once the edge has parsed it. */
import type { ErrorCode } from "@taskmanager/core/error/schema";
import type * as z from "zod/mini";
import type { Access } from "../access";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: string;
  /** Everything the handler may touch; infra links and grants exactly this. */
  access: readonly Access[];
  /** Public routes take no bearer token (only the API's own description is public). */
  public?: boolean;
  summary: string;
  /** Schemas of the path's `{parameters}`. */
  params?: Record<string, z.ZodMiniType>;
  query?: z.ZodMiniObject;
  /** The JSON body, with a valid example (the generated tests send it). */
  body?: { schema: z.ZodMiniType; example: unknown };
  response: { status: 200 | 201 | 204; schema?: z.ZodMiniType; description: string };
  /** Errors of this route's own, beyond those the edge gives every route. */
  errors?: readonly ErrorCode[];
}

/** SST's handler reference: the file from the repo root, then the export. */
export const handler = (file: string) => `packages/functions/src/${file}.handler`;

type Shape = Record<string, z.ZodMiniType>;

/** The path parameters a route declares, parsed: nothing else is there to read. */
export type ParamsOf<R> = R extends { params: infer P extends Shape }
  ? { [K in keyof P]: z.output<P[K]> }
  : Record<never, never>;
/** The query a route declares, parsed; a route that declares none gets none. */
export type QueryOf<R> = R extends { query: infer Q extends z.ZodMiniType }
  ? z.output<Q>
  : undefined;
/** The body a route declares, parsed; a route that declares none gets none. */
export type BodyOf<R> = R extends { body: { schema: infer B extends z.ZodMiniType } }
  ? z.output<B>
  : undefined;

/** What a handler is given: the request as its route declares it, parsed. */
export interface RouteInput<R> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
}
