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
  await page.getByRole("heading", { name: "Tasks" }).waitFor();
}
