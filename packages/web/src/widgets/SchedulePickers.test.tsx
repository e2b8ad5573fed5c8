/**
 * The task form's time, repeat and reminder pickers (issue 20): what each sends to
 * the API, with the keyboard's controls only, and the server's refusals shown by
 * the field they are about.
 */
import type { Task } from "@taskmanager/core/task/schema";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Call, makeTask, mockApi, renderApp } from "../test/helpers";

function createApi() {
  return mockApi((call) =>
    call.method === "POST" && call.url.pathname === "/tasks"
      ? { status: 201, body: makeTask(call.body as Partial<Task>) }
      : { status: 200, body: { items: [], cursor: null } },
  );
}
const posted = (calls: Call[]) =>
  calls.find((c) => c.method === "POST" && c.url.pathname === "/tasks")?.body as
    | Record<string, unknown>
    | undefined;

const set = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function newTask(title: string, dueDate = "2026-12-03") {
  const calls = createApi();
  renderApp("/new");
  fireEvent.change(await screen.findByLabelText("Title", {}, { timeout: 5000 }), {
    target: { value: title },
  });
  set("Due date", dueDate);
  return calls;
}

async function create(calls: Call[]) {
  fireEvent.click(screen.getByRole("button", { name: "Create task" }));
  await waitFor(() => expect(posted(calls)).toBeDefined());
  return posted(calls);
}

describe("the time picker", () => {
  it("is there only with a date, and sends the time of day", async () => {
    createApi();
    renderApp("/new");
    await screen.findByLabelText("Title");
    expect(screen.queryByLabelText("Time (optional)")).toBeNull();
    set("Due date", "2026-12-03");
    const time = screen.getByLabelText("Time (optional)") as HTMLInputElement;
    expect(time.type).toBe("time");
  });

  it("sends dueTime with the date", async () => {
    const calls = await newTask("Call the bank");
    set("Time (optional)", "09:30");
    expect(await create(calls)).toMatchObject({ dueDate: "2026-12-03", dueTime: "09:30" });
  });
});

describe("the repeat picker", () => {
  const repeat = () => screen.getByRole("group", { name: "Repeat" });

  it("sends nothing about repeating when it does not repeat", async () => {
    const calls = await newTask("Once");
    const body = await create(calls);
    expect(body).not.toHaveProperty("recurrence");
    expect(body).not.toHaveProperty("reminders");
    expect(body).not.toHaveProperty("dueTime");
  });

  it("every weekday", async () => {
    const calls = await newTask("Stand-up");
    set("Repeats", "weekdays");
    expect(within(repeat()).getByText("Repeats every weekday.")).toBeTruthy();
    expect((await create(calls))?.recurrence).toEqual({
      freq: "weekly",
      interval: 1,
      byWeekday: ["MO", "TU", "WE", "TH", "FR"],
      mode: "schedule",
    });
  });

  it("every 2 weeks on Monday and Thursday (starting from the due date's weekday)", async () => {
    // 2026-12-03 is a Thursday: a weekly rule starts on it.
    const calls = await newTask("Report");
    set("Repeats", "weekly");
    const days = within(repeat()).getByRole("group", { name: "On" });
    expect((within(days).getByLabelText("Thursday") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(days).getByLabelText("Monday"));
    set("Every", "2");
    expect(
      within(repeat()).getByText("Repeats every 2 weeks on Monday and Thursday."),
    ).toBeTruthy();
    expect((await create(calls))?.recurrence).toEqual({
      freq: "weekly",
      interval: 2,
      byWeekday: ["MO", "TH"],
      mode: "schedule",
    });
  });

  it("stays weekly while Monday to Friday are checked one by one", async () => {
    await newTask("Gym");
    set("Repeats", "weekly");
    const days = within(repeat()).getByRole("group", { name: "On" });
    for (const day of ["Monday", "Tuesday", "Wednesday", "Friday"]) {
      fireEvent.click(within(days).getByLabelText(day));
    }
    expect((screen.getByLabelText("Repeats") as HTMLSelectElement).value).toBe("weekly");
    expect(within(repeat()).getByRole("group", { name: "On" })).toBeTruthy();
  });

  it("monthly on the due date's day, or on the last Friday", async () => {
    const calls = await newTask("Rent", "2026-12-01");
    set("Repeats", "monthly");
    expect(within(repeat()).getByText("Repeats every month on the 1st.")).toBeTruthy();
    fireEvent.click(within(repeat()).getByLabelText("A weekday of the month"));
    set("Which one", "-1");
    set("Weekday", "FR");
    expect(within(repeat()).getByText("Repeats every month on the last Friday.")).toBeTruthy();
    expect((await create(calls))?.recurrence).toEqual({
      freq: "monthly",
      interval: 1,
      byWeekday: ["FR"],
      bySetPos: -1,
      mode: "schedule",
    });
  });

  it("monthly on the last day", async () => {
    const calls = await newTask("Invoice");
    set("Repeats", "monthly");
    set("Day of the month", "-1");
    expect((await create(calls))?.recurrence).toEqual({
      freq: "monthly",
      interval: 1,
      byMonthDay: -1,
      mode: "schedule",
    });
  });

  it("10 days after completion (no days to pick then)", async () => {
    const calls = await newTask("Water the plants");
    set("Repeats", "daily");
    set("Every", "10");
    fireEvent.click(screen.getByLabelText("From when it is completed"));
    expect(within(repeat()).getByText("Repeats 10 days after completion.")).toBeTruthy();
    expect((await create(calls))?.recurrence).toEqual({
      freq: "daily",
      interval: 10,
      mode: "afterCompletion",
    });
  });

  it("every N months after completion drops the day of the month", async () => {
    const calls = await newTask("Haircut");
    set("Repeats", "monthly");
    set("Every", "2");
    fireEvent.click(screen.getByLabelText("From when it is completed"));
    expect(within(repeat()).queryByLabelText("Day of the month")).toBeNull();
    expect((await create(calls))?.recurrence).toEqual({
      freq: "monthly",
      interval: 2,
      mode: "afterCompletion",
    });
  });

  it("yearly", async () => {
    const calls = await newTask("Birthday");
    set("Repeats", "yearly");
    expect((await create(calls))?.recurrence).toEqual({
      freq: "yearly",
      interval: 1,
      mode: "schedule",
    });
  });

  it("refuses an interval of 0 by the field, and sends nothing", async () => {
    const calls = await newTask("Never");
    set("Repeats", "daily");
    set("Every", "0");
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    const select = screen.getByLabelText("Repeats");
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(select);
    expect(repeat().getAttribute("aria-describedby")).toBeTruthy();
    expect(posted(calls)).toBeUndefined();
  });

  it("shows the server's refusal of the rule by the picker", async () => {
    mockApi(() => ({
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: "Invalid task",
          issues: [{ path: "recurrence.byWeekday", message: "not on that day, says the server" }],
        },
      },
    }));
    renderApp("/new");
    fireEvent.change(await screen.findByLabelText("Title"), { target: { value: "X" } });
    set("Due date", "2026-12-03");
    set("Repeats", "weekly");
    fireEvent.click(screen.getByRole("button", { name: "Create task" }));
    const message = await screen.findByText("not on that day, says the server");
    expect(repeat().contains(message)).toBe(true);
    expect(repeat().getAttribute("aria-describedby")).toBe(message.id);
  });
});

