/**
 * The list on a phone (375x812) comes first: with 10 tasks at least three rows are
 * fully on the first screen, quick add is there too, filters and export are behind
 * one control, and nothing overflows. At 1280 the header holds "New task" alone, at
 * its own height, and the filters and export show without the control.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const artifacts = join(import.meta.dirname, "..", "artifacts");
let browser: Browser;
let page: Page;
const [DESKTOP, PHONE] = SIZES;

function dayFromToday(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Ten ordinary tasks: due dates, tags, priorities, some long titles. */
const tasks = Array.from({ length: 10 }, (_, i) => ({
  title:
    i % 3 === 0
      ? `Prepare the slides for Monday's quarterly review, part ${i}`
      : `Renew car insurance ${i}`,
  dueDate: i % 4 === 3 ? null : dayFromToday(i - 2),
  priority: i % 3 === 1 ? "high" : "medium",
  tags: i % 2 ? ["work", "bills"] : ["home"],
  status: i === 9 ? "in_progress" : "todo",
}));

const rows = () => page.getByRole("list", { name: "Tasks" }).getByRole("listitem");

/** How the first screen looks: rows fully in view, overflow, where quick add is. */
const firstScreen = () =>
  page.evaluate(() => {
    const height = window.innerHeight;
    const list = [...document.querySelectorAll<HTMLElement>(".tasks > li")];
    const quickAdd = document.getElementById("quick-add-title");
    return {
      rowsInView: list.filter((row) => row.getBoundingClientRect().bottom <= height).length,
      firstRowTop: Math.round(list[0]?.getBoundingClientRect().top ?? Number.NaN),
      rowHeights: list.map((row) => Math.round(row.getBoundingClientRect().height)),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      quickAddBottom: Math.round(quickAdd?.getBoundingClientRect().bottom ?? Number.NaN),
    };
  });

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: PHONE })).newPage();
  const email = `phone-${Date.now().toString(36)}@example.com`;
  const password = "correct horse battery";
  await signUpInBrowser(page, urls, { email, password });
  const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  const token = (JSON.parse(raw ?? "{}") as { access: string }).access;
  for (const task of tasks) {
    const response = await fetch(`${urls.api}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(task),
    });
    expect(response.status).toBe(201);
  }
  await page.reload();
  await rows().nth(9).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe("on a phone, the list comes first", () => {
  it("shows at least three whole task rows and quick add on the first screen, with nothing overflowing", async () => {
    const screen = await firstScreen();
    expect(screen.overflow, JSON.stringify(screen)).toBeLessThanOrEqual(0);
    expect(screen.rowsInView, JSON.stringify(screen)).toBeGreaterThanOrEqual(3);
    expect(screen.quickAddBottom, JSON.stringify(screen)).toBeLessThanOrEqual(PHONE.height);
    // Compact rows: a title line and a line of details (each a 44 px touch target), at most
    // a long title's third line or details wrapping once more.
    await page.screenshot({ path: join(artifacts, "phone-first-screen.png") });
    for (const height of screen.rowHeights) {
      expect(height, JSON.stringify(screen)).toBeLessThanOrEqual(150);
    }
  });

  it("keeps filters and export behind one control, which opens them in place", async () => {
    const toggle = page.getByRole("button", { name: /^Filters and export/ });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("searchbox", { name: "Search" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Export", exact: true }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.getByRole("searchbox", { name: "Search" }).waitFor();
    expect(await page.getByRole("button", { name: "Export", exact: true }).isVisible()).toBe(true);
    expect((await firstScreen()).overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });

    // A filter that is on is named on the control while it is closed.
    await page.getByLabel("Status").selectOption("todo");
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toMatch(/1 on/);
    await page.goto(urls.web);
    await rows().nth(9).waitFor();
  });
});

describe("on a phone, the shortcuts still reach what is folded", () => {
  it("/ opens the fold and focuses the search", async () => {
    const toggle = page.getByRole("button", { name: /^Filters and export/ });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("type")))
      .toBe("search");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.goto(urls.web);
    await rows().nth(9).waitFor();
  });
});

describe("at 1280 px", () => {
  it("keeps New task its own size and shows filters and export without the control", async () => {
    await page.setViewportSize(DESKTOP);
    const newTask = page.getByRole("link", { name: "New task" });
    const box = await newTask.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(48);
    expect(await page.getByRole("button", { name: /^Filters and export/ }).isVisible()).toBe(false);
    expect(await page.getByRole("searchbox", { name: "Search" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Export", exact: true }).isVisible()).toBe(true);
    // The export's label, select and button sit on one line.
    const parts = await Promise.all(
      [
        page.getByText("Export as", { exact: true }),
        page.getByLabel("Export as"),
        page.getByRole("button", { name: "Export", exact: true }),
      ].map(async (locator) => (await locator.boundingBox())?.y ?? Number.NaN),
    );
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThan(24);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
  });
});
