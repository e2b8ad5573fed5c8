import { describe, expect, it } from "vitest";
import { describeDue, localToday } from "./dates";

describe("due dates in words", () => {
  const today = "2026-03-30";
  it.each([
    ["2026-03-28", "overdue", "2 days overdue"],
    ["2026-03-29", "overdue", "1 day overdue"],
    ["2026-03-30", "today", "Due today"],
    ["2026-03-31", "soon", "Due tomorrow"],
    ["2026-04-02", "soon", "Due in 3 days"],
    // Across a daylight-saving change and a month end, days are still whole days.
    ["2026-04-06", "soon", "Due in 7 days"],
  ])("%s is %s: %s", (due, state, text) => {
    expect(describeDue(due, today, "en-US")).toMatchObject({ state, text });
  });

  it("names a later date in the locale", () => {
    expect(describeDue("2026-12-24", today, "en-US").text).toBe("Due Thu, Dec 24, 2026");
    expect(describeDue("2026-12-24", today, "de-DE").date).toBe("Do., 24. Dez. 2026");
  });

  it("takes today from the person's clock, not UTC", () => {
    expect(localToday(new Date(2026, 0, 1, 23, 59))).toBe("2026-01-01");
  });
});
