/** A person's time zone: set on their user record, validated against Intl's zones. */
import * as User from "@taskmanager/core/user";
import { ulid } from "ulid";
import { expect, test } from "vitest";
import { invalidInput, notFound } from "./helpers";

test("a time zone is kept per person, UTC until set, and a bad one changes nothing", async () => {
  const email = `zone-${ulid()}@example.com`;
  await User.fromEmail(email);
  expect(await User.settings(email)).toEqual({});
  expect(await User.timeZoneOf(email)).toBe("UTC");
  expect(await User.updateSettings(email.toUpperCase(), { timeZone: "Europe/Paris" })).toEqual({
    timeZone: "Europe/Paris",
  });
  expect(await User.timeZoneOf(email)).toBe("Europe/Paris");
  for (const timeZone of ["Mars/Olympus", "+02:00", ""]) {
    await expect(User.updateSettings(email, { timeZone })).rejects.toMatchObject(invalidInput);
  }
  expect(await User.settings(email)).toEqual({ timeZone: "Europe/Paris" });
});

test("only a person who has signed in has settings to change", async () => {
  await expect(
    User.updateSettings(`nobody-${ulid()}@example.com`, { timeZone: "Asia/Tokyo" }),
  ).rejects.toMatchObject(notFound);
});

test("locale and digest hour are set alone, kept canonical, and null turns the digest off", async () => {
  const email = `prefs-${ulid()}@example.com`;
  await User.fromEmail(email);
  await User.updateSettings(email, { timeZone: "Asia/Tokyo" });
  expect(await User.updateSettings(email, { locale: "EN-gb" })).toEqual({
    timeZone: "Asia/Tokyo",
    locale: "en-GB",
  });
  expect(await User.updateSettings(email, { digestHour: 7 })).toEqual({
    timeZone: "Asia/Tokyo",
    locale: "en-GB",
    digestHour: 7,
  });
  for (const bad of [
    { locale: "not a locale!" },
    { digestHour: 24 },
    { digestHour: -1 },
    { digestHour: 7.5 },
    {},
    { colour: "blue" },
  ]) {
    await expect(User.updateSettings(email, bad as never)).rejects.toMatchObject(invalidInput);
  }
  expect(await User.updateSettings(email, { digestHour: null })).toEqual({
    timeZone: "Asia/Tokyo",
    locale: "en-GB",
  });
  expect(await User.settings(email)).toEqual({ timeZone: "Asia/Tokyo", locale: "en-GB" });
});
