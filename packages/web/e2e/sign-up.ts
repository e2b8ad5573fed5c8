/** Signing up through the web app and the issuer's pages, as a new person does. */
import { latestCode } from "@taskmanager/local/clients/sign-in";
import type { Page } from "playwright-core";

export interface Person {
  email: string;
  password: string;
}

/**
 * From the web app's front page to its task list: the issuer's sign-up form, the
 * emailed code (read from the local mailbox), back to the app signed in.
 */
export async function signUpInBrowser(
  page: Page,
  urls: { web: string; mail: string },
  person: Person,
): Promise<void> {
  await page.goto(urls.web);
  await signUpFromHere(page, urls, person);
  await page.getByRole("heading", { name: "Tasks" }).waitFor();
}

/**
 * From the app's sign-in screen wherever it shows (any address of the app, signed
 * out) through the issuer's sign-up; the app then returns to that address.
 */
export async function signUpFromHere(
  page: Page,
  urls: { mail: string },
  person: Person,
): Promise<void> {
  // The app's "Create an account" opens the issuer's form for it, as its words say.
  await page.getByText("the next page asks for your email and a password").waitFor();
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
  await page.locator("input[name=email]").fill(person.email);
  await page.locator("input[name=password]").fill(person.password);
  await page.locator("input[name=repeat]").fill(person.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("input[name=code]").waitFor();
  await page.locator("input[name=code]").fill(await latestCode(urls.mail, person.email));
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The newest link to the web app's invitation page in `email`'s local mailbox. */
export async function latestInvitationLink(mailUrl: string, email: string): Promise<string> {
  const { messages } = (await fetch(`${mailUrl}/mailbox/${encodeURIComponent(email)}`).then((r) =>
    r.json(),
  )) as { messages: Array<{ text: string }> };
  const link = /https?:\/\/\S+\/invitations\/[\w.-]+/.exec(messages.at(-1)?.text ?? "")?.[0];
  if (!link) throw new Error(`No invitation for ${email}`);
  return link;
}
