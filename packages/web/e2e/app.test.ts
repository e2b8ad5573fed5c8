/**
 * The whole app in a real browser against the local stack: two people sign up,
 * and the first one works through the task features end to end.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { latestCode } from "@taskmanager/local/sign-in";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

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

async function signUp(target: Page, person: { email: string; password: string }) {
  await target.goto(urls.web);
  await target.getByRole("button", { name: "Create an account" }).click();
  await target.getByRole("link", { name: "Create an account" }).click();
  await target.locator("input[name=email]").fill(person.email);
  await target.locator("input[name=password]").fill(person.password);
  await target.locator("input[name=repeat]").fill(person.password);
  await target.getByRole("button", { name: "Continue" }).click();
  await target.locator("input[name=code]").waitFor();
  await target.locator("input[name=code]").fill(await latestCode(urls.mail, person.email));
  await target.getByRole("button", { name: "Continue" }).click();
  await target.getByRole("heading", { name: "Tasks" }).waitFor();
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

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
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
    await signUp(page, ada);
    await expect.poll(() => page.getByText("No tasks yet").isVisible()).toBe(true);
    await shot("empty-list");
  });

  it("creates tasks with inline validation", async () => {
    await page.getByRole("button", { name: "New task" }).click();
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByText("must not be empty").waitFor();
    await page.getByLabel("Title").fill("Write report");
    await page.getByLabel("Description").fill("Quarterly numbers");
    await page.getByLabel("Priority").selectOption("high");
    await page.getByLabel("Due date").fill("2026-12-24");
    await page.getByLabel("Tags (comma separated)").fill("work, q4");
    await shot("new-task");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByRole("heading", { name: "Write report" }).waitFor();
    await shot("task-detail");

    await page.getByRole("link", { name: "← All tasks" }).click();
    await page.getByRole("button", { name: "New task" }).click();
    await page.getByLabel("Title").fill("Buy milk");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByRole("heading", { name: "Buy milk" }).waitFor();
    await page.getByRole("link", { name: "← All tasks" }).click();
    await expect.poll(() => items().count()).toBe(2);
  });

  it("explains a stale edit and reloads the latest version instead of overwriting", async () => {
    await page.getByRole("link", { name: "Write report" }).click();
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Title").fill("Write the final report");

    // Meanwhile the same person changes the task from somewhere else.
    const token = await tokenOf(page);
    const { body: list } = await api(token, "/tasks");
    const task = (list.items as Array<{ taskId: string; title: string; version: number }>).find(
      (t) => t.title === "Write report",
    );
    if (!task) throw new Error("task not found through the API");
    const changed = await api(token, `/tasks/${task.taskId}`, {
      method: "PATCH",
      body: { version: task.version, description: "Changed on the phone" },
    });
    expect(changed.status).toBe(200);

    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("This task was changed elsewhere").waitFor();
    await shot("conflict");
    const after = await api(token, `/tasks/${task.taskId}`);
    expect(after.body).toMatchObject({
      title: "Write report",
      description: "Changed on the phone",
    });

    await page.getByRole("button", { name: "Load latest version" }).click();
    await expect
      .poll(() => page.getByLabel("Description").inputValue())
      .toBe("Changed on the phone");
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("Write report");
    await page.getByLabel("Title").fill("Write the final report");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Write the final report" }).waitFor();
    await expect.poll(() => page.getByText("Changed on the phone").isVisible()).toBe(true);
  });

  it("pages with Load more and filters by status", async () => {
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
    await expect.poll(() => items().count()).toBe(25);
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByRole("link", { name: "Write the final report" }).waitFor();
    await expect.poll(() => items().count()).toBe(32);
    await expect.poll(() => page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    await shot("list");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("list-top", page, false);

    await page.getByLabel("Status").selectOption("done");
    await page.getByRole("link", { name: "Bulk 4", exact: true }).waitFor({ state: "detached" });
    await expect.poll(() => items().count()).toBe(3);
    await page.getByLabel("Status").selectOption("");
    await page.getByRole("link", { name: "Bulk 4", exact: true }).waitFor();
  });

  it("completes a task in one click and deletes one after confirming", async () => {
    await page.getByRole("button", { name: "Mark done “Buy milk”" }).click();
    await page.getByRole("button", { name: "Mark done “Buy milk”" }).waitFor({ state: "detached" });
    await page.getByLabel("Status").selectOption("done");
    await page.getByRole("link", { name: "Buy milk" }).waitFor();
    await expect.poll(() => items().count()).toBe(4);

    await page.getByRole("button", { name: "Delete “Buy milk”" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByRole("link", { name: "Buy milk" }).waitFor({ state: "detached" });
    await expect.poll(() => items().count()).toBe(3);
    await page.getByLabel("Status").selectOption("");
  });

  it("keeps what was typed when the session ends mid-form", async () => {
    await page.getByRole("button", { name: "New task" }).click();
    await page.getByLabel("Title").fill("Typed before the session ended");
    // An expired access token with a refresh token the issuer no longer honours.
    await page.evaluate(() => {
      const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "");
      const access = `${b64({ alg: "none" })}.${b64({ exp: 1 })}.x`;
      localStorage.setItem("taskmanager.tokens", JSON.stringify({ access, refresh: "revoked" }));
    });
    await page.getByRole("button", { name: "Create task" }).click();
    await signInOnIssuer(page, ada);
    await page.getByText("We restored what you had typed").waitFor();
    await expect
      .poll(() => page.getByLabel("Title").inputValue())
      .toBe("Typed before the session ended");
    await page.getByRole("button", { name: "Create task" }).click();
    await page.getByRole("heading", { name: "Typed before the session ended" }).waitFor();
    await page.getByRole("link", { name: "← All tasks" }).click();
  });

  it("fits a phone screen", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await items().first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, "list-phone.png") });
    await page.setViewportSize({ width: 1024, height: 768 });
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
    await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await signInOnIssuer(page, ada);
    await page.getByRole("link", { name: "Typed before the session ended" }).waitFor();
    await expect.poll(() => page.getByText(ada.email).isVisible()).toBe(true);
  });

  it("shows a second person none of the first one's tasks", async () => {
    const other = await browser.newContext();
    const bobPage = await other.newPage();
    await signUp(bobPage, bob);
    await bobPage.getByText("No tasks yet").waitFor();
    const adaTasks = await api(await tokenOf(page), "/tasks?limit=1");
    const adaTaskId = (adaTasks.body.items as Array<{ taskId: string }>)[0]?.taskId;
    const peek = await api(await tokenOf(bobPage), `/tasks/${adaTaskId}`);
    expect(peek.status).toBe(404);
    await other.close();
  });
});

afterAll(async () => {
  // The README shows the list as a person sees it.
  await copyFile(
    join(shots, "list-top.png"),
    join(import.meta.dirname, "..", "..", "..", "docs", "screenshot.png"),
  ).catch(() => {});
});
