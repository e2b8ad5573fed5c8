/**
 * fast-check arbitraries generated from the route table: each route's method and
 * path, values for its `params`, its `query` schema and its `body` (schema and
 * example), each mixed with mutations (wrong types, unknown keys, broken encodings,
 * odd sizes), plus headers (content type, authorization, host). Every generated
 * request carries what the oracle needs to know about it.
 */
import fc from "fast-check";
import * as z from "zod/mini";
import { type RouteDefinition, routes } from "../../src/routes";

export interface FuzzRequest {
  /** `METHOD /path` of the route it was generated for. */
  routeKey: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** The gateway, not the handler, must answer: a malformed Host (400) or no route (404). */
  gateway?: { status: 400 | 404; message: string };
  /** The request carries a valid access token, so an authed handler gets past sign-in. */
  signedIn: boolean;
  /** It names a task of someone other than the signed-in person: it must never succeed. */
  othersTask: boolean;
}

/** What the generator draws on: people's tokens and tasks that exist. */
export interface FuzzWorld {
  token: string;
  otherToken: string;
  taskIds: readonly string[];
  otherTaskIds: readonly string[];
  cursors: readonly string[];
  hosts: readonly string[];
}

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
};

const jsonSchemaOf = (schema: z.ZodMiniType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/** Header-safe text (visible ASCII and space): what a client can put in a header. */
const headerText = (maxLength = 40) =>
  fc.string({
    unit: fc.mapToConstant({ num: 95, build: (v) => String.fromCharCode(v + 0x20) }),
    maxLength,
  });

/** Values a JSON schema allows, including its edges and a little beyond them. */
function valid(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(valid));
  switch (schema.type) {
    case "string":
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.oneof(
        {
          weight: 8,
          arbitrary: fc.string({
            minLength: schema.minLength ?? 0,
            maxLength: Math.min(schema.maxLength ?? 50, 50),
          }),
        },
        {
          weight: 1,
          // Right at and just past the limit; short limits in characters of several bytes.
          arbitrary: fc
            .constantFrom(schema.maxLength ?? 50, (schema.maxLength ?? 50) + 1)
            .map((n) => (n > 300 ? "x" : "é").repeat(n)),
        },
      );
    case "integer":
    case "number": {
      const min = schema.minimum ?? -1e6;
      const max = Math.min(schema.maximum ?? 1e6, 1e6);
      return fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min, max: Math.min(max, min + 20) }) },
        { weight: 1, arbitrary: fc.integer({ min, max }) },
        { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 1.5, -0) },
      );
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valid(schema.items ?? {}), { maxLength: (schema.maxItems ?? 5) + 1 });
    case "object":
      return object(schema, fc.constant({}));
    default:
      return fc.jsonValue();
  }
}

/** An object from the schema's properties, each kept, dropped, drawn or replaced by junk. */
function object(schema: JsonSchema, base: fc.Arbitrary<Record<string, unknown>>) {
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) =>
    fc
      .oneof(
        { weight: 4, arbitrary: valid(property).map((value) => ({ set: value })) },
        { weight: 4, arbitrary: fc.constant({ keep: true }) },
        { weight: 1, arbitrary: fc.constant({ drop: true }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ set: value })) },
      )
      .map((change) => [key, change] as const),
  );
  const unknownKeys = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), {
    maxKeys: 2,
  });
  return fc
    .tuple(
      base,
      fc.tuple(...fields),
      fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, unknownKeys),
    )
    .map(([start, changes, extra]) => {
      const result: Record<string, unknown> = { ...start };
      for (const [key, change] of changes) {
        if ("drop" in change) delete result[key];
        else if ("set" in change) result[key] = change.set;
      }
      return { ...result, ...extra };
    });
}

