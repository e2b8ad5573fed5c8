import type { RecurrenceInput } from "@taskmanager/core/recurrence/schema";
import type { Reminder } from "@taskmanager/core/reminder/schema";
import { describe, expect, it } from "vitest";
import { describeRecurrence, describeReminder, formatTime, ordinal } from "./schedule-words";

describe("a repeat rule in words", () => {
  it.each<[RecurrenceInput, string]>([
    [{ freq: "daily" }, "every day"],
    [{ freq: "daily", interval: 3 }, "every 3 days"],
    [{ freq: "weekly", byWeekday: ["MO", "TU", "WE", "TH", "FR"] }, "every weekday"],
    [{ freq: "weekly", byWeekday: ["FR", "TH", "WE", "TU", "MO"] }, "every weekday"],
    [
      { freq: "weekly", interval: 2, byWeekday: ["MO", "TU", "WE", "TH", "FR"] },
      "every 2 weeks on weekdays",
    ],
    [{ freq: "weekly" }, "every week"],
    [{ freq: "weekly", byWeekday: ["SA"] }, "every week on Saturday"],
    [
      { freq: "weekly", interval: 2, byWeekday: ["TH", "MO"] },
      "every 2 weeks on Monday and Thursday",
    ],
    [
      { freq: "weekly", byWeekday: ["MO", "WE", "SU"] },
      "every week on Monday, Wednesday, and Sunday",
    ],
    [{ freq: "monthly", byMonthDay: 1 }, "every month on the 1st"],
    [{ freq: "monthly", byMonthDay: 22 }, "every month on the 22nd"],
    [{ freq: "monthly", byMonthDay: 13 }, "every month on the 13th"],
    [{ freq: "monthly", byMonthDay: -1 }, "every month on the last day"],
    [{ freq: "monthly", byMonthDay: -2 }, "every month on the 2nd-to-last day"],
    [{ freq: "monthly", interval: 3, byMonthDay: 15 }, "every 3 months on the 15th"],
    [{ freq: "monthly", byWeekday: ["FR"], bySetPos: -1 }, "every month on the last Friday"],
    [{ freq: "monthly", byWeekday: ["TU"], bySetPos: 2 }, "every month on the second Tuesday"],
    [{ freq: "monthly" }, "every month"],
    [{ freq: "yearly" }, "every year"],
    [{ freq: "yearly", interval: 2 }, "every 2 years"],
    [
      { freq: "yearly", byWeekday: ["MO"], bySetPos: 1 },
      "every year on the first Monday of the year",
    ],
    [{ freq: "daily", interval: 10, mode: "afterCompletion" }, "10 days after completion"],
    [{ freq: "weekly", mode: "afterCompletion" }, "1 week after completion"],
    [{ freq: "monthly", interval: 2, mode: "afterCompletion" }, "2 months after completion"],
    [{ freq: "daily", mode: "schedule" }, "every day"],
  ])("%j is “%s”", (rule, words) => {
    expect(describeRecurrence(rule)).toBe(words);
  });

  it("names weekdays in the locale it is given", () => {
    expect(describeRecurrence({ freq: "weekly", byWeekday: ["MO", "TH"] }, "de")).toBe(
      "every week on Montag und Donnerstag",
    );
  });
});

describe("ordinals", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [31, "31st"],
  ])("%i is %s", (n, word) => expect(ordinal(n)).toBe(word));
});

describe("a reminder in words", () => {
  it.each<[Reminder, string]>([
    [{ before: 0 }, "at due time"],
    [{ before: 1 }, "1 minute before"],
    [{ before: 15 }, "15 minutes before"],
    [{ before: 60 }, "1 hour before"],
    [{ before: 90 }, "90 minutes before"],
    [{ before: 120 }, "2 hours before"],
    [{ before: 1440 }, "1 day before"],
    [{ before: 2880 }, "2 days before"],
  ])("%j is “%s”", (reminder, words) => {
    expect(describeReminder(reminder, "en-US")).toBe(words);
  });

  it("gives a moment in the locale", () => {
    const words = describeReminder({ at: "2026-12-24T09:00:00.000Z" }, "en-US");
    expect(words).toMatch(/^on Dec 2[34], 2026, /);
  });

  it("gives a due time in the locale's clock", () => {
    expect(formatTime("09:30", "en-US")).toBe("9:30 AM");
    expect(formatTime("21:05", "en-GB")).toBe("21:05");
  });
});
