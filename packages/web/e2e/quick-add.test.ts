/**
 * Quick add that understands, in a real browser against the local stack: the phrase
 * shows its chips (axe-clean at both sizes), one is removed from the keyboard, and
 * Enter makes the task the chips describe, as the API then has it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const PHRASE = "Pay rent every month on the 1st #home !high";
let browser: Browser;
let page: Page;

const chips = () => page.getByRole("list", { name: "Understood" }).getByRole("listitem");
const focused = () =>
  page.evaluate(
    () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.id,
  );

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  const person = {
    email: `quick-${Date.now().toString(36)}@example.com`,
    password: "correct horse battery",
  };
  await signUpInBrowser(page, urls, person);
});

afterAll(async () => {
  await browser?.close();
});

describe("quick add that understands", () => {
  it("shows the phrase's chips, removes one from the keyboard, and Enter adds that task", async () => {
    const box = page.getByLabel("Add a task");
    await box.fill(PHRASE);
    await expect
      .poll(() => chips().allTextContents())
      .toEqual(["Repeats every month on the 1st×", "Tag home×", "High priority×"]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect(await axeViolations(page), `quick add's chips at ${size.width}px`).toEqual([]);
    }
    await page.setViewportSize(SIZES[0]);

    // Tab from the box reaches the chips first; Enter on one removes it.
    await box.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Remove Tag home, keep “#home” in the title");
    await page.keyboard.press("Enter");
    await expect.poll(() => chips().count()).toBe(2);
    expect(await focused()).toMatch(/^Remove High priority/);

    await box.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Pay rent #home" }).waitFor();
    expect(await box.inputValue()).toBe("");

    const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
    const token = (JSON.parse(raw ?? "{}") as { access: string }).access;
    const response = await fetch(`${urls.api}/tasks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { items } = (await response.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: "Pay rent #home",
      priority: "high",
      tags: [],
      recurrence: { freq: "monthly", interval: 1, byMonthDay: 1, mode: "schedule" },
    });
    // The next 1st in the browser's zone (today, if today is the 1st).
    const today = await page.evaluate(() => new Date().toLocaleDateString("sv"));
    expect(items[0]?.dueDate).toMatch(/^\d{4}-\d{2}-01$/);
    expect(String(items[0]?.dueDate) >= today).toBe(true);
  });
});
