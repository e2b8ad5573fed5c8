/**
 * Today and Upcoming read the day in the person's own time zone when the client
 * sends no `today`, so they follow the zone set in the settings; a client that
 * sends `today` still decides. Tried in a zone whose date differs from UTC's now.
 */
import { addDays, todayIn } from "@taskmanager/core/time/schema";
import { ViewPage } from "@taskmanager/core/view/schema";
import { expect, test } from "vitest";
import { api, newPerson, type Person } from "../helpers/api";

const titles = async (person: Person, path: string) => {
  const response = await api(path, { token: person.token });
  expect(response.status, response.text).toBe(200);
  return ViewPage.parse(response.json).items.map((task) => task.title);
};

test("without ?today=, Today and Upcoming follow the zone the person set", async () => {
  const now = Date.now();
  const utcDay = todayIn("UTC", now);
  // UTC+14 is a day ahead from 10:00 UTC on, UTC-12 a day behind until 12:00: one differs.
  const zone = ["Pacific/Kiritimati", "Etc/GMT+12"].find((name) => todayIn(name, now) !== utcDay);
  if (!zone) throw new Error("no zone whose date differs from UTC's");
  const zoneDay = todayIn(zone, now);
  const ann = await newPerson("view-zone");
  for (const offset of [-1, 0, 1, 7]) {
    const dueDate = addDays(utcDay, offset);
    const created = await api("/tasks", {
      method: "POST",
      token: ann.token,
      body: { title: `due ${dueDate}`, dueDate },
    });
    expect(created.status, created.text).toBe(201);
  }
  // No zone set yet: UTC's day.
  for (const view of ["today", "upcoming"]) {
    expect(await titles(ann, `/views/${view}`)).toEqual(
      await titles(ann, `/views/${view}?today=${utcDay}`),
    );
  }
  const set = await api("/me/settings", {
    method: "PATCH",
    token: ann.token,
    body: { timeZone: zone },
  });
  expect(set.status, set.text).toBe(200);
  for (const view of ["today", "upcoming"]) {
    const inZone = await titles(ann, `/views/${view}`);
    expect(inZone, `${view} in ${zone}`).toEqual(
      await titles(ann, `/views/${view}?today=${zoneDay}`),
    );
    // The zone's day is not UTC's, and the views differ by it.
    expect(inZone).not.toEqual(await titles(ann, `/views/${view}?today=${utcDay}`));
  }
  // A client that sends its own date is still obeyed.
  expect(await titles(ann, `/views/today?today=${addDays(utcDay, -1)}`)).toEqual([
    `due ${addDays(utcDay, -1)}`,
  ]);
});
