/**
 * The views and lists in Chromium against the local stack (issue 19, 2 and 5): Today
 * (overdue and due today, done hidden until Show completed), Upcoming grouped by day, All,
 * search and a tag within a view, a list's page, the sidebar at 1280 and behind Menu
 * at 375 px, the `g` shortcuts, reordering lists (kept after a reload), and a list's
 * delete with Undo that a reload during its window does not lose. axe at both sizes.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const run = Date.now().toString(36);
const person = { email: `views-${run}@example.com`, password: "correct horse battery" };
const [DESKTOP, PHONE] = SIZES;
const artifacts = join(import.meta.dirname, "..", "artifacts", "views");

let browser: Browser;
let page: Page;
let token: string;
let workId: string;

function dayFromToday(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${urls.api}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

async function create(task: Record<string, unknown>) {
  expect((await api("/tasks", { method: "POST", body: task })).status).toBe(201);
}

const main = () => page.getByRole("main");
const titles = async () =>
  (await main().locator(".task-title").allTextContents()).map((t) => t.trim()).sort();
const sidebar = () => page.getByRole("navigation", { name: "Lists" });
const listNames = () =>
  sidebar()
    .getByRole("list", { name: "Lists" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.firstChild?.textContent ?? ""));

async function expectAccessible(what: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await axeViolations(page), `${what} at ${size.width}px`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
}

/** How far the page scrolls sideways (0 or less: not at all). */
const overflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A key press with focus on nothing that takes typing (as the shortcuts expect). */
async function press(...keys: string[]) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const key of keys) await page.keyboard.press(key);
}

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signUpInBrowser(page, urls, person);
  const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  token = (JSON.parse(raw ?? "{}") as { access: string }).access;
  const work = await api("/lists", { method: "POST", body: { name: "Work" } });
  expect(work.status).toBe(201);
  workId = work.body.listId;
  await create({ title: "Pay rent", dueDate: dayFromToday(-1), tags: ["money"] });
  await create({
    title: "Call the bank",
    dueDate: dayFromToday(0),
    tags: ["money"],
    listId: workId,
  });
  await create({ title: "Water the plants", dueDate: dayFromToday(0), status: "done" });
  await create({ title: "Dentist", dueDate: dayFromToday(1) });
  await create({ title: "Gym", dueDate: dayFromToday(1), listId: workId });
  await create({ title: "Team lunch", dueDate: dayFromToday(3), listId: workId });
  await create({ title: "Renew passport", dueDate: dayFromToday(20) });
  await create({ title: "Someday", listId: workId });
});

afterAll(async () => {
  await browser?.close();
});

