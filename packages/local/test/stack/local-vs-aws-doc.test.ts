/**
 * docs/local-vs-aws.md: one row per part the local stack stands in for, and every
 * row names the tests that hold it, which exist.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../../../..");
const doc = readFileSync(resolve(root, "docs/local-vs-aws.md"), "utf8");
const rows = doc
  .split("\n")
  .filter(
    (line) => line.startsWith("| ") && !line.startsWith("| Part") && !line.startsWith("| ---"),
  )
  .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, "")));

test("a row for every part the local stack stands in for", () => {
  const parts = rows.map((cells) => cells[0]);
  for (const part of [
    "API Gateway HTTP API",
    "Lambda runtime and response streaming",
    "Function URLs (the issuer, the export)",
    "DynamoDB",
    "DynamoDB TTL",
    "DynamoDB Streams and the event source mapping",
    "S3",
    "SES",
    "The issuer (OpenAuth)",
  ]) {
    expect(parts).toContain(part);
  }
});

test("every row names the tests that hold it, and each named file exists", () => {
  for (const cells of rows) {
    const heldBy = cells.at(-1) ?? "";
    const files = [...heldBy.matchAll(/`([^`]+\.ts)`/g)].map((m) => m[1] ?? "");
    expect(files.length, cells[0]).toBeGreaterThan(0);
    for (const file of files) {
      // `dir/*.test.ts` names every test of a folder: the folder must exist.
      const path = file.includes("*") ? file.slice(0, file.lastIndexOf("/")) : file;
      expect(existsSync(resolve(root, path)), `${cells[0]}: ${file}`).toBe(true);
    }
  }
});
