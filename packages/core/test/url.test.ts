import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issuerUrlFrom, joinUrl } from "../src/url/schema";

// The shapes AWS hands out, and one a custom domain with a base path gives.
const bases = {
  httpApi: "https://abc123.execute-api.us-east-1.amazonaws.com",
  functionUrl: "https://xyz.lambda-url.us-east-1.on.aws/",
  basePath: "https://api.example.com/v1",
  basePathSlash: "https://api.example.com/v1/",
};

describe("joinUrl", () => {
  it.each([
    [
      bases.httpApi,
      "/tasks?limit=5",
      "https://abc123.execute-api.us-east-1.amazonaws.com/tasks?limit=5",
    ],
    [bases.httpApi, "tasks", "https://abc123.execute-api.us-east-1.amazonaws.com/tasks"],
    [bases.functionUrl, "/token", "https://xyz.lambda-url.us-east-1.on.aws/token"],
    [bases.functionUrl, "?format=csv", "https://xyz.lambda-url.us-east-1.on.aws/?format=csv"],
    [bases.functionUrl, "", "https://xyz.lambda-url.us-east-1.on.aws/"],
    [bases.basePath, "/tasks/1", "https://api.example.com/v1/tasks/1"],
    [bases.basePathSlash, "tasks/1", "https://api.example.com/v1/tasks/1"],
  ])("%s + %s", (base, path, expected) => {
    expect(joinUrl(base, path).href).toBe(expected);
  });

  it("gives the same URL whether or not the base ends with a slash", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 2 }),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (basePath, path, leadingSlash) => {
          const base = ["https://h.example", ...basePath].join("/");
          const relative = `${leadingSlash ? "/" : ""}${path.join("/")}`;
          const joined = joinUrl(base, relative).href;
          expect(joinUrl(`${base}/`, relative).href).toBe(joined);
          expect(new URL(joined).pathname).toBe(`/${[...basePath, ...path].join("/")}`);
          expect(joined).not.toMatch(/[^:]\/\//);
        },
      ),
    );
  });
});

describe("issuerUrlFrom", () => {
  it("drops a Function URL's trailing slash, and changes nothing else", () => {
    expect(issuerUrlFrom(bases.functionUrl)).toBe("https://xyz.lambda-url.us-east-1.on.aws");
    expect(issuerUrlFrom("https://auth.example.com")).toBe("https://auth.example.com");
    expect(issuerUrlFrom(issuerUrlFrom(bases.functionUrl))).toBe(issuerUrlFrom(bases.functionUrl));
  });
});