describe("Today and Upcoming", () => {
  it("Today has the overdue and today's open tasks of every list; Show completed adds the done", async () => {
    await page.goto(`${urls.web}/today`);
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await main().getByRole("link", { name: "Call the bank" }).waitFor();
    expect(await titles()).toEqual(["Call the bank", "Pay rent"]);
    await expectAccessible("Today");

    await page.getByRole("switch", { name: "Show completed" }).check();
    await main().getByRole("link", { name: "Water the plants" }).waitFor();
    expect(new URL(page.url()).searchParams.get("done")).toBe("1");
    expect(await titles()).toEqual(["Call the bank", "Pay rent", "Water the plants"]);
  });

  it("Upcoming groups the next seven days by day, each day a heading", async () => {
    await page.goto(`${urls.web}/upcoming`);
    await page.getByRole("heading", { level: 1, name: "Upcoming" }).waitFor();
    await main().getByRole("link", { name: "Team lunch" }).waitFor();
    const days = await main()
      .locator("section.day")
      .evaluateAll((sections) =>
        sections.map((day) => ({
          heading: day.querySelector("h2")?.textContent ?? "",
          tasks: [...day.querySelectorAll(".task-title")].map((t) => t.textContent ?? "").sort(),
        })),
      );
    expect(days.map((day) => day.tasks)).toEqual([
      ["Call the bank"],
      ["Dentist", "Gym"],
      ["Team lunch"],
    ]);
    expect(new Set(days.map((day) => day.heading)).size).toBe(3);
    expect(await titles()).not.toContain("Renew passport");
    await expectAccessible("Upcoming");
  });

  it("All has every open task of the Inbox and every list, and the done ones with Show completed", async () => {
    await page.goto(urls.web);
    await sidebar().getByRole("link", { name: "All" }).click();
    await page.getByRole("heading", { level: 1, name: "All" }).waitFor();
    await main().getByRole("link", { name: "Someday" }).waitFor();
    expect(await titles()).toEqual([
      "Call the bank",
      "Dentist",
      "Gym",
      "Pay rent",
      "Renew passport",
      "Someday",
      "Team lunch",
    ]);
    await page.getByRole("switch", { name: "Show completed" }).check();
    await main().getByRole("link", { name: "Water the plants" }).waitFor();
    await expectAccessible("All");
  });

  it("searches within a view, and a row's tag filters the view it is in, both in the URL", async () => {
    await page.goto(`${urls.web}/today`);
    await main().getByRole("link", { name: "Pay rent" }).waitFor();
    await main().getByRole("searchbox", { name: "Search" }).fill("bank");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("bank");
    await expect.poll(titles).toEqual(["Call the bank"]);

    await page.goto(`${urls.web}/today`);
    const rent = main().getByRole("listitem").filter({ hasText: "Pay rent" });
    await rent.getByRole("link", { name: /money/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/today");
    expect(new URL(page.url()).searchParams.get("tag")).toBe("money");
    await expect.poll(titles).toEqual(["Call the bank", "Pay rent"]);
    await main().getByRole("button", { name: "Stop filtering by tag money" }).waitFor();
    await expectAccessible("Today filtered by a tag");
  });
});

describe("a list's page and the sidebar", () => {
  it("opens a list from the sidebar: its name, members and only its tasks", async () => {
    await page.goto(urls.web);
    await sidebar().getByRole("link", { name: /^Work/ }).click();
    await page.getByRole("heading", { level: 1, name: "Work" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/lists/${workId}`);
    await main().getByText(`${person.email} (owner)`).waitFor();
    await main().getByRole("link", { name: "Someday" }).waitFor();
    expect(await titles()).toEqual(["Call the bank", "Gym", "Someday", "Team lunch"]);
    expect(await sidebar().getByRole("link", { name: /^Work/ }).getAttribute("aria-current")).toBe(
      "page",
    );
    // The sidebar counts the list's open tasks.
    await sidebar()
      .getByRole("link", { name: /^Work\W+4 open$/ })
      .waitFor();
    await expectAccessible("a list's page");
    // Its header (Share, Rename, Delete, Show completed), Leave and search fit a phone.
    await page.setViewportSize(PHONE);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifacts, "list-375.png"), fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: join(artifacts, "list-1280.png") });
  });

  it("at 1280 shows the views and lists beside the screen, without a Menu", async () => {
    await page.setViewportSize(DESKTOP);
    expect(await sidebar().getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
    expect(await sidebar().getByRole("link", { name: "Today" }).isVisible()).toBe(true);
    const nav = await sidebar().boundingBox();
    const content = await main().boundingBox();
    expect((nav?.x ?? 0) + (nav?.width ?? 0)).toBeLessThanOrEqual((content?.x ?? 0) + 1);
  });

  it("at 375 folds behind Menu, which closes once a view is picked; nothing overflows", async () => {
    await page.setViewportSize(PHONE);
    const menu = sidebar().getByRole("button", { name: "Menu" });
    await menu.waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await sidebar().getByRole("link", { name: "Today" }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await sidebar().getByRole("link", { name: "Today" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifacts, "menu-375.png") });
    await sidebar().getByRole("link", { name: "Today" }).click();
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await page.setViewportSize(DESKTOP);
  });

  it("g then t, u and i go to Today, Upcoming and the Inbox", async () => {
    await page.goto(urls.web);
    await page.getByRole("heading", { level: 1, name: "Tasks" }).waitFor();
    await press("g", "t");
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await press("g", "u");
    await page.getByRole("heading", { level: 1, name: "Upcoming" }).waitFor();
    await press("g", "i");
    await page.getByRole("heading", { level: 1, name: "Tasks" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
  });
});

describe("the person's lists", () => {
  it("are reordered with Move up, by keyboard, and the order is kept after a reload", async () => {
    expect((await api("/lists", { method: "POST", body: { name: "Home" } })).status).toBe(201);
    await page.goto(urls.web);
    await expect.poll(listNames).toEqual(["Work", "Home"]);
    await sidebar().getByRole("button", { name: "Reorder lists" }).click();
    const up = sidebar().getByRole("button", { name: "Move “Home” up" });
    await up.focus();
    await page.keyboard.press("Enter");
    await expect.poll(listNames).toEqual(["Home", "Work"]);
    // Home is first now: its Move up is off, so focus went to its Move down.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toMatch(/Move “Home” down/);
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(listNames).toEqual(["Home", "Work"]);
  });

  it("a list's delete offers Undo, and a reload during its window still deletes it", async () => {
    await sidebar().getByRole("link", { name: /^Home/ }).click();
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    await main()
      .getByRole("button", { name: /^Delete/ })
      .click();
    await main().getByRole("button", { name: "Yes, delete" }).click();
    await page.getByText("Deleted list “Home”.", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Undo" }).waitFor();
    await expect.poll(listNames).toEqual(["Work"]);
    // Undo brings it back...
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(listNames).toEqual(["Home", "Work"]);
    // ...and a delete whose window a reload cuts short is sent all the same.
    await sidebar().getByRole("link", { name: /^Home/ }).click();
    await main()
      .getByRole("button", { name: /^Delete/ })
      .click();
    await main().getByRole("button", { name: "Yes, delete" }).click();
    await page.getByText("Deleted list “Home”.", { exact: true }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Tasks" }).waitFor();
    await expect.poll(listNames).toEqual(["Work"]);
    await expect
      .poll(async () =>
        ((await api("/lists")).body as { items: { name: string }[] }).items.map((l) => l.name),
      )
      .toEqual(["Work"]);
  });
});