describe("the reminder picker", () => {
  const reminders = () => screen.getByRole("group", { name: "Reminders" });
  const add = () => fireEvent.click(screen.getByRole("button", { name: "Add reminder" }));

  it("adds at due time, N before and at a moment, removes one, and sends the rest", async () => {
    const calls = await newTask("Flight");
    set("When", "due");
    add();
    set("When", "before");
    set("How long before", "2");
    set("Unit", "hours");
    add();
    set("How long before", "30");
    set("Unit", "minutes");
    add();
    set("When", "at");
    set("Date and time", "2026-12-02T18:00");
    add();
    const list = within(reminders()).getByRole("list", { name: "Reminders set" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.firstChild?.textContent),
    ).toEqual([
      "At due time",
      "2 hours before",
      "30 minutes before",
      expect.stringMatching(/^On Dec 2, 2026/),
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Remove the reminder 30 minutes before" }));
    // Focus stays in the picker, not thrown to the page with the removed button.
    expect(document.activeElement).toBe(screen.getByLabelText("When"));
    expect((await create(calls))?.reminders).toEqual([
      { before: 0 },
      { before: 120 },
      { at: new Date("2026-12-02T18:00").toISOString() },
    ]);
  });

  it("Enter in the group adds the reminder and does not send the form", async () => {
    const calls = await newTask("Dentist");
    const amount = screen.getByLabelText("How long before");
    fireEvent.change(amount, { target: { value: "1" } });
    fireEvent.keyDown(amount, { key: "Enter" });
    expect(within(reminders()).getByText("1 hour before")).toBeTruthy();
    expect(posted(calls)).toBeUndefined();
  });

  it("refuses the same reminder twice and more than a week before, saying why", async () => {
    await newTask("Twice");
    set("When", "due");
    add();
    add();
    expect(screen.getByRole("alert").textContent).toBe("That reminder is already set.");
    set("When", "before");
    set("How long before", "8");
    set("Unit", "days");
    add();
    expect(screen.getByRole("alert").textContent).toBe("A reminder can be at most a week before.");
    expect(within(reminders()).getAllByRole("listitem")).toHaveLength(1);
  });

  it("stops at five", async () => {
    await newTask("Busy");
    set("Unit", "minutes");
    for (const minutes of ["5", "10", "15", "20", "25"]) {
      set("How long before", minutes);
      add();
    }
    expect(within(reminders()).getAllByRole("listitem")).toHaveLength(5);
    expect(screen.queryByRole("button", { name: "Add reminder" })).toBeNull();
    expect(within(reminders()).getByText(/the most a task can have \(5\)/)).toBeTruthy();
  });
});

describe("editing a repeating task", () => {
  function taskApi(task: Task) {
    const server = { task };
    const calls = mockApi((call) => {
      if (call.url.pathname.endsWith("/attachments")) return { status: 200, body: { items: [] } };
      if (call.url.pathname.endsWith("/skip")) {
        server.task = { ...server.task, dueDate: "2027-01-01", version: server.task.version + 1 };
        return { status: 200, body: server.task };
      }
      if (call.method === "PATCH") {
        const { recurrence, ...rest } = call.body as Partial<Task> & { recurrence?: null };
        const { recurrence: _old, recurrenceRule: _rule, ...kept } = server.task;
        server.task = {
          ...(recurrence === null ? kept : server.task),
          ...rest,
          version: server.task.version + 1,
        } as Task;
        return { status: 200, body: server.task };
      }
      return { status: 200, body: server.task };
    });
    return { server, calls };
  }
  const rent = () =>
    makeTask({
      title: "Rent",
      dueDate: "2026-12-01",
      dueTime: "09:00",
      recurrence: { freq: "monthly", interval: 1, byMonthDay: 1, mode: "schedule" },
      recurrenceRule: "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
      reminders: [{ before: 60 }],
      version: 4,
    });

  it("shows the rule, the time and the reminders in words on its page", async () => {
    const task = rent();
    taskApi(task);
    renderApp(`/tasks/${task.taskId}`);
    expect(await screen.findByText("Every month on the 1st")).toBeTruthy();
    expect(screen.getByText(/Tue, Dec 1, 2026 at 9:00/)).toBeTruthy();
    expect(
      within(screen.getByRole("list", { name: "Reminders" })).getByText("1 hour before"),
    ).toBeTruthy();
  });

  it("a title change leaves the rule and reminders alone (they are not sent again)", async () => {
    const task = rent();
    const { calls } = taskApi(task);
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }, { timeout: 5000 }));
    expect((screen.getByLabelText("Repeats") as HTMLSelectElement).value).toBe("monthly");
    expect((screen.getByLabelText("Time (optional)") as HTMLInputElement).value).toBe("09:00");
    set("Title", "Pay rent");
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    const body = calls.find((c) => c.method === "PATCH")?.body;
    expect(body).toMatchObject({ version: 4, title: "Pay rent" });
    expect(body).not.toHaveProperty("recurrence");
    expect(body).not.toHaveProperty("reminders");
    expect(body).not.toHaveProperty("dueTime");
  });

  it("changes the rule and clears the time", async () => {
    const task = rent();
    const { calls } = taskApi(task);
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Edit" }, { timeout: 5000 }));
    set("Repeats", "weekdays");
    set("Time (optional)", "");
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(calls.find((c) => c.method === "PATCH")?.body).toMatchObject({
      version: 4,
      dueTime: null,
      recurrence: { freq: "weekly", interval: 1, byWeekday: ["MO", "TU", "WE", "TH", "FR"] },
    });
  });

  it("Skip this one posts the version shown and shows the next date", async () => {
    const task = rent();
    const { calls } = taskApi(task);
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Skip this one" }));
    await waitFor(() => expect(screen.getByText(/Fri, Jan 1, 2027/)).toBeTruthy());
    const skip = calls.find((c) => c.url.pathname.endsWith("/skip"));
    expect(skip?.method).toBe("POST");
    expect(skip?.url.pathname).toBe(`/tasks/${task.taskId}/skip`);
    expect(skip?.body).toEqual({ version: 4 });
  });

  it("Stop repeating on a task changed elsewhere says so and applies nothing", async () => {
    const task = rent();
    const calls = mockApi((call) => {
      if (call.url.pathname.endsWith("/attachments")) return { status: 200, body: { items: [] } };
      if (call.method === "PATCH") {
        return { status: 409, body: { error: { code: "conflict", message: "Version mismatch" } } };
      }
      return { status: 200, body: task };
    });
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Stop repeating" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /changed elsewhere, so nothing was done/,
    );
    expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(1);
    expect(screen.getByText("Every month on the 1st")).toBeTruthy();
  });

  it("Stop repeating sends recurrence null and the page says it no longer repeats", async () => {
    const task = rent();
    const { calls } = taskApi(task);
    renderApp(`/tasks/${task.taskId}`);
    fireEvent.click(await screen.findByRole("button", { name: "Stop repeating" }));
    expect(await screen.findByText("Does not repeat")).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ version: 4, recurrence: null });
    expect(screen.queryByRole("button", { name: "Skip this one" })).toBeNull();
  });
});
