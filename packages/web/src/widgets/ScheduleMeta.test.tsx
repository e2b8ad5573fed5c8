/** A task row says how the task repeats, at what time it is due and how many reminders it has. */
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeTask, mockApi, renderApp } from "../test/helpers";

describe("a repeating task's row", () => {
  it("shows the rule in words, the due time and the reminders", async () => {
    const rent = makeTask({
      title: "Pay rent",
      dueDate: "2099-12-01",
      dueTime: "09:00",
      recurrence: { freq: "monthly", interval: 1, byMonthDay: 1, mode: "schedule" },
      reminders: [{ before: 60 }, { before: 0 }],
    });
    const plain = makeTask({ title: "Plain", dueDate: "2099-12-02" });
    mockApi(() => ({ status: 200, body: { items: [rent, plain], cursor: null } }));
    renderApp("/");
    const row = (await screen.findByRole("link", { name: "Pay rent" }, { timeout: 5000 })).closest(
      "li",
    );
    if (!row) throw new Error("no row");
    expect(within(row).getByText("Repeats every month on the 1st")).toBeTruthy();
    expect(row.textContent).toMatch(/Due Tue, Dec 1, 2099 at 9:00\sAM/);
    expect(row.textContent).toContain("2 reminders");

    const other = screen.getByRole("link", { name: "Plain" }).closest("li");
    expect(other?.textContent).not.toMatch(/Repeats| at |reminder/);
  });
});
