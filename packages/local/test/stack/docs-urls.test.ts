/**
 * The URLs the README and docs/ tell people to paste are joined as AWS's shapes
 * need (docs/local-vs-aws.md): the start command's list, the curl session. Each
 * local URL in the docs is checked against the stack's own spelling of that port's
 * service, and no documented URL has a doubled slash in its path.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { joinUrl } from "@taskmanager/core/url/schema";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const files = [
  "README.md",
  ...readdirSync(resolve(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const text = (file: string) => readFileSync(resolve(root, file), "utf8");

// The ports `pnpm start` prints (README), in the shapes `startStack` gives them.
const started = {
  api: "http://127.0.0.1:3000",
  auth: "http://127.0.0.1:3001",
  export: "http://127.0.0.1:3003/",
};

test("no documented URL has a doubled slash in its path", () => {
  for (const file of files) {
    const urls = text(file).match(/https?:\/\/[^\s"'`)<>]+/g) ?? [];
    for (const url of urls) expect(new URL(url).pathname, `${file}: ${url}`).not.toContain("//");
  }
});

test("the curl session's bases are the stack's URLs, joined as the code joins them", () => {
  const doc = text("docs/api.md");
  expect(doc).toContain(`A=${started.auth} API=${started.api} `);
  // The export is a Function URL: its query goes right after the slash it ends with.
  for (const query of ["?format=csv", "?format=ndjson&status=done"]) {
    expect(doc).toContain(`"${joinUrl(started.export, query).href}"`);
  }
});

test("the README's start list spells each URL as the start command prints it", () => {
  const readme = text("README.md");
  expect(readme).toContain(joinUrl(started.api, "/openapi.json").href);
  expect(readme).toContain(joinUrl(started.auth, "/.well-known/oauth-authorization-server").href);
  expect(readme).toContain(joinUrl(started.export, "?format=csv").href);
});