/** Raw body text: JSON of the value, or broken, empty, or padded to sizes around the limits. */
function bodyText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const json = value.map((v) => JSON.stringify(v) ?? "null");
  return fc.oneof(
    { weight: 12, arbitrary: json },
    { weight: 1, arbitrary: json.map((text) => text.slice(0, Math.floor(text.length / 2))) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "nul", "[]", "\u0000", "{}}", "\ufeff{}") },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    {
      weight: 1,
      // 64 KiB is the handlers' limit: just under, at, and past it, and far past it.
      arbitrary: fc
        .tuple(json, fc.constantFrom(64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300 * 1024))
        .map(([text, size]) => {
          const padded = `{"description":"${"x".repeat(Math.max(0, size - 20))}",${text.startsWith("{") ? text.slice(1) : '"v":1}'}`;
          return padded;
        }),
    },
  );
}

const MALFORMED_HOSTS = ["a b", "", "[::1", "host/path", "a:b", "user@host", "h?x"];

/** A path segment for a parameter, and whether it still matches one segment of the route. */
type Owner = "me" | "other" | undefined;

function paramSegment(schema: z.ZodMiniType, world: FuzzWorld) {
  const encoded = (arb: fc.Arbitrary<string>, owner?: Owner) =>
    arb.map((value) => ({ segment: encodeURIComponent(value), owner, routable: value !== "" }));
  const raw = (segment: string, routable: boolean) => ({ segment, owner: undefined, routable });
  return fc.oneof(
    { weight: 6, arbitrary: encoded(fc.constantFrom(...world.taskIds), "me") },
    { weight: 2, arbitrary: encoded(fc.constantFrom(...world.otherTaskIds), "other") },
    { weight: 3, arbitrary: encoded(valid(jsonSchemaOf(schema)) as fc.Arbitrary<string>) },
    { weight: 1, arbitrary: encoded(fc.string({ maxLength: 40, unit: "grapheme" })) },
    {
      weight: 1,
      // Sent as they are: broken escapes pass through to the handler, dot segments
      // are resolved away by URL parsing, as any HTTP server does (so no route).
      arbitrary: fc.constantFrom(
        raw("%", true),
        raw("%E0%A4%A", true),
        raw("a%00b", true),
        raw("%2F", true),
        raw("A".repeat(4000), true),
        raw("..", false),
        raw(".", false),
        raw("%2e%2E", false),
      ),
    },
  );
}

