/**
 * Uploads that go wrong, in a real browser against the local stack: storage out of
 * reach (its PUT refused at the network), an upload cancelled midway, and what a
 * reload shows afterwards. Nothing half-made may be left behind or shown as a file.
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const person = {
  email: `uploads-${Date.now().toString(36)}@example.com`,
  password: "correct horse battery",
};

let browser: Browser;
let page: Page;

/** Every PUT is an upload to storage (the API has none): `answer` decides what becomes of it. */
async function storage(answer: (route: Route) => Promise<void> | void) {
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.route(
    (url) => url.href.length > 0,
    (route) => (route.request().method() === "PUT" ? answer(route) : route.fallback()),
  );
}
const storageUp = () => page.unrouteAll({ behavior: "ignoreErrors" });

const file = (name: string) => ({
  name,
  mimeType: "text/plain",
  buffer: Buffer.from(`contents of ${name}\n`),
});

/** The task's attachment records as the API holds them. */
async function records(): Promise<Array<{ filename: string; status: string }>> {
  const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  const { access } = JSON.parse(raw ?? "{}") as { access: string };
  const taskId = new URL(page.url()).pathname.split("/").at(-1);
  const response = await fetch(`${urls.api}/tasks/${taskId}/attachments`, {
    headers: { authorization: `Bearer ${access}` },
  });
  return ((await response.json()) as { items: Array<{ filename: string; status: string }> }).items;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: SIZES[0] })).newPage();
  await signUpInBrowser(page, urls, person);
  await page.getByLabel("Add a task").fill("Receipts");
  await page.getByLabel("Add a task").press("Enter");
  await page.getByRole("link", { name: "Receipts" }).click();
  await page.getByRole("heading", { name: "Receipts" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

it("with storage out of reach: a connection problem, then Retry and Remove, after a reload too", async () => {
  await storage((route) => route.abort("connectionrefused"));
  await page.getByLabel("Add files").setInputFiles(file("march.txt"));
  await page
    .getByText("march.txt: Can't reach the file storage. Check your connection and retry.")
    .waitFor();
  expect(await page.getByText("Something went wrong").count()).toBe(0);
  await page.getByRole("button", { name: "Retry uploading march.txt" }).waitFor();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await axeViolations(page), `failed upload at ${size.width}px`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);

  // After a reload the page has no file to send: the record shows as unfinished, not as a file.
  await page.reload();
  await page.getByText("Upload did not finish.").waitFor();
  expect(await page.getByRole("button", { name: "Download march.txt" }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await storageUp();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: /^Retry uploading march.txt/ }).click();
  await (await chooser).setFiles(file("march.txt"));
  await page.getByRole("button", { name: "Download march.txt" }).waitFor();
  await expect.poll(records).toEqual([expect.objectContaining({ status: "uploaded" })]);
});

it("Remove takes a failed upload and its pending record away", async () => {
  await storage((route) => route.abort("connectionrefused"));
  await page.getByLabel("Add files").setInputFiles(file("april.txt"));
  await page.getByRole("button", { name: "Remove april.txt" }).click();
  await expect.poll(() => page.getByRole("list", { name: "Uploads" }).count()).toBe(0);
  expect((await records()).map((r) => r.filename)).toEqual(["march.txt"]);
  await storageUp();
});

it("an upload in progress can be cancelled, leaving no record, and retried", async () => {
  // Storage that never answers: the upload stays in progress until cancelled.
  await storage(() => undefined);
  await page.getByLabel("Add files").setInputFiles(file("may.txt"));
  await page.getByRole("button", { name: "Cancel uploading may.txt" }).click();
  await page.getByText("Upload cancelled.").waitFor();
  await expect.poll(async () => (await records()).map((r) => r.filename)).toEqual(["march.txt"]);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent))
    .toBe("Retry uploading may.txt");

  await storageUp();
  await page.getByRole("button", { name: "Retry uploading may.txt" }).click();
  await page.getByRole("button", { name: "Download may.txt" }).waitFor();
  await expect.poll(async () => (await records()).length).toBe(2);
});
