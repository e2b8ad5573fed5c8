/**
 * Attachments in a real browser against the local stack (s3rver behind signed
 * URLs): upload with progress, download the same bytes, delete; a refused type
 * is explained before anything is sent.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const shots = join(import.meta.dirname, "..", "artifacts", "screenshots");
const person = {
  email: `files-${Date.now().toString(36)}@example.com`,
  password: "correct horse battery",
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await signUpInBrowser(page, urls, person);
  await page.getByLabel("Add a task").fill("Expenses");
  await page.getByLabel("Add a task").press("Enter");
  await page.getByRole("link", { name: "Expenses" }).click();
  await page.getByRole("heading", { name: "Expenses" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

const attachments = () => page.getByRole("list", { name: "Attachments" }).getByRole("listitem");

it("refuses a type the API would refuse, before uploading anything", async () => {
  await page.getByLabel("Add files").setInputFiles({
    name: "page.html",
    mimeType: "text/html",
    buffer: Buffer.from("<script>alert(1)</script>"),
  });
  await page.getByText("page.html: The file type must be an allowed type").waitFor();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect.poll(() => page.getByText("No attachments yet.").isVisible()).toBe(true);
});

it("uploads a file straight to storage and downloads the same bytes", async () => {
  const bytes = randomBytes(300 * 1024);
  await page.getByLabel("Add files").setInputFiles({
    name: "receipt scan.png",
    mimeType: "image/png",
    buffer: bytes,
  });
  await attachments().filter({ hasText: "receipt scan.png" }).waitFor();
  await expect.poll(() => attachments().first().textContent()).toContain("300.0 KB · image/png");
  await page.screenshot({ path: join(shots, "attachments.png"), fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download receipt scan.png" }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("receipt scan.png");
  expect(Buffer.compare(await readFile((await saved.path()) as string), bytes)).toBe(0);

  await page.getByRole("link", { name: "← All tasks" }).click();
  await page.getByTitle("1 attachments").waitFor();
  await page.getByRole("link", { name: "Expenses" }).click();
});

it("deletes an attachment after asking, keeping focus on the page's controls", async () => {
  await page.getByRole("button", { name: "Delete “receipt scan.png”" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.getByText("No attachments yet.").waitFor();
  // The row went with its buttons: focus is on the file picker, not dropped to <body>.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id))
    .toBe(await page.getByLabel("Add files").getAttribute("id"));
  await page.getByRole("link", { name: "← All tasks" }).click();
  await page.getByRole("link", { name: "Expenses" }).waitFor();
  await expect.poll(() => page.getByTitle("1 attachments").count()).toBe(0);
});
