/**
 * The list as people use it, in Chromium against the local stack (issue 18, item 8):
 * the keyboard's first stops lead to quick add, Escape leaves it, Back undoes filter
 * changes without leaving the app, a bad link keeps the rest of itself, and tags and
 * search ignore case and accents in the list and the export alike.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const run = Date.now().toString(36);
const person = { email: `list-${run}@example.com`, password: "correct horse battery" };

let browser: Browser;
let page: Page;

/** Creates a task through the API as the signed-in person. */
async function create(task: { title: string; tags?: string[]; description?: string }) {
  const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  const { access } = JSON.parse(raw ?? "{}") as { access: string };
  const response = await fetch(`${urls.api}/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${access}`, "content-type": "application/json" },
    body: JSON.stringify(task),
  });
  expect(response.status).toBe(201);
}

const titles = async () =>
  (await page.getByRole("list", { name: "Tasks" }).locator(".task-title").allTextContents()).sort();
const activeId = () => page.evaluate(() => document.activeElement?.id ?? "");

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signUpInBrowser(page, urls, person);
  await create({ title: "Café with Ana", tags: ["Work"] });
  await create({ title: "Quarterly report", tags: ["work", "École"] });
  await create({ title: "Water plants", description: "Naïve fern", tags: ["home"] });
});

afterAll(async () => {
  await browser?.close();
});

describe("the keyboard on the list", () => {
  it("reaches quick add first: Tab to the skip link, Enter lands in quick add", async () => {
    await page.goto(urls.web);
    await page.getByRole("link", { name: "Water plants" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Skip to quick add",
    );
    await page.keyboard.press("Enter");
    expect(await activeId()).toBe("quick-add-title");
  });

  it("Escape empties quick add, then leaves it for the heading", async () => {
    await page.keyboard.type("Call the bank");
    await page.keyboard.press("Escape");
    expect(await page.getByLabel("Add a task").inputValue()).toBe("");
    expect(await activeId()).toBe("quick-add-title");
    await page.keyboard.press("Escape");
    expect(
      await page.evaluate(
        () => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`,
      ),
    ).toBe("H1:Tasks");
  });
});

describe("Back and links", () => {
  it("undoes filter and sort changes one at a time, staying in the app", async () => {
    await page.goto(`${urls.web}/`);
    await page.getByRole("link", { name: "Water plants" }).waitFor();
    await page.getByLabel("Status").selectOption("done");
    await page.waitForURL(/status=done/);
    await page.getByLabel("Sort by").selectOption("due");
    await page.waitForURL(/sort=due/);
    await page.goBack();
    await page.waitForURL((url) => url.search === "?status=done");
    expect(await page.getByLabel("Sort by").inputValue()).toBe("created");
    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/" && url.search === "");
    await page.getByRole("link", { name: "Water plants" }).waitFor();
  });

  it("shows the rest of a link with a status it does not know, and says why in words", async () => {
    await page.goto(`${urls.web}/?status=archived&q=report`);
    await page.getByText("“archived” is not a status").waitFor();
    await page.waitForURL((url) => url.search === "?q=report");
    await page.getByRole("link", { name: "Quarterly report" }).waitFor();
    expect(await titles()).toEqual(["Quarterly report"]);
    // The raw validation text was labelled "form" (the shortcuts list, hidden, may say it).
    expect(
      await page
        .getByText(/\bform\b/)
        .filter({ visible: true })
        .count(),
    ).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("tags and search ignore case and accents", () => {
  it("finds both spellings of a tag, and an accented word typed without its accent", async () => {
    await page.goto(`${urls.web}/?tag=work`);
    await page.getByRole("link", { name: "Quarterly report" }).waitFor();
    expect(await titles()).toEqual(["Café with Ana", "Quarterly report"]);
    await page.goto(`${urls.web}/?q=cafe`);
    await page.getByRole("link", { name: "Café with Ana" }).waitFor();
    expect(await titles()).toEqual(["Café with Ana"]);
    await page.goto(`${urls.web}/?q=naive`);
    await page.getByRole("link", { name: "Water plants" }).waitFor();
    await page.goto(`${urls.web}/?tag=ECOLE`);
    await page.getByRole("link", { name: "Quarterly report" }).waitFor();
    expect(await titles()).toEqual(["Quarterly report"]);
  });

  it("exports the same tasks the list shows for a tag", async () => {
    await page.goto(`${urls.web}/?tag=WORK`);
    await page.getByRole("link", { name: "Quarterly report" }).waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export" }).click();
    const text = await readFile((await (await download).path()) as string, "utf8");
    expect(text).toMatch(/Café with Ana/);
    expect(text).toMatch(/Quarterly report/);
    expect(text).not.toMatch(/Water plants/);
    await page.getByText("Exported 2 tasks to tasks-").waitFor();
  });
});
