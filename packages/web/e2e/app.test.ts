/**
 * The whole app in a real browser against the local stack: two people sign up,
 * and the first one works through the task features end to end.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { docsScreenshots } from "./docs-screenshots";
import { type Person, signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const shots = join(import.meta.dirname, "..", "artifacts", "screenshots");
const run = Date.now().toString(36);
const ada = { email: `ada-${run}@example.com`, password: "correct horse battery" };
const bob = { email: `bob-${run}@example.com`, password: "another long secret" };

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shot(name: string, target: Page = page, fullPage = true) {
  await target.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

function signUp(target: Page, person: Person) {
  return signUpInBrowser(target, urls, person);
}

async function signInOnIssuer(target: Page, person: { email: string; password: string }) {
  await target.locator("input[name=email]").fill(person.email);
  await target.locator("input[name=password]").fill(person.password);
  await target.getByRole("button", { name: "Sign in" }).click();
}

/** The access token the page holds, to act through the API as the same person. */
async function tokenOf(target: Page): Promise<string> {
  const raw = await target.evaluate(() => localStorage.getItem("taskmanager.tokens"));
  return (JSON.parse(raw ?? "{}") as { access: string }).access;
}

async function api(token: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${urls.api}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

const items = () => page.getByRole("list", { name: "Tasks" }).getByRole("listitem");
/** 0 axe violations at both sizes (and in dark mode at the first), back at 1280x800 after. */
async function expectAccessible(target: Page, screenName: string) {
  for (const size of SIZES) {
    await target.setViewportSize(size);
    expect(await axeViolations(target), `${screenName} at ${size.width}px`).toEqual([]);
  }
  await target.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(target), `${screenName} in dark mode`).toEqual([]);
  await target.emulateMedia({ colorScheme: "light" });
  await target.setViewportSize(SIZES[0]);
}

/** The focused element, described: its role-ish tag, its text or label. */
const focused = (target: Page) =>
  target.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    return `${el.tagName.toLowerCase()}:${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim()}`;
  });

