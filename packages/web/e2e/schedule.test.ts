/**
 * Time, repeat and reminders in a real browser against the local stack (issue 20,
 * 5): a first sign-in gives the person the browser's time zone; the task form's
 * pickers (axe-clean at both sizes) make a task due at a time, repeating every 2
 * weeks on Monday and Thursday with a reminder an hour before; its page says so in
 * words, and Skip this one moves it to the rule's next day; the settings page sets
 * the daily digest.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
// A zone that is not the machine's, so the one stored can only have come from the browser.
const ZONE = "Pacific/Auckland";
let browser: Browser;
let page: Page;

async function api(path: string): Promise<Record<string, unknown>> {
  const raw = await page.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  const token = (JSON.parse(raw ?? "{}") as { access: string }).access;
  const response = await fetch(`${urls.api}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Record<string, unknown>;
}

async function expectAccessible(screenName: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await axeViolations(page), `${screenName} at ${size.width}px`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);
}

/** The browser's date N days from now, in its own zone. */
const dayFromToday = (days: number) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return d.toLocaleDateString("sv");
  }, days);

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ timezoneId: ZONE, locale: "en-US" })).newPage();
  const person = {
    email: `schedule-${Date.now().toString(36)}@example.com`,
    password: "correct horse battery",
  };
  await signUpInBrowser(page, urls, person);
});

afterAll(async () => {
  await browser?.close();
});

describe("time, repeat and reminders", () => {
  it("takes the browser's time zone at the first sign-in", async () => {
    await expect.poll(async () => (await api("/me/settings")).timeZone).toBe(ZONE);
  });

  it("makes a task at 9:30, every 2 weeks on Monday and Thursday, reminded an hour before", async () => {
    await page.getByRole("link", { name: "New task" }).first().click();
    await page.getByLabel("Title").fill("Weekly report");
    const due = await dayFromToday(3);
    await page.getByLabel("Due date").fill(due);
    await page.getByLabel("Time (optional)").fill("09:30");

    await page.getByLabel("Repeats").selectOption("weekly");
    const days = page.getByRole("group", { name: "Repeat" }).getByRole("group", { name: "On" });
    for (const day of [
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
    ]) {
      await days.getByLabel(day).setChecked(day === "Monday" || day === "Thursday");
    }
    await page.getByLabel("Every", { exact: true }).fill("2");
    await page.getByText("Repeats every 2 weeks on Monday and Thursday.").waitFor();

    // The reminder from the keyboard: the amount, its unit, then Enter adds it.
    await page.getByLabel("When", { exact: true }).selectOption("before");
    await page.getByLabel("Unit").selectOption("hours");
    await page.getByLabel("How long before").fill("1");
    await page.getByLabel("How long before").press("Enter");
    await page
      .getByRole("list", { name: "Reminders set" })
      .getByText("1 hour before", { exact: true })
      .waitFor();
    expect(page.url()).toMatch(/\/new$/);
    await expectAccessible("the task form with its pickers");

    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByRole("heading", { level: 1, name: "Weekly report" }).waitFor();
    await page.getByText("Every 2 weeks on Monday and Thursday").waitFor();
    await expect.poll(() => page.locator(".task-detail").textContent()).toMatch(/at 9:30\sAM/);
    await page
      .getByRole("list", { name: "Reminders" })
      .getByText("1 hour before", { exact: true })
      .waitFor();
    await page.getByRole("button", { name: "Skip this one" }).waitFor();
    await expectAccessible("a repeating task's page");

    const taskId = page.url().split("/tasks/")[1] ?? "";
    expect(await api(`/tasks/${taskId}`)).toMatchObject({
      dueDate: due,
      dueTime: "09:30",
      recurrence: { freq: "weekly", interval: 2, byWeekday: ["MO", "TH"], mode: "schedule" },
      recurrenceRule: "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
      reminders: [{ before: 60 }],
    });

    // Skip this one: the task moves to the rule's next Monday or Thursday, still repeating.
    await page.getByRole("button", { name: "Skip this one" }).click();
    await expect.poll(async () => String((await api(`/tasks/${taskId}`)).dueDate) > due).toBe(true);
    const next = await api(`/tasks/${taskId}`);
    const weekday = new Date(`${String(next.dueDate)}T00:00:00Z`).getUTCDay();
    expect([1, 4]).toContain(weekday);
    expect(next).toMatchObject({ status: "todo", recurrence: { byWeekday: ["MO", "TH"] } });
  });

  it("sets the daily digest on the settings page", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    expect(await page.getByLabel("Time zone").inputValue()).toBe(ZONE);
    await expectAccessible("the settings page");
    await page.getByLabel("Daily digest by email").selectOption("8");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(async () => (await api("/me/settings")).digestHour).toBe(8);
  });
});
