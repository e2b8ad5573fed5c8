/** People: one id per email, whatever its case, however many sign in at once. */
import { fromEmail } from "@taskmanager/core/user";
import { ulid } from "ulid";
import { expect, test } from "vitest";
import { invalidInput } from "./helpers";

const email = () => `person-${ulid().toLowerCase()}@example.com`;

test("the same email always gives the same user", async () => {
  const address = email();
  const first = await fromEmail(address);
  expect(first).toEqual({ userId: expect.any(String), email: address });
  expect(await fromEmail(address)).toEqual(first);
});

test("email case does not matter and the stored email is lower case", async () => {
  const address = email();
  const upper = await fromEmail(address.toUpperCase());
  expect(upper.email).toBe(address);
  const mixed = await fromEmail(address.replace(/^p/, "P").replace("example", "ExAmple"));
  expect(mixed).toEqual(upper);
});

test("concurrent first sign-ins yield one id", async () => {
  const address = email();
  const variants = [address, address.toUpperCase(), address, address.replace("person", "PERSON")];
  const users = await Promise.all([...variants, ...variants].map((e) => fromEmail(e)));
  const ids = new Set(users.map((u) => u.userId));
  expect(ids.size).toBe(1);
  expect(await fromEmail(address)).toEqual(users[0]);
});

test("different emails are different users", async () => {
  const [a, b] = await Promise.all([fromEmail(email()), fromEmail(email())]);
  expect(a.userId).not.toBe(b.userId);
});

test("an invalid email is refused", async () => {
  await expect(fromEmail("not-an-email")).rejects.toMatchObject(invalidInput);
});
