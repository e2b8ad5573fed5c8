/**
 * The export in a real browser: the Export button streams a CSV from the export's
 * Function URL (cross-origin, with the person's token) and the saved file holds
 * exactly the person's tasks, read back with a real CSV parser.
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
let browser: Browser;
let page: Page;
let token: string;

const titles = ["Plan, then “ship” it", 'Quote "this"', "=1+2 is not a formula", "Été à Paris ☀️"];

async function api(path: string, body: unknown) {
  const response = await fetch(`${urls.api}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

async function exportCsv(): Promise<Record<string, string>[]> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await file.path(), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  // Sign up in the browser (the issuer redirects only to this web origin).
  const email = `export-${Date.now().toString(36)}@example.com`;
  const password = "correct horse battery";
  await signUpInBrowser(page, urls, { email, password });
  const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  token = (JSON.parse(raw ?? "{}") as { access: string }).access;
  for (const [i, title] of titles.entries()) {
    await api("/tasks", {
      title,
      description: `line one\nline ${i}`,
      status: i % 2 ? "done" : "todo",
    });
  }
  await page.reload();
  await page.getByRole("link", { name: titles[0] }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe("exporting from the web app", () => {
  it("downloads what the list shows, then every task as CSV through the streaming URL", async () => {
    // Show completed is off: the list, and so the export, has the open tasks only.
    const only = page.getByLabel("Only open tasks");
    expect(await only.isChecked()).toBe(true);
    const open = await exportCsv();
    expect(open.map((row) => row.status)).toEqual(["todo", "todo"]);
    await only.uncheck();
    const rows = await exportCsv();
    expect(rows.map((row) => row.title).sort()).toEqual(
      titles.map((t) => (t.startsWith("=") ? `'${t}` : t)).sort(),
    );
    expect(rows.map((row) => row.description).sort()).toEqual(
      titles.map((_, i) => `line one\nline ${i}`).sort(),
    );
    await page.getByText(`Exported ${titles.length} tasks to tasks-`).waitFor();
    await only.check();
  });

  it("limits the export to the list's status filter", async () => {
    await page.getByLabel("Status").selectOption("done");
    await page.getByRole("link", { name: titles[0] }).waitFor({ state: "detached" });
    const rows = await exportCsv();
    expect(rows.map((row) => row.status)).toEqual(["done", "done"]);
    expect(rows.map((row) => row.title).sort()).toEqual([titles[1], titles[3]].sort());
  });

  it("limits the export to the list's search and tag, and counts what it saved", async () => {
    await api("/tasks", { title: "Tagged café run", tags: ["work"], status: "done" });
    await api("/tasks", { title: "Tagged tea run", tags: ["work"], status: "done" });
    await page.goto(`${urls.web}/?status=done&tag=work&q=CAFE%CC%81`);
    await page.getByRole("link", { name: "Tagged café run" }).waitFor();
    const rows = await exportCsv();
    expect(rows.map((row) => row.title)).toEqual(["Tagged café run"]);
    await page.getByText("Exported 1 task to tasks-").waitFor();
  });
});
