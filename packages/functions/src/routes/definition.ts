/** What a route of the table is, and what its handler is given once the edge has parsed it. */
import type { ErrorCode } from "@taskmanager/core/error/schema";
import type { Role } from "@taskmanager/core/list/schema";
import type * as z from "zod/mini";
import type { Access } from "../access";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * Who may call a route: the edge decides it once per request, before the handler
 * runs, from one read of the caller's membership (docs/security.md).
 * - `"anyone"`: no token (the API's own description);
 * - `"self"`: any signed-in person, about their own things only (their Inbox, their
 *   lists, their views, an invitation sent to their address);
 * - `{ member, of: "list" }`: at least role `member` in the path's `{listId}`;
 * - `{ member, of: "task" }`: at least role `member` in the list of the path's
 *   `{taskId}` (a task in an Inbox: its creator alone, as its owner);
 * - `{ member, of: "target" }`: at least role `member` in the list the body's or
 *   the query's `listId` names; without one, the caller's own Inbox.
 * Not a member (or no such list or task): 404, never telling which. A member
 * below the role: 403.
 */
export type RouteRole = "anyone" | "self" | { member: Role; of: "list" | "task" | "target" };

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: string;
  /** Everything the handler may touch; infra links and grants exactly this. */
  access: readonly Access[];
  /** Public routes take no bearer token (only the API's own description is public). */
  public?: boolean;
  /** Who may call it (see RouteRole); the edge enforces it. */
  role: RouteRole;
  summary: string;
  /** Schemas of the path's `{parameters}`. */
  params?: Record<string, z.ZodMiniType>;
  query?: z.ZodMiniObject;
  /** A valid query string, when the query has a required parameter (the generated tests send it). */
  queryExample?: Record<string, string>;
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