/** A date N days from the person's today, as the API wants it. */
function dayFromToday(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: SIZES[0] });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe("the web app", () => {
  it("signs a new person up with the emailed code", async () => {
    await page.goto(urls.web);
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    await shot("sign-in");
    await expectAccessible(page, "signed-out screen");
    await signUp(page, ada);
    await expect.poll(() => page.getByText("No tasks yet").isVisible()).toBe(true);
    await shot("empty-list");
  });

  it("creates tasks with inline validation, refusing a date it cannot read", async () => {
    await page.getByRole("link", { name: "New task" }).click();
    await page.getByRole("heading", { name: "New task" }).waitFor();
    expect(await focused(page)).toBe("h1:New task");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByText("must not be empty").waitFor();
    await page.getByLabel("Title").fill("Write report");
    // An impossible date: the field shows it, its value is empty. Not "no date".
    await page.getByLabel("Due date").click();
    await page.keyboard.type("02302026");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByText("must be a complete, real date").waitFor();
    expect(new URL(page.url()).pathname).toBe("/new");
    await expectAccessible(page, "new task with errors");

    await page.getByLabel("Description").fill("Quarterly numbers");
    await page.getByLabel("Priority").selectOption("high");
    await page.getByLabel("Due date").fill("2026-12-24");
    await page.getByRole("textbox", { name: "Tags" }).fill("work");
    await page.getByRole("textbox", { name: "Tags" }).press("Enter");
    await page.getByRole("textbox", { name: "Tags" }).fill("q4");
    await page.getByRole("textbox", { name: "Tags" }).press("Enter");
    await shot("new-task");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByRole("heading", { name: "Write report" }).waitFor();
    expect(await focused(page)).toBe("h1:Write report");
    await expect.poll(() => page.title()).toBe("Write report · Taskmanager");
    await expect.poll(() => page.getByText("Thu, Dec 24, 2026").isVisible()).toBe(true);
    await shot("task-detail");
    await expectAccessible(page, "task detail");

    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Edit task" }).waitFor();
    expect(await focused(page)).toBe("h1:Edit task");
    await expectAccessible(page, "edit task");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("heading", { name: "Write report" }).waitFor();
    expect(await focused(page)).toBe("h1:Write report");

    await page.getByRole("link", { name: "← All tasks" }).click();
    await page.getByLabel("Add a task").fill("Buy milk");
    await page.getByLabel("Add a task").press("Enter");
    await expect.poll(() => items().count()).toBe(2);
  });

  it("adds with quick add and Enter, showing the task at once and keeping focus in the box", async () => {
    await page.getByLabel("Add a task").fill("Call the plumber");
    await page.getByLabel("Due", { exact: true }).fill(dayFromToday(0));
    await page.getByLabel("Add a task").press("Enter");
    await expect.poll(() => items().first().textContent()).toMatch(/Call the plumber/);
    await expect.poll(() => items().first().textContent()).toMatch(/Due today/);
    expect(await page.getByLabel("Add a task").inputValue()).toBe("");
    expect(await focused(page)).toBe("input:");
    await page.getByRole("link", { name: "Call the plumber" }).waitFor();
    await expect.poll(() => items().count()).toBe(3);
    await expectAccessible(page, "task list");
  });

  it("merges a stale edit field by field, asking only about what both sides changed", async () => {
    await page.getByRole("link", { name: "Write report" }).click();
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Title").fill("Write the final report");
    // It was created with high priority; here it becomes low.
    await page.getByLabel("Priority").selectOption("low");

    // Meanwhile the same person changes the title and the description somewhere else.
    const token = await tokenOf(page);
    const { body: list } = await api(token, "/tasks");
    const task = (list.items as Array<{ taskId: string; title: string; version: number }>).find(
      (t) => t.title === "Write report",
    );
    if (!task) throw new Error("task not found through the API");
    const changed = await api(token, `/tasks/${task.taskId}`, {
      method: "PATCH",
      body: {
        version: task.version,
        title: "Write the report",
        description: "Changed on the phone",
      },
    });
    expect(changed.status).toBe(200);

    const save = page.getByRole("button", { name: "Save changes" });
    await save.click();
    await page.getByText("This task was changed elsewhere").waitFor();
    const after = await api(token, `/tasks/${task.taskId}`);
    expect(after.body).toMatchObject({ title: "Write the report", priority: "high" });

    // The description only changed there and the priority only here: both kept, no question.
    await expect
      .poll(() => page.getByLabel("Description").inputValue())
      .toBe("Changed on the phone");
    expect(await page.getByLabel("Priority").inputValue()).toBe("low");
    // The title changed on both sides: one question, both values, what was typed still there.
    const question = page.getByRole("group", { name: /Title was changed both/ });
    await question.getByRole("radio", { name: "Saved elsewhere: Write the report" }).waitFor();
    // Only one question: the form's own groups (repeat, reminders) are not questions.
    expect(await page.getByRole("group", { name: /was changed both/ }).count()).toBe(1);
    expect(await page.getByLabel("Title").inputValue()).toBe("Write the final report");
    expect(await focused(page)).toBe("button:Save changes");
    await shot("conflict");
    await expectAccessible(page, "edit conflict");

    await question.getByRole("radio", { name: "Yours: Write the final report" }).check();
    await save.click();
    await page.getByRole("heading", { name: "Write the final report" }).waitFor();
    expect(await focused(page)).toBe("h1:Write the final report");
    await expect.poll(() => page.getByText("Changed on the phone").isVisible()).toBe(true);
    const saved = await api(token, `/tasks/${task.taskId}`);
    expect(saved.body).toMatchObject({
      title: "Write the final report",
      description: "Changed on the phone",
      priority: "low",
    });
  });

  it("pages with Load more, focusing the first new row, and filters by status", async () => {
    const token = await tokenOf(page);
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api(token, "/tasks", {
          method: "POST",
          body: { title: `Bulk ${i + 1}`, status: i < 3 ? "done" : "todo" },
        }),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);

    await page.getByRole("link", { name: "← All tasks" }).click();
    await page.reload();
    await items().first().waitFor();
    // Done tasks are hidden until Show completed; here they count among the 33.
    await page.getByRole("switch", { name: "Show completed" }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("done")).toBe("1");
    await expect.poll(() => items().count()).toBe(25);
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByRole("link", { name: "Write the final report" }).waitFor();
    await expect.poll(() => items().count()).toBe(33);
    await expect.poll(() => focused(page)).toMatch(/^a:/);
    await expect.poll(() => page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    await shot("list");

    await page.getByLabel("Status").selectOption("done");
    await page.getByRole("link", { name: "Bulk 4", exact: true }).waitFor({ state: "detached" });
    await expect.poll(() => items().count()).toBe(3);
    await page.getByLabel("Status").selectOption("");
    await page.getByRole("link", { name: "Bulk 4", exact: true }).waitFor();
  });

  it("marks done at once, before the server answers, and reopens in one click", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Buy milk is on the second page by now: find it by search, which the URL keeps.
    // With Show completed on, so the row stays once done and can be reopened.
    await page.goto(`${urls.web}/?q=milk&done=1`);
    await expect.poll(() => items().count()).toBe(1);
    await page.route(`${urls.api}/tasks/*`, async (route) => {
      if (route.request().method() === "PATCH") await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Mark done “Buy milk”" }).click();
    // The server has not answered yet, and the row already says done.
    await page.getByRole("button", { name: "Reopen “Buy milk”" }).waitFor();
    const answered = page.waitForResponse((r) => r.request().method() === "PATCH");
    release();
    await answered;
    await page.unroute(`${urls.api}/tasks/*`);
    const token = await tokenOf(page);
    const find = async () =>
      ((await api(token, "/tasks?q=Buy%20milk")).body.items as Array<{ status: string }>)[0]
        ?.status;
    await expect.poll(find).toBe("done");

    await page.getByRole("button", { name: "Reopen “Buy milk”" }).click();
    await page.getByRole("button", { name: "Mark done “Buy milk”" }).waitFor();
    await expect.poll(find).toBe("todo");
    await page.getByRole("button", { name: "Mark done “Buy milk”" }).click();
    await expect.poll(find).toBe("done");
  });

  it("deletes with Undo: undone, the task stays; let go, it is deleted", async () => {
    const token = await tokenOf(page);
    await page.getByRole("button", { name: "Delete “Buy milk”" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByRole("link", { name: "Buy milk" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("link", { name: "Buy milk" }).waitFor();
    await page.reload();
    await page.getByRole("link", { name: "Buy milk" }).waitFor();

    await page.getByRole("button", { name: "Delete “Buy milk”" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByRole("link", { name: "Buy milk" }).waitFor({ state: "detached" });
    await shot("undo-toast", page, false);
    // The toast times out by itself (a few seconds); then the DELETE goes.
    await page
      .getByRole("button", { name: "Undo" })
      .waitFor({ state: "detached", timeout: 20_000 });
    await expect
      .poll(async () => (await api(token, "/tasks?q=Buy%20milk")).body.items.length)
      .toBe(0);
  });

  it("a delete survives a reload within the toast's time: the task stays deleted", async () => {
    const token = await tokenOf(page);
    const created = await api(token, "/tasks", { method: "POST", body: { title: "Shred it" } });
    expect(created.status).toBe(201);
    await page.goto(`${urls.web}/?q=Shred`);
    await page.getByRole("button", { name: "Delete “Shred it”" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByRole("link", { name: "Shred it" }).waitFor({ state: "detached" });
    // Reload while Undo is still offered: the DELETE goes with the page, or at the next start.
    await page.reload();
    await page.getByRole("heading", { name: "Tasks" }).waitFor();
    await expect.poll(async () => (await api(token, "/tasks?q=Shred")).body.items.length).toBe(0);
    await page.reload();
    await page.getByText("No tasks match “Shred”.").waitFor();
    await page.goto(`${urls.web}/?q=milk`);
  });

  it("searches title, description and tags, keeping the search in the URL", async () => {
    await page.goto(urls.web);
    await items().first().waitFor();
    // Its description (changed on the phone, above), in other case.
    await page.getByLabel("Search").fill("ON THE PHONE");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("ON THE PHONE");
    await expect.poll(() => items().count()).toBe(1);
    await page.getByRole("link", { name: "Write the final report" }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel("Search").inputValue()).toBe("ON THE PHONE");
    await expect.poll(() => items().count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.getByLabel("Search").fill("");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBeNull();
    await expect.poll(() => items().count()).toBe(25);
  });

  it("filters by a tag from its chip", async () => {
    const token = await tokenOf(page);
    await api(token, "/tasks", {
      method: "POST",
      body: { title: "Plan the offsite", tags: ["work"] },
    });
    await api(token, "/tasks", { method: "POST", body: { title: "Fix the bike", tags: ["home"] } });
    await page.reload();
    await page.getByRole("link", { name: "Show tasks tagged work" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("tag")).toBe("work");
    // Both tagged tasks, though the older one is far down the unfiltered list.
    await expect.poll(() => items().count()).toBe(2);
    await page.getByRole("link", { name: "Write the final report" }).waitFor();
    await page.getByRole("button", { name: "Stop filtering by tag work" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("tag")).toBeNull();
    await expect.poll(() => items().count()).toBe(25);
  });

  it("keeps filter and sort across opening a task, Back, and reload", async () => {
    await page.getByLabel("Status").selectOption("done");
    await page.getByLabel("Sort by").selectOption("due");
    await expect.poll(() => items().count()).toBe(3);
    await items().first().getByRole("link").click();
    await page.getByRole("button", { name: "Edit" }).waitFor();
    await page.goBack();
    await expect.poll(() => page.getByLabel("Status").inputValue()).toBe("done");
    await expect.poll(() => page.getByLabel("Sort by").inputValue()).toBe("due");
    await expect.poll(() => items().count()).toBe(3);
    await page.reload();
    await expect.poll(() => page.getByLabel("Status").inputValue()).toBe("done");
    await expect.poll(() => page.getByLabel("Sort by").inputValue()).toBe("due");
    // "All tasks" from a task returns to the list as it was left, too.
    await items().first().getByRole("link").click();
    await page.getByRole("link", { name: "← All tasks" }).click();
    await expect.poll(() => page.getByLabel("Status").inputValue()).toBe("done");
    await page.goto(urls.web);
    await expect.poll(() => items().count()).toBe(25);
  });

  it("creates, completes and deletes with the keyboard alone, focus somewhere meaningful each step", async () => {
    // Show completed on: the completed row stays, to reach its Reopen and Delete.
    await page.getByRole("switch", { name: "Show completed" }).check();
    await page.getByRole("heading", { name: "Tasks" }).click();
    await page.keyboard.press("?");
    await page.getByRole("heading", { name: "Keyboard shortcuts" }).waitFor();
    await expectAccessible(page, "shortcuts dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { name: "Keyboard shortcuts" }).waitFor({ state: "hidden" });

    await page.keyboard.press("n");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("quick-add-title");
    await page.keyboard.type("Typed with keys only");
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Typed with keys only" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("quick-add-title");
    // "n" while typing is a letter, not a shortcut.
    await page.keyboard.type("n");
    expect(await page.getByLabel("Add a task").inputValue()).toBe("n");
    await page.getByLabel("Add a task").fill("");

    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 40; i++) {
        if (pattern.test(await focused(page))) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${pattern} (at ${await focused(page)})`);
    };
    await tabTo(/^button:Mark done “Typed with keys only”/);
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("button:Reopen “Typed with keys only”");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button:Delete “Typed with keys only”");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("button:Yes, delete");
    await page.keyboard.press("Escape");
    expect(await focused(page)).toBe("button:Delete “Typed with keys only”");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Typed with keys only" }).waitFor({ state: "detached" });
    // Focus moves to the row now in its place.
    await expect.poll(() => focused(page)).toMatch(/^a:/);

    // Open a task with Enter: its heading takes focus.
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Edit" }).waitFor();
    await expect.poll(() => focused(page)).toMatch(/^h1:/);
    await page.goBack();
    await items().first().waitFor();
  });

  it("keeps what was typed when the session ends mid-form", async () => {
    await page.getByRole("link", { name: "New task" }).click();
    await page.getByLabel("Title").fill("Typed before the session ended");
    // Reloading keeps the draft, but no sign-in happened: no "restored" notice.
    await page.reload();
    await expect
      .poll(() => page.getByLabel("Title").inputValue())
      .toBe("Typed before the session ended");
    expect(await page.getByText("We restored what you had typed").count()).toBe(0);
    // An expired access token with a refresh token the issuer no longer honours.
    await page.evaluate(() => {
      const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "");
      const access = `${b64({ alg: "none" })}.${b64({ exp: 1 })}.x`;
      localStorage.setItem("taskmanager.tokens", JSON.stringify({ access, refresh: "revoked" }));
    });
    await page.getByRole("button", { name: "Create task" }).click();
    // The app's own sign-in screen says why the person is there, and that nothing is lost.
    await page
      .getByText("Your session expired; sign in again to continue — your draft is kept.")
      .waitFor();
    await expectAccessible(page, "session expired");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await signInOnIssuer(page, ada);
    await page.getByText("We restored what you had typed").waitFor();
    await expect
      .poll(() => page.getByLabel("Title").inputValue())
      .toBe("Typed before the session ended");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByRole("heading", { name: "Typed before the session ended" }).waitFor();
    await page.getByRole("link", { name: "← All tasks" }).click();

    // Quick add too: what is in its three fields comes back after the sign-in.
    await page.getByLabel("Add a task").fill("Quick, before it ends");
    await page.getByRole("form", { name: "Quick add" }).getByLabel("Priority").selectOption("low");
    await page.evaluate(() => {
      const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "");
      const access = `${b64({ alg: "none" })}.${b64({ exp: 1 })}.x`;
      localStorage.setItem("taskmanager.tokens", JSON.stringify({ access, refresh: "revoked" }));
    });
    await page.getByLabel("Add a task").press("Enter");
    await page
      .getByText("Your session expired; sign in again to continue — your draft is kept.")
      .waitFor();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await signInOnIssuer(page, ada);
    await expect
      .poll(() => page.getByLabel("Add a task").inputValue())
      .toBe("Quick, before it ends");
    expect(
      await page.getByRole("form", { name: "Quick add" }).getByLabel("Priority").inputValue(),
    ).toBe("low");
    await page.getByLabel("Add a task").press("Enter");
    await page.getByRole("link", { name: "Quick, before it ends" }).waitFor();
    await expect.poll(() => page.getByLabel("Add a task").inputValue()).toBe("");
  });

  it("shows not found for an unknown address and a malformed task address, at once", async () => {
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(urls.api)) requests.push(r.url());
    });
    await page.goto(`${urls.web}/tasks/not-a-task`);
    await page.getByRole("heading", { name: "Task not found" }).waitFor();
    expect(requests.filter((u) => u.includes("not-a-task"))).toEqual([]);
    await expectAccessible(page, "task not found");
    await page.goto(`${urls.web}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectAccessible(page, "page not found");
    await page.getByRole("link", { name: "Go to your tasks" }).click();
    await items().first().waitFor();
  });

  it("fits a phone screen, with long words wrapped and 44 px touch targets", async () => {
    const token = await tokenOf(page);
    const long = await api(token, "/tasks", {
      method: "POST",
      body: { title: "W".repeat(180), tags: ["t".repeat(32)], description: "x".repeat(400) },
    });
    await page.setViewportSize(SIZES[1]);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    const smallTargets = () =>
      page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            "main button, main a, main input, main select, header button",
          ),
        ]
          .filter((el) => el.offsetParent !== null && !el.closest(".visually-hidden"))
          .filter((el) => el.getBoundingClientRect().height < 44)
          .map((el) => `${el.tagName} ${el.textContent?.slice(0, 30)}`),
      );
    await page.reload();
    await items().first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await smallTargets()).toEqual([]);
    await page.screenshot({ path: join(shots, "list-phone.png") });
    await page.goto(`${urls.web}/tasks/${long.body.taskId}`);
    await page.getByRole("button", { name: "Edit" }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await smallTargets()).toEqual([]);
    await page.setViewportSize(SIZES[0]);
    await page.goto(urls.web);
    await items().first().waitFor();
  });

  it("tells the person when they are offline", async () => {
    await context.setOffline(true);
    await page.getByText("You are offline").waitFor();
    await shot("offline", page, false);
    await context.setOffline(false);
    await page.getByText("You are offline").waitFor({ state: "detached" });
  });

  it("signs out and back in", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await signInOnIssuer(page, ada);
    await page.getByRole("link", { name: "Typed before the session ended" }).waitFor();
    await expect.poll(() => page.getByText(ada.email).isVisible()).toBe(true);
  });

  it("shows a second person none of the first one's tasks, and pictures a realistic list", async () => {
    const other = await browser.newContext({ viewport: SIZES[0] });
    const bobPage = await other.newPage();
    await signUp(bobPage, bob);
    await bobPage.getByText("No tasks yet").waitFor();
    const adaTasks = await api(await tokenOf(page), "/tasks?limit=1");
    const adaTaskId = (adaTasks.body.items as Array<{ taskId: string }>)[0]?.taskId;
    const peek = await api(await tokenOf(bobPage), `/tasks/${adaTaskId}`);
    expect(peek.status).toBe(404);
    expect((await api(await tokenOf(bobPage), "/tasks?q=report")).body.items).toEqual([]);

    // Bob's list is the one in the README: a week of ordinary tasks.
    const bobToken = await tokenOf(bobPage);
    const week = [
      {
        title: "Renew car insurance",
        dueDate: dayFromToday(-2),
        priority: "high",
        tags: ["car", "bills"],
      },
      { title: "Book dentist appointment", dueDate: dayFromToday(0), tags: ["health"] },
      {
        title: "Send invoice to Acme",
        dueDate: dayFromToday(0),
        priority: "high",
        tags: ["work"],
        description: "Hours for November, PO 4471.",
      },
      { title: "Buy birthday present for Mia", dueDate: dayFromToday(3), tags: ["family"] },
      {
        title: "Prepare slides for Monday review",
        dueDate: dayFromToday(5),
        status: "in_progress",
        tags: ["work"],
      },
      { title: "Water the plants", tags: ["home"] },
      {
        title: "Pay electricity bill",
        dueDate: dayFromToday(2),
        status: "done",
        tags: ["bills", "home"],
      },
      { title: "Return library books", status: "done" },
    ];
    for (const task of [...week].reverse()) {
      expect((await api(bobToken, "/tasks", { method: "POST", body: task })).status).toBe(201);
    }
    // The done ones too (Show completed), as a week's list looks with it on.
    await bobPage.getByRole("switch", { name: "Show completed" }).check();
    await bobPage.getByLabel("Sort by").selectOption("due");
    await bobPage.getByRole("link", { name: "Renew car insurance" }).waitFor();
    await expect
      .poll(() => bobPage.getByRole("list", { name: "Tasks" }).getByRole("listitem").count())
      .toBe(8);
    await mkdir(docsScreenshots, { recursive: true });
    await bobPage.screenshot({ path: join(docsScreenshots, "list-1280.png") });
    await bobPage.screenshot({ path: join(docsScreenshots, "screenshot.png") });
    await bobPage.setViewportSize(SIZES[1]);
    await bobPage.screenshot({ path: join(docsScreenshots, "list-375.png"), fullPage: true });
    await bobPage.setViewportSize(SIZES[0]);
    await bobPage.getByRole("link", { name: "Send invoice to Acme" }).click();
    await bobPage.getByRole("button", { name: "Edit" }).waitFor();
    await bobPage.screenshot({ path: join(docsScreenshots, "detail-1280.png") });
    await bobPage.setViewportSize(SIZES[1]);
    await bobPage.screenshot({ path: join(docsScreenshots, "detail-375.png"), fullPage: true });
    await other.close();
  });
});
