/**
 * The app joins the URLs it was built with (VITE_*) in whatever shape AWS gives them:
 * an HTTP API's URL (no trailing slash) or one with a custom domain's base path, and
 * the export's Function URL (with a trailing slash). Nothing may become `//path` or
 * lose the base path.
 */
import { afterEach, expect, test, vi } from "vitest";
import { apiRequest } from "./api-client";
import { downloadExport } from "./tasks/export";
import { mockApi } from "./test/helpers";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

test.each([
  ["http://api.test", "http://api.test/tasks/t1"],
  ["http://api.test/", "http://api.test/tasks/t1"],
  ["https://api.example.com/v1", "https://api.example.com/v1/tasks/t1"],
])("the API at %s is asked at %s", async (base, expected) => {
  vi.stubEnv("VITE_API_URL", base);
  const calls = mockApi(() => ({ status: 204 }));
  await apiRequest("/tasks/t1", { method: "DELETE" });
  expect(calls.map((call) => call.url.href)).toEqual([expected]);
});

test.each([
  ["https://x.lambda-url.us-east-1.on.aws/", "https://x.lambda-url.us-east-1.on.aws/"],
  ["https://export.example.com/files", "https://export.example.com/files/"],
])("the export at %s is asked at its own path", async (base, expected) => {
  vi.stubEnv("VITE_EXPORT_URL", base);
  const calls = mockApi(() => ({ status: 200, body: [] }));
  await downloadExport(
    { format: "ndjson", sort: "created" },
    { signal: new AbortController().signal, onProgress: () => {} },
  ).catch(() => {});
  const [call] = calls;
  expect(`${call?.url.origin}${call?.url.pathname}`).toBe(expected);
  expect(call?.url.searchParams.get("format")).toBe("ndjson");
});
