/**
 * The issuer's own sign-in pages in Chromium, at a desktop and a phone size, in
 * light and dark: axe finds nothing, nothing comes from another origin, nothing
 * overflows 375 px, the page has a language and a doctype, the system's dark mode
 * is followed. Screenshots of the sign-in page go to docs/ for the README.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { WEB_CALLBACK_PATH, WEB_CLIENT_ID } from "@taskmanager/core/auth/schema";
import { latestCode } from "@taskmanager/local/clients/sign-in";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { docsScreenshots } from "./docs-screenshots";

const urls = inject("e2e");
const run = Date.now().toString(36);

let browser: Browser;

beforeAll(async () => {
  await mkdir(docsScreenshots, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The web app's authorization request, as its OpenAuth client makes it (PKCE, S256). */
function authorizeUrl(redirect = `${urls.web}${WEB_CALLBACK_PATH}`) {
  const verifier = randomBytes(32).toString("base64url");
  const query = new URLSearchParams({
    client_id: WEB_CLIENT_ID,
    redirect_uri: redirect,
    response_type: "code",
    provider: "password",
    state: "e2e",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  return `${urls.auth}/authorize?${query}`;
}

interface Watched {
  page: Page;
  foreignRequests: string[];
  /** Anything but the pages themselves: the pages need no stylesheet, script, font or icon. */
  subresources: string[];
  consoleErrors: string[];
}

async function openPage(
  size: (typeof SIZES)[number],
  colorScheme: "light" | "dark",
): Promise<Watched> {
  const context = await browser.newContext({ viewport: size, colorScheme });
  const page = await context.newPage();
  const watched: Watched = {
    page,
    foreignRequests: [],
    subresources: [],
    consoleErrors: [],
  };
  const allowed = new Set([new URL(urls.auth).origin, new URL(urls.web).origin]);
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:") return;
    if (!allowed.has(url.origin)) watched.foreignRequests.push(request.url());
    if (request.resourceType() !== "document") watched.subresources.push(request.url());
  });
  page.on("console", (message) => {
    // A form answered with its errors is a 400 page, which Chromium reports as a load error.
    const errorPage = /^Failed to load resource: the server responded with a status of 4(00|29)/;
    if (message.type() === "error" && !errorPage.test(message.text())) {
      watched.consoleErrors.push(message.text());
    }
  });
  return watched;
}

/** Everything each screen must hold, whatever its content. */
async function expectGoodScreen(watched: Watched, heading: string) {
  const { page } = watched;
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  expect(await axeViolations(page), `${heading} at ${page.viewportSize()?.width}px`).toEqual([]);
  const layout = await page.evaluate(() => ({
    doctype: document.doctype?.name,
    lang: document.documentElement.lang,
    title: document.title,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  expect(layout).toMatchObject({ doctype: "html", lang: "en" });
  expect(layout.title).toContain("Taskmanager");
  expect(layout.overflow, "no horizontal scrolling").toBeLessThanOrEqual(0);
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.subresources).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
}

describe.each(SIZES)("the issuer's pages at $width px", (size) => {
  describe.each(["light", "dark"] as const)("in %s mode", (colorScheme) => {
    it("sign in, create an account, the code, and their errors", async () => {
      const watched = await openPage(size, colorScheme);
      const { page } = watched;
      await page.goto(authorizeUrl());
      await expectGoodScreen(watched, "Sign in");
      // Real labels, not placeholders.
      await expect.poll(() => page.getByLabel("Email").count()).toBe(1);
      await expect.poll(() => page.getByLabel("Password").count()).toBe(1);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === "dark" ? "rgb(18, 21, 28)" : "rgb(246, 247, 249)");
      if (colorScheme === "light")
        await page.screenshot({ path: join(docsScreenshots, `signin-${size.width}.png`) });

      await page.getByLabel("Email").fill("ann@example.com");
      await page.getByLabel("Password").fill("wrong-password-here");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("The email or the password is wrong.").waitFor();
      await expectGoodScreen(watched, "Sign in");

      await page.getByRole("link", { name: "Create an account" }).click();
      await expectGoodScreen(watched, "Create your account");
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
      await page.getByLabel("Repeat the password").fill("correct horse battery");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("Enter an email address, like ann@example.com.").waitFor();
      expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
      await expectGoodScreen(watched, "Create your account");

      const email = `pages-${size.width}-${colorScheme}-${run}@example.com`;
      await page.getByLabel("Email").fill(email);
      // One of the most common passwords: refused, the reason tied to the field.
      await page.getByLabel("Password", { exact: true }).fill("12345678");
      await page.getByLabel("Repeat the password").fill("12345678");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("This is one of the most common passwords").waitFor();
      const password = page.getByLabel("Password", { exact: true });
      expect(await password.getAttribute("aria-invalid")).toBe("true");
      expect(await password.getAttribute("aria-describedby")).toContain("field-password-error");
      await expectGoodScreen(watched, "Create your account");

      await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
      await page.getByLabel("Repeat the password").fill("correct horse battery");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText(`We sent a 6-digit code to ${email}`).waitFor();
      await expectGoodScreen(watched, "Check your email");

      await page
        .getByLabel("Code from the email")
        .fill("000000" === (await latestCode(urls.mail, email)) ? "111111" : "000000");
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByText("That code is not right.").waitFor();
      await expectGoodScreen(watched, "Check your email");
      await page.getByRole("button", { name: "Send a new code" }).click();
      await page.getByText(`We sent a new code to ${email}.`).waitFor();
      await expectGoodScreen(watched, "Check your email");
      await page.context().close();
    });

    it("the error page for a link that is not ours", async () => {
      const watched = await openPage(size, colorScheme);
      const response = await watched.page.goto(authorizeUrl("https://evil.example/callback"));
      expect(response?.status()).toBe(400);
      expect(new URL(watched.page.url()).origin).toBe(new URL(urls.auth).origin);
      await expectGoodScreen(watched, "This sign-in link does not work");
      await watched.page.context().close();
    });
  });
});