function queryString(route: RouteDefinition, world: FuzzWorld): fc.Arbitrary<string> {
  const fromSchema = route.query
    ? // From the route's valid query, when it has one (a required date is rarely drawn valid).
      object(jsonSchemaOf(route.query), fc.constant({ ...route.queryExample })).chain((query) =>
        fc.option(fc.constantFrom(...world.cursors), { freq: 4 }).map((cursor) => {
          const pairs = Object.entries(query).map(([k, v]): [string, string] => [
            k,
            typeof v === "string" ? v : (JSON.stringify(v) ?? ""),
          ]);
          if (cursor) pairs.push(["cursor", cursor]);
          return new URLSearchParams(pairs).toString();
        }),
      )
    : fc.constant("");
  return fc.oneof(
    { weight: 8, arbitrary: fromSchema },
    { weight: 1, arbitrary: fc.constant("") },
    // Repeated keys (API Gateway joins them with commas), broken escapes, long values.
    { weight: 1, arbitrary: fromSchema.map((qs) => `${qs}&${qs}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("%", "a=%zz", "=&=&", "limit=%00", `cursor=${"z".repeat(3000)}`),
    },
    { weight: 1, arbitrary: headerText(60).map((text) => encodeURI(text).replace(/#/g, "%23")) },
  );
}

function payloadRange(jwt: string) {
  const start = jwt.indexOf(".") + 1;
  return { min: start, max: jwt.indexOf(".", start) - 2 };
}

function authorization(world: FuzzWorld) {
  const token = (t: string) => ({ value: t as string | undefined, who: undefined as Owner });
  return fc.oneof(
    { weight: 14, arbitrary: fc.constant({ value: `Bearer ${world.token}`, who: "me" as Owner }) },
    { weight: 1, arbitrary: fc.constant({ value: `bearer   ${world.token}`, who: "me" as Owner }) },
    {
      weight: 2,
      arbitrary: fc.constant({ value: `Bearer ${world.otherToken}`, who: "other" as Owner }),
    },
    { weight: 1, arbitrary: fc.constant({ value: undefined, who: undefined as Owner }) },
    {
      weight: 2,
      arbitrary: fc
        // A character of the signed payload changed (not its last, whose low bits
        // base64url ignores): the signature no longer matches.
        .tuple(fc.integer(payloadRange(world.token)), fc.constantFrom("A", "-", "_", "."))
        .map(([at, char]) => {
          const flipped = world.token[at] === char ? "B" : char;
          return token(`Bearer ${world.token.slice(0, at)}${flipped}${world.token.slice(at + 1)}`);
        }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        token("Bearer"),
        token("Bearer "),
        token(world.token),
        token(`Basic ${Buffer.from("a:b").toString("base64")}`),
        token(`Bearer ${world.token} ${world.token}`),
        token(`Bearer ${world.token.slice(0, -10)}`),
        token("Bearer e30.e30.e30"),
      ),
    },
    { weight: 1, arbitrary: headerText().map(token) },
  );
}

function contentType(route: RouteDefinition) {
  const json = "application/json";
  return fc.oneof(
    { weight: route.body ? 10 : 1, arbitrary: fc.constant(json) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/json;charset=latin1",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/merge-patch+json",
        "multipart/form-data; boundary=x",
        "",
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: headerText() },
  );
}

function host(world: FuzzWorld) {
  return fc.oneof(
    {
      weight: 18,
      arbitrary: fc.constantFrom(...world.hosts).map((value) => ({ value, ok: true })),
    },
    { weight: 1, arbitrary: fc.domain().map((value) => ({ value, ok: true })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED_HOSTS).map((value) => ({ value, ok: false })),
    },
  );
}

/** One request to `route`, its every part drawn from the route's own definition. */
export function routeRequest(route: RouteDefinition, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const segments = fc.tuple(
    ...names.map((name) => paramSegment(route.params?.[name] ?? z.string(), world)),
  );
  const body = route.body
    ? fc.option(
        bodyText(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(route.body.example) },
            {
              weight: 4,
              arbitrary: object(
                jsonSchemaOf(route.body.schema),
                fc.constant(route.body.example as Record<string, unknown>),
              ),
            },
            { weight: 2, arbitrary: valid(jsonSchemaOf(route.body.schema)) },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
          ),
        ),
        { freq: 12 },
      )
    : fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: bodyText(fc.jsonValue({ maxDepth: 1 })) },
      );
  const extraHeaders = fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/), headerText(), {
    maxKeys: 2,
  });
  return fc
    .record({
      segments,
      query: queryString(route, world),
      body,
      auth: authorization(world),
      contentType: contentType(route),
      host: host(world),
      extraHeaders,
    })
    .map(({ segments, query, body, auth, contentType, host, extraHeaders }) => {
      let path = route.path;
      names.forEach((name, i) => {
        path = path.replace(`{${name}}`, segments[i]?.segment ?? "");
      });
      const headers: Record<string, string> = { ...extraHeaders, host: host.value };
      if (auth.value !== undefined) headers.authorization = auth.value;
      if (contentType !== undefined) headers["content-type"] = contentType;
      // Dot segments are resolved away: the request may reach another route, or none.
      const reached = segments.some((s) => !s.routable)
        ? routeFor(route.method, new URL(path, "http://gateway").pathname)
        : route;
      const gateway = !host.ok
        ? ({ status: 400, message: "Bad Request" } as const)
        : !reached
          ? ({ status: 404, message: "Not Found" } as const)
          : undefined;
      return {
        routeKey: `${route.method} ${(reached ?? route).path}`,
        method: route.method,
        target: query ? `${path}?${query}` : path,
        headers,
        ...(body === null || body === undefined ? {} : { body }),
        ...(gateway ? { gateway } : {}),
        signedIn: auth.who !== undefined,
        othersTask: segments.some((s) => s.owner && auth.who && s.owner !== auth.who),
      };
    });
}

/** The route of the table that serves `method` on `path`, as the gateway matches them. */
function routeFor(method: string, path: string): RouteDefinition | undefined {
  return routes.find(
    (candidate) =>
      candidate.method === method &&
      new RegExp(`^${candidate.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(path),
  );
}
