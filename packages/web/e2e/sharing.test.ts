/**
 * Sharing a list in two browsers (issue 19): Ann makes "Groceries" with a task and
 * invites Bob as an editor; Bob opens the emailed link signed out, signs up from it
 * and lands back on the invitation, accepts, and completes Ann's task; Ann sees it
 * was Bob. Ann, its only owner, cannot leave it; she removes Bob, and Bob's next
 * action is refused in words. A used link
 * and a link sent to someone else say they cannot be used. axe on the share panel
 * and the invitation page, at both sizes.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, SIZES } from "./axe";
import { launchChromium } from "./chromium";
import { latestInvitationLink, signUpFromHere, signUpInBrowser } from "./sign-up";

const urls = inject("e2e");
const run = Date.now().toString(36);
const ann = { email: `ann-${run}@example.com`, password: "correct horse battery" };
const bob = { email: `bob-${run}@example.com`, password: "another long secret" };
const cy = `cy-${run}@example.com`;
const TASK = "Buy oat milk";

let browser: Browser;
let annPage: Page;
let bobPage: Page;
let bobLink: string;

async function expectAccessible(page: Page, what: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await axeViolations(page), `${what} at ${size.width}px`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]);
}

const taskRow = (page: Page) =>
  page.getByRole("list", { name: "Tasks" }).getByRole("listitem").filter({ hasText: TASK });

beforeAll(async () => {
  browser = await launchChromium();
  // Two contexts: two people, two browsers' worth of storage.
  annPage = await (await browser.newContext({ viewport: SIZES[0] })).newPage();
  bobPage = await (await browser.newContext({ viewport: SIZES[0] })).newPage();
  await signUpInBrowser(annPage, urls, ann);
});

afterAll(async () => {
  await browser?.close();
});

describe("a list shared between two browsers", () => {
  it("Ann makes a list with a task and invites Bob from the Share panel", async () => {
    await annPage.getByLabel("New list").fill("Groceries");
    await annPage.getByRole("button", { name: "Add list" }).click();
    await annPage.getByRole("heading", { level: 1, name: "Groceries" }).waitFor();
    await annPage.getByLabel("Add a task").fill(TASK);
    await annPage.getByLabel("Add a task").press("Enter");
    await taskRow(annPage).getByRole("link", { name: TASK }).waitFor();

    await annPage.getByRole("button", { name: "Share" }).click();
    const panel = annPage.getByRole("region", { name: "Share “Groceries”" });
    await panel
      .getByRole("list", { name: "Members" })
      .getByText(ann.email, { exact: true })
      .waitFor();
    await expectAccessible(annPage, "share panel");

    await panel.getByLabel("Email").fill(bob.email);
    await panel.getByLabel("Role", { exact: true }).selectOption("editor");
    await panel.getByRole("button", { name: "Send invitation" }).click();
    await panel
      .getByRole("list", { name: "Pending invitations" })
      .getByText(`${bob.email} (Editor)`)
      .waitFor();
    bobLink = await latestInvitationLink(urls.mail, bob.email);
    expect(new URL(bobLink).origin).toBe(urls.web);
  });

  it("Bob signs up from the emailed link, lands on the invitation, and accepts", async () => {
    await bobPage.goto(bobLink);
    await signUpFromHere(bobPage, urls, bob);
    await bobPage.getByRole("heading", { level: 1, name: "Invitation" }).waitFor();
    expect(new URL(bobPage.url()).pathname).toBe(new URL(bobLink).pathname);
    await bobPage.getByText(`${ann.email} invited you to Groceries as an editor`).waitFor();
    await expectAccessible(bobPage, "invitation page");

    await bobPage.getByRole("button", { name: "Accept and open “Groceries”" }).click();
    await bobPage.getByRole("heading", { level: 1, name: "Groceries" }).waitFor();
    await taskRow(bobPage).getByRole("link", { name: TASK }).waitFor();
    // Both are named under the list's name, and the list is in Bob's sidebar.
    await bobPage.getByText(`${ann.email} (owner)`).waitFor();
    await bobPage.getByText(`${bob.email} (editor)`).waitFor();
    await bobPage
      .getByRole("navigation", { name: "Lists" })
      .getByRole("link", { name: /^Groceries/ })
      .waitFor();
  });

  it("Bob completes the task and Ann sees that Bob did", async () => {
    await taskRow(bobPage)
      .getByRole("button", { name: /^Mark done/ })
      .click();
    // Done tasks are hidden until Show completed: the row leaves Bob's list.
    await expect.poll(() => taskRow(bobPage).count()).toBe(0);
    await annPage.reload();
    await annPage.getByRole("switch", { name: "Show completed" }).check();
    await taskRow(annPage).getByText(`Done by ${bob.email}`).waitFor();
    await taskRow(annPage).getByRole("link", { name: TASK }).click();
    await annPage.getByText(new RegExp(`by ${bob.email.replace(/[.]/g, "\\.")}$`)).waitFor();
    await annPage.goBack();
    await annPage.getByRole("heading", { level: 1, name: "Groceries" }).waitFor();
  });

  it("a used link, and a link sent to someone else, say they cannot be used", async () => {
    await bobPage.goto(bobLink);
    await bobPage
      .getByRole("alert")
      .getByText(/This invitation cannot be used/)
      .waitFor();
    expect(await bobPage.getByRole("button", { name: /^Accept/ }).count()).toBe(0);
    await expectAccessible(bobPage, "a used invitation");

    const panel = annPage.getByRole("region", { name: "Share “Groceries”" });
    if (!(await panel.isVisible())) await annPage.getByRole("button", { name: "Share" }).click();
    await panel.getByLabel("Email").fill(cy);
    await panel.getByRole("button", { name: "Send invitation" }).click();
    await panel
      .getByRole("list", { name: "Pending invitations" })
      .getByText(`${cy} (Editor)`)
      .waitFor();
    await bobPage.goto(await latestInvitationLink(urls.mail, cy));
    await bobPage
      .getByRole("alert")
      .getByText(/This invitation cannot be used/)
      .waitFor();
    expect(await bobPage.getByRole("button", { name: /^Accept/ }).count()).toBe(0);
  });

  it("Ann, the list's only owner, cannot leave it: the server's refusal is shown in words", async () => {
    await annPage.getByRole("button", { name: /^Leave/ }).click();
    await annPage.getByRole("button", { name: "Yes, leave" }).click();
    await annPage
      .getByRole("alert")
      .getByText(/A list always keeps an owner/)
      .waitFor();
    await annPage.getByRole("heading", { level: 1, name: "Groceries" }).waitFor();
  });

  it("Ann removes Bob, and Bob's next action is refused in words", async () => {
    const bobList = new URL(annPage.url()).pathname;
    await bobPage.goto(`${urls.web}${bobList}?done=1`);
    await taskRow(bobPage)
      .getByRole("button", { name: /^Reopen/ })
      .waitFor();

    const panel = annPage.getByRole("region", { name: "Share “Groceries”" });
    if (!(await panel.isVisible())) await annPage.getByRole("button", { name: "Share" }).click();
    const members = panel.getByRole("list", { name: "Members" });
    await members.getByRole("button", { name: new RegExp(`^Remove\\W+${bob.email}`) }).click();
    await panel.getByRole("button", { name: "Yes, remove" }).click();
    await expect.poll(() => members.getByText(bob.email).count()).toBe(0);

    // Bob's page still shows what it loaded; his next change is refused, and said so.
    await taskRow(bobPage)
      .getByRole("button", { name: /^Reopen/ })
      .click();
    await bobPage
      .getByRole("alert")
      .getByText(/does not exist any more/)
      .waitFor();
    // His sidebar, read again after the refusal, no longer has it, and the screen says so.
    await bobPage.getByRole("heading", { level: 1, name: "List not found" }).waitFor();
    await expect
      .poll(() =>
        bobPage
          .getByRole("navigation", { name: "Lists" })
          .getByRole("link", { name: /^Groceries/ })
          .count(),
      )
      .toBe(0);
    // And so does its address after a reload.
    await bobPage.reload();
    await bobPage.getByRole("heading", { level: 1, name: "List not found" }).waitFor();
    expect(
      await bobPage
        .getByRole("navigation", { name: "Lists" })
        .getByRole("link", { name: /^Groceries/ })
        .count(),
    ).toBe(0);
    expect(await axeViolations(bobPage)).toEqual([]);
  });
});
