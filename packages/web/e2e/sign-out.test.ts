/**
 * Signing out ends the session everywhere (issue 18, item 9), in a real browser:
 * two tabs of one browser share the session; signing out in one shows the other
 * the sign-in screen at once (no reload, no request of its own), and the refresh
 * token the tabs held is refused by the issuer afterwards.
 */
import { WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { launchChromium } from "./chromium";
import { signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const title = "Renew the passport";
let browser: Browser;
let context: BrowserContext;
let first: Page;
let second: Page;

const tokensOf = async (page: Page) =>
  JSON.parse((await page.evaluate(() => localStorage.getItem("taskmanager.tokens"))) ?? "null") as {
    access: string;
    refresh: string;
  } | null;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
  first = await context.newPage();
  const email = `sign-out-${Date.now().toString(36)}@example.com`;
  await signUpInBrowser(first, urls, { email, password: "correct horse battery" });
  const tokens = await tokensOf(first);
  const created = await fetch(`${urls.api}/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens?.access}`, "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });
  expect(created.status).toBe(201);
  await first.reload();
  await first.getByRole("link", { name: title }).waitFor();
  second = await context.newPage();
  await second.goto(urls.web);
  await second.getByRole("link", { name: title }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

it("signing out in one tab signs out the other at once and revokes the refresh token", async () => {
  const refresh = (await tokensOf(first))?.refresh;
  expect(refresh).toBeTruthy();
  // Marks this page: a reload or a navigation would lose it.
  await second.evaluate(() => {
    (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
  });
  const requestsOfSecond: string[] = [];
  second.on("request", (request) => requestsOfSecond.push(request.url()));

  await first.getByRole("button", { name: "Sign out" }).click();
  await first.getByRole("button", { name: "Sign in", exact: true }).waitFor();

  await second.getByText("You signed out in another tab.").waitFor();
  await second.getByRole("button", { name: "Sign in", exact: true }).waitFor();
  expect(await second.getByRole("link", { name: title }).count()).toBe(0);
  expect(await second.getByRole("button", { name: "Sign out" }).count()).toBe(0);
  expect(
    await second.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
  ).toBe(true);
  // It did not wait for a request of its own to fail, and asked the API nothing.
  expect(requestsOfSecond.filter((url) => url.startsWith(urls.api))).toEqual([]);
  expect(await axeViolations(second)).toEqual([]);

  const answer = await fetch(`${urls.auth}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      client_id: WEB_CLIENT_ID,
      refresh_token: refresh as string,
    }),
  });
  expect(answer.status).toBe(400);
  expect(await answer.json()).toMatchObject({ error: "invalid_grant" });
});
