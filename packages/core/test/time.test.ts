/** Wall-clock time in a person's zone: conversions and overdue/today, across DST changes. */
import {
  addDays,
  DueTime,
  dueState,
  instantOf,
  isTimeZone,
  TimeZone,
  todayIn,
  wallTimeAt,
} from "@taskmanager/core/time/schema";
import fc from "fast-check";
import { describe, expect, test } from "vitest";

/** Zones with DST both sides of the equator, half-hour and no-DST ones, and UTC. */
const ZONES = [
  "UTC",
  "Europe/Paris",
  "America/New_York",
  "America/Los_Angeles",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Africa/Casablanca",
];
const zone = fc.constantFrom(...ZONES);
/** Instants from 2000 to 2040, many of them near a DST change. */
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
const wall = fc
  .record({
    date: fc.date({
      min: new Date(Date.UTC(2000, 0, 1)),
      max: new Date(Date.UTC(2040, 0, 1)),
      noInvalidDate: true,
    }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ date, hour, minute }) => ({
    date: date.toISOString().slice(0, 10),
    time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
  }));

describe("zone conversions", () => {
  test("the instant of a wall time reads that wall time, unless clocks skipped it", () => {
    fc.assert(
      fc.property(wall, zone, (w, z) => {
        const at = instantOf(w, z);
        const back = wallTimeAt(at, z);
        if (back.date === w.date && back.time === w.time) return;
        // A skipped time (spring forward) is moved forward by the gap, by at most 2 h
        // (Lord Howe's is 30 min), never backwards.
        const local = Date.parse(`${w.date}T${w.time}:00Z`);
        const shown = Date.parse(`${back.date}T${back.time}:00Z`);
        expect(shown - local).toBeGreaterThan(0);
        expect(shown - local).toBeLessThanOrEqual(2 * 60 * 60 * 1000);
      }),
      { numRuns: 5000 },
    );
  });

  test("every whole-minute instant comes back from its wall time (the earlier of a repeated hour)", () => {
    fc.assert(
      fc.property(instant, zone, (raw, z) => {
        const at = raw - (raw % 60_000);
        const back = instantOf(wallTimeAt(at, z), z);
        // The same instant, or, in the repeated hour of a fall-back night, its first reading.
        if (back !== at) {
          expect(back).toBeLessThan(at);
          expect(wallTimeAt(back, z)).toEqual(wallTimeAt(at, z));
        }
      }),
      { numRuns: 5000 },
    );
  });

  test("known DST changes: the skipped 02:30 is 03:30, the repeated 01:30 is the first one", () => {
    // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT.
    expect(
      new Date(instantOf({ date: "2026-03-08", time: "02:30" }, "America/New_York")).toISOString(),
    ).toBe("2026-03-08T07:30:00.000Z");
    expect(
      wallTimeAt(
        instantOf({ date: "2026-03-08", time: "02:30" }, "America/New_York"),
        "America/New_York",
      ),
    ).toEqual({
      date: "2026-03-08",
      time: "03:30",
    });
    // New York, 2026-11-01: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(
      new Date(instantOf({ date: "2026-11-01", time: "01:30" }, "America/New_York")).toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
    // Paris, 2026-03-29: 09:00 is CEST (UTC+2), the day before CET (UTC+1).
    expect(
      new Date(instantOf({ date: "2026-03-29", time: "09:00" }, "Europe/Paris")).toISOString(),
    ).toBe("2026-03-29T07:00:00.000Z");
    expect(
      new Date(instantOf({ date: "2026-03-28", time: "09:00" }, "Europe/Paris")).toISOString(),
    ).toBe("2026-03-28T08:00:00.000Z");
  });
});

describe("dueState", () => {
  test("a task is overdue exactly when its due moment (the end of its day when untimed) has passed in the person's zone", () => {
    fc.assert(
      fc.property(wall, fc.boolean(), zone, instant, (due, timed, z, now) => {
        const task = { dueDate: due.date, ...(timed ? { dueTime: due.time } : {}), status: "todo" };
        const state = dueState(task, z, now);
        const dueAt = timed
          ? instantOf(due, z)
          : instantOf({ date: addDays(due.date, 1), time: "00:00" }, z) - 1;
        const today = todayIn(z, now);
        const overdue = now >= dueAt || due.date < today;
        expect(state).toBe(overdue ? "overdue" : due.date === today ? "today" : "upcoming");
        // Not a tautology of the code: the instant and "today" come from separate paths.
        if (state === "upcoming")
          expect(now).toBeLessThan(instantOf({ date: due.date, time: "00:00" }, z) + 1);
      }),
      { numRuns: 5000 },
    );
  });

  test("the same moment is today in one zone and overdue or upcoming in another", () => {
    const now = Date.parse("2026-12-06T23:30:00Z");
    const task = { dueDate: "2026-12-06", status: "todo" };
    expect(dueState(task, "UTC", now)).toBe("today");
    expect(dueState(task, "Europe/Paris", now)).toBe("overdue");
    expect(dueState({ ...task, dueDate: "2026-12-07" }, "Europe/Paris", now)).toBe("today");
    expect(dueState({ ...task, dueDate: "2026-12-07" }, "America/New_York", now)).toBe("upcoming");
    expect(dueState({ ...task, dueTime: "18:00" }, "America/New_York", now)).toBe("overdue");
    expect(dueState({ ...task, dueTime: "19:00" }, "America/New_York", now)).toBe("today");
    expect(dueState({ ...task, status: "done" }, "Europe/Paris", now)).toBe("none");
    expect(dueState({ dueDate: null }, "Europe/Paris", now)).toBe("none");
  });
});

describe("schemas", () => {
  test("time zones are IANA names Intl knows; offsets and junk are refused", () => {
    for (const good of ZONES) expect(TimeZone.safeParse(good).success).toBe(true);
    for (const bad of [
      "",
      "Mars/Olympus",
      "+02:00",
      "UTC+2",
      "Europe/Paris; drop",
      "x".repeat(65),
    ]) {
      expect(TimeZone.safeParse(bad).success, bad).toBe(false);
    }
    expect(isTimeZone("Europe/Paris")).toBe(true);
  });

  test("a due time is HH:MM on the 24-hour clock", () => {
    for (const good of ["00:00", "09:05", "23:59"])
      expect(DueTime.safeParse(good).success).toBe(true);
    for (const bad of ["24:00", "9:00", "09:60", "09:00:00", "noon"]) {
      expect(DueTime.safeParse(bad).success, bad).toBe(false);
    }
  });
});
