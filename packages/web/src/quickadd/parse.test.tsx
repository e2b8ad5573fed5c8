/**
 * Quick add's reading of what a person types, phrasing by phrasing: the whole
 * CreateTaskInput it gives (checked by the shared schema) and its chips, with a
 * fixed moment and zone. Sunday 6 December 2026, 09:30 in New York, unless a row
 * says otherwise; the DST rows sit on the nights clocks change.
 */
import { CreateTaskInput } from "@taskmanager/core/task/schema";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Chip,
  loadDates,
  parseQuickAdd,
  type QuickAddInput,
  type QuickAddOptions,
} from "./parse";

const NOW = Date.parse("2026-12-06T14:30:00Z");
const LISTS = [
  { listId: "01JABCDEFGHJKMNPQRSTVWXY01", name: "Home" },
  { listId: "01JABCDEFGHJKMNPQRSTVWXY02", name: "Home Office" },
  { listId: "01JABCDEFGHJKMNPQRSTVWXY03", name: "Café" },
];
const OPTIONS: QuickAddOptions = {
  now: NOW,
  timeZone: "America/New_York",
  locale: "en-US",
  lists: LISTS,
};

const base: QuickAddInput = {
  title: "",
  description: "",
  status: "todo",
  priority: "medium",
  dueDate: null,
  tags: [],
};

interface Row {
  text: string;
  /** The fields that differ from an undated, untagged, medium task. */
  input: Partial<QuickAddInput>;
  /** Each chip's kind and the words it came from, in typed order. */
  chips?: [Chip["kind"], string][];
  options?: Partial<QuickAddOptions>;
  /** False when the schema must refuse it (nothing left for a title). */
  valid?: boolean;
}

const at = (iso: string) => ({ now: Date.parse(iso) });

const ROWS: Row[] = [
  // The phrases.
  {
    text: "Pay rent every month on the 1st #home !high",
    input: {
      title: "Pay rent",
      priority: "high",
      dueDate: "2027-01-01",
      tags: ["home"],
      recurrence: { freq: "monthly", byMonthDay: 1 },
    },
    chips: [
      ["repeat", "every month on the 1st"],
      ["tag", "#home"],
      ["priority", "!high"],
    ],
  },
  {
    text: "Pay rent tomorrow #home p1",
    input: { title: "Pay rent", priority: "high", dueDate: "2026-12-07", tags: ["home"] },
    chips: [
      ["due", "tomorrow"],
      ["tag", "#home"],
      ["priority", "p1"],
    ],
  },
  // Dates and times (chrono-node).
  {
    text: "tomorrow 9am call Bob",
    input: { title: "call Bob", dueDate: "2026-12-07", dueTime: "09:00" },
    chips: [["due", "tomorrow 9am"]],
  },
  {
    text: "Meet Friday",
    input: { title: "Meet", dueDate: "2026-12-11" },
    chips: [["due", "Friday"]],
  },
  {
    text: "Submit report next Friday",
    input: { title: "Submit report", dueDate: "2026-12-11" },
    chips: [["due", "next Friday"]],
  },
  {
    text: "Renew passport in 3 days",
    input: { title: "Renew passport", dueDate: "2026-12-09" },
    chips: [["due", "in 3 days"]],
  },
  {
    text: "Buy gifts Dec 24",
    input: { title: "Buy gifts", dueDate: "2026-12-24" },
    chips: [["due", "Dec 24"]],
  },
  {
    text: "Call the bank at 17:30",
    input: { title: "Call the bank", dueDate: "2026-12-06", dueTime: "17:30" },
    chips: [["due", "at 17:30"]],
  },
  {
    text: "Lunch at noon",
    input: { title: "Lunch", dueDate: "2026-12-06", dueTime: "12:00" },
    chips: [["due", "at noon"]],
  },
  // 9am has passed at 09:30: the next 9am.
  {
    text: "Standup at 9am",
    input: { title: "Standup", dueDate: "2026-12-07", dueTime: "09:00" },
    chips: [["due", "at 9am"]],
  },
  {
    text: "Dentist Dec 24 at 5pm",
    input: { title: "Dentist", dueDate: "2026-12-24", dueTime: "17:00" },
    chips: [["due", "Dec 24 at 5pm"]],
  },
  // Dec 3 has passed this year: the next one.
  {
    text: "Birthday card Dec 3",
    input: { title: "Birthday card", dueDate: "2027-12-03" },
    chips: [["due", "Dec 3"]],
  },
  {
    text: "Taxes by Friday",
    input: { title: "Taxes", dueDate: "2026-12-11" },
    chips: [["due", "by Friday"]],
  },
  {
    text: "Review draft in 2 hours",
    input: { title: "Review draft", dueDate: "2026-12-06", dueTime: "11:30" },
    chips: [["due", "in 2 hours"]],
  },
  {
    text: "Plan trip next week",
    input: { title: "Plan trip", dueDate: "2026-12-13" },
    chips: [["due", "next week"]],
  },
  // Only the first date counts; a later one stays in the title.
  {
    text: "Call Bob Friday, email Ann Tuesday",
    input: { title: "Call Bob, email Ann Tuesday", dueDate: "2026-12-11" },
    chips: [["due", "Friday"]],
  },
  // Repeating.
  {
    text: "Water plants every day",
    input: { title: "Water plants", dueDate: "2026-12-06", recurrence: { freq: "daily" } },
    chips: [["repeat", "every day"]],
  },
  {
    text: "Standup every weekday at 9:30",
    input: {
      title: "Standup",
      dueDate: "2026-12-07",
      dueTime: "09:30",
      recurrence: { freq: "weekly", byWeekday: ["MO", "TU", "WE", "TH", "FR"] },
    },
    chips: [
      ["repeat", "every weekday"],
      ["due", "at 9:30"],
    ],
  },
  {
    text: "Sync every 2 weeks",
    input: { title: "Sync", dueDate: "2026-12-06", recurrence: { freq: "weekly", interval: 2 } },
    chips: [["repeat", "every 2 weeks"]],
  },
  {
    text: "Gym every monday and thursday",
    input: {
      title: "Gym",
      dueDate: "2026-12-07",
      recurrence: { freq: "weekly", byWeekday: ["MO", "TH"] },
    },
    chips: [["repeat", "every monday and thursday"]],
  },
  {
    text: "Sync every 2 weeks on mon, thu",
    input: {
      title: "Sync",
      dueDate: "2026-12-07",
      recurrence: { freq: "weekly", interval: 2, byWeekday: ["MO", "TH"] },
    },
    chips: [["repeat", "every 2 weeks on mon, thu"]],
  },
  // Typed on a Sunday: the first is tomorrow, not the Monday after.
  {
    text: "1:1 every other monday",
    input: {
      title: "1:1",
      dueDate: "2026-12-07",
      recurrence: { freq: "weekly", interval: 2, byWeekday: ["MO"] },
    },
    chips: [["repeat", "every other monday"]],
  },
  {
    text: "Review every last friday",
    input: {
      title: "Review",
      dueDate: "2026-12-25",
      recurrence: { freq: "monthly", byWeekday: ["FR"], bySetPos: -1 },
    },
    chips: [["repeat", "every last friday"]],
  },
  {
    text: "Meetup every month on the 2nd tuesday",
    input: {
      title: "Meetup",
      dueDate: "2026-12-08",
      recurrence: { freq: "monthly", byWeekday: ["TU"], bySetPos: 2 },
    },
    chips: [["repeat", "every month on the 2nd tuesday"]],
  },
  {
    text: "Invoice every month on the last day",
    input: {
      title: "Invoice",
      dueDate: "2026-12-31",
      recurrence: { freq: "monthly", byMonthDay: -1 },
    },
    chips: [["repeat", "every month on the last day"]],
  },
  {
    text: "Payday every 15th",
    input: {
      title: "Payday",
      dueDate: "2026-12-15",
      recurrence: { freq: "monthly", byMonthDay: 15 },
    },
    chips: [["repeat", "every 15th"]],
  },
  {
    text: "Hike every weekend",
    input: {
      title: "Hike",
      dueDate: "2026-12-06",
      recurrence: { freq: "weekly", byWeekday: ["SA", "SU"] },
    },
    chips: [["repeat", "every weekend"]],
  },
  {
    text: "Anniversary every year Jun 12",
    input: { title: "Anniversary", dueDate: "2027-06-12", recurrence: { freq: "yearly" } },
    chips: [
      ["repeat", "every year"],
      ["due", "Jun 12"],
    ],
  },
  {
    text: "Water plants every 3 days after completion",
    input: {
      title: "Water plants",
      dueDate: "2026-12-06",
      recurrence: { freq: "daily", interval: 3, mode: "afterCompletion" },
    },
    chips: [["repeat", "every 3 days after completion"]],
  },
  // "after completion" counts whole days or weeks: with named days it is only words.
  {
    text: "Gym every monday after completion",
    input: {
      title: "Gym after completion",
      dueDate: "2026-12-07",
      recurrence: { freq: "weekly", byWeekday: ["MO"] },
    },
    chips: [["repeat", "every monday"]],
  },
  // A list of days stops where the days stop.
  {
    text: "every week on monday and call Bob",
    input: {
      title: "and call Bob",
      dueDate: "2026-12-07",
      recurrence: { freq: "weekly", byWeekday: ["MO"] },
    },
    chips: [["repeat", "every week on monday"]],
  },
  // Priority and tags.
  {
    text: "Fix leak !low",
    input: { title: "Fix leak", priority: "low" },
    chips: [["priority", "!low"]],
  },
  { text: "Fix leak P2", input: { title: "Fix leak" }, chips: [["priority", "P2"]] },
  {
    text: "Fix leak !HIGH",
    input: { title: "Fix leak", priority: "high" },
    chips: [["priority", "!HIGH"]],
  },
  {
    text: "Fix leak p3 !high",
    input: { title: "Fix leak !high", priority: "low" },
    chips: [["priority", "p3"]],
  },
  {
    text: "Plan #Work #work #trip-2027",
    input: { title: "Plan", tags: ["Work", "trip-2027"] },
    chips: [
      ["tag", "#Work"],
      ["tag", "#work"],
      ["tag", "#trip-2027"],
    ],
  },
  {
    text: "Pack (#travel), then go",
    input: { title: "Pack (), then go", tags: ["travel"] },
    chips: [["tag", "#travel"]],
  },
  // Lists, by name ignoring case and accents; the longest name wins.
  {
    text: "@Home Office plan Q1",
    input: { title: "plan Q1", listId: "01JABCDEFGHJKMNPQRSTVWXY02" },
    chips: [["list", "@Home Office"]],
  },
  {
    text: "@home groceries",
    input: { title: "groceries", listId: "01JABCDEFGHJKMNPQRSTVWXY01" },
    chips: [["list", "@home"]],
  },
  {
    text: "Order beans @CAFE",
    input: { title: "Order beans", listId: "01JABCDEFGHJKMNPQRSTVWXY03" },
    chips: [["list", "@CAFE"]],
  },
  { text: "Ask @unknown about it", input: { title: "Ask @unknown about it" }, chips: [] },
  { text: "Ask @homework", input: { title: "Ask @homework" }, chips: [] },
  // What must stay as typed.
  { text: "Mail bob@home.test", input: { title: "Mail bob@home.test" }, chips: [] },
  {
    text: "Email a@b.com about the invoice",
    input: { title: "Email a@b.com about the invoice" },
    chips: [],
  },
  { text: "Learn C# basics", input: { title: "Learn C# basics" }, chips: [] },
  {
    text: "Read https://example.com/docs#setup",
    input: { title: "Read https://example.com/docs#setup" },
    chips: [],
  },
  { text: "Fix bug p10", input: { title: "Fix bug p10" }, chips: [] },
  {
    text: "Close issue #42 and # alone",
    input: { title: "Close issue #42 and # alone" },
    chips: [],
  },
  { text: "The Power of Now", input: { title: "The Power of Now" }, chips: [] },
  { text: "Sunday's roast", input: { title: "Sunday's roast" }, chips: [] },
  { text: "Meet in March", input: { title: "Meet in March" }, chips: [] },
  { text: "march on", input: { title: "march on" }, chips: [] },
  { text: "Weekly report", input: { title: "Weekly report" }, chips: [] },
  { text: "Everyday carry", input: { title: "Everyday carry" }, chips: [] },
  { text: "every time I try", input: { title: "every time I try" }, chips: [] },
  { text: "Buy 2 apples for room 101", input: { title: "Buy 2 apples for room 101" }, chips: [] },
  { text: "Release v1.2 !important", input: { title: "Release v1.2 !important" }, chips: [] },
  // Nothing left for a title: the schema refuses it, as the form would.
  {
    text: "tomorrow #home",
    input: { title: "", dueDate: "2026-12-07", tags: ["home"] },
    chips: [
      ["due", "tomorrow"],
      ["tag", "#home"],
    ],
    valid: false,
  },
  // Numeric dates in the locale's order.
  {
    text: "Dentist 7/1",
    input: { title: "Dentist", dueDate: "2027-07-01" },
    chips: [["due", "7/1"]],
  },
  {
    text: "Dentist 7/1",
    options: { locale: "en-GB" },
    input: { title: "Dentist", dueDate: "2027-01-07" },
    chips: [["due", "7/1"]],
  },
  {
    text: "Dentist 7/1",
    options: { locale: "en-AU" },
    input: { title: "Dentist", dueDate: "2027-01-07" },
    chips: [["due", "7/1"]],
  },
  // Canada writes 2026-12-24: month before day.
  {
    text: "Dentist 7/1",
    options: { locale: "en-CA" },
    input: { title: "Dentist", dueDate: "2027-07-01" },
    chips: [["due", "7/1"]],
  },
  // Day-first English still reads "Dec 24" as the 24th, not December 2024.
  {
    text: "Party Dec 24 at 8pm",
    options: { locale: "en-GB" },
    input: { title: "Party", dueDate: "2026-12-24", dueTime: "20:00" },
    chips: [["due", "Dec 24 at 8pm"]],
  },
  {
    text: "Party 24 Dec",
    options: { locale: "en-GB" },
    input: { title: "Party", dueDate: "2026-12-24" },
    chips: [["due", "24 Dec"]],
  },
  // The person's zone, on the nights clocks change.
  // London, Saturday 28 March 23:30 GMT; 01:30 on the 29th never happens (kept as typed).
  {
    text: "Call tomorrow 1:30am",
    options: { timeZone: "Europe/London", locale: "en-GB", ...at("2026-03-28T23:30:00Z") },
    input: { title: "Call", dueDate: "2026-03-29", dueTime: "01:30" },
    chips: [["due", "tomorrow 1:30am"]],
  },
  // Los Angeles, Saturday 7 March 23:30 PST (already the 8th in UTC).
  {
    text: "Report today",
    options: { timeZone: "America/Los_Angeles", ...at("2026-03-08T07:30:00Z") },
    input: { title: "Report", dueDate: "2026-03-07" },
    chips: [["due", "today"]],
  },
  {
    text: "Call tomorrow 9am",
    options: { timeZone: "America/Los_Angeles", ...at("2026-03-08T07:30:00Z") },
    input: { title: "Call", dueDate: "2026-03-08", dueTime: "09:00" },
    chips: [["due", "tomorrow 9am"]],
  },
  // New York, 1 November 01:30 EDT, the hour that happens twice.
  {
    text: "Pay in 3 days",
    options: at("2026-11-01T05:30:00Z"),
    input: { title: "Pay", dueDate: "2026-11-04" },
    chips: [["due", "in 3 days"]],
  },
  {
    text: "Call at 17:30",
    options: at("2026-11-01T05:30:00Z"),
    input: { title: "Call", dueDate: "2026-11-01", dueTime: "17:30" },
    chips: [["due", "at 17:30"]],
  },
  // Tokyo is already on Monday the 7th.
  {
    text: "Standup today",
    options: { timeZone: "Asia/Tokyo", ...at("2026-12-06T20:00:00Z") },
    input: { title: "Standup", dueDate: "2026-12-07" },
    chips: [["due", "today"]],
  },
  // Other languages chrono knows, once loaded; a language it lacks reads English.
  {
    text: "Zahnarzt morgen um 9 Uhr",
    options: { locale: "de-DE", timeZone: "Europe/Berlin" },
    input: { title: "Zahnarzt", dueDate: "2026-12-07", dueTime: "09:00" },
    chips: [["due", "morgen um 9 Uhr"]],
  },
  {
    text: "Dentiste demain à 9h",
    options: { locale: "fr", timeZone: "Europe/Paris" },
    input: { title: "Dentiste", dueDate: "2026-12-07", dueTime: "09:00" },
    chips: [["due", "demain à 9h"]],
  },
  {
    text: "Dentist tomorrow",
    options: { locale: "cy-GB", timeZone: "Europe/London" },
    input: { title: "Dentist", dueDate: "2026-12-07" },
    chips: [["due", "tomorrow"]],
  },
  // Everything at once.
  {
    text: "Quarterly review @Home Office every last friday at 3pm #work #finance p1",
    input: {
      title: "Quarterly review",
      priority: "high",
      dueDate: "2026-12-25",
      dueTime: "15:00",
      tags: ["work", "finance"],
      recurrence: { freq: "monthly", byWeekday: ["FR"], bySetPos: -1 },
      listId: "01JABCDEFGHJKMNPQRSTVWXY02",
    },
    chips: [
      ["list", "@Home Office"],
      ["repeat", "every last friday"],
      ["due", "at 3pm"],
      ["tag", "#work"],
      ["tag", "#finance"],
      ["priority", "p1"],
    ],
  },
];

beforeAll(async () => {
  await Promise.all([loadDates("de-DE"), loadDates("fr")]);
});

describe("quick add reads", () => {
  it.each(ROWS.map((row) => [`${row.text} (${row.options?.locale ?? "en-US"})`, row] as const))(
    "%s",
    (_, row) => {
      const { input, chips } = parseQuickAdd(row.text, { ...OPTIONS, ...row.options });
      expect(input).toEqual({ ...base, ...row.input });
      expect(CreateTaskInput.safeParse(input).success).toBe(row.valid ?? true);
      expect(chips.map((chip) => [chip.kind, chip.text])).toEqual(row.chips ?? []);
      for (const chip of chips) expect(row.text.slice(chip.start, chip.end)).toBe(chip.text);
    },
  );

  it("has at least 40 phrasings, a quarter of them ones that stay as typed", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(ROWS.filter((row) => row.chips?.length === 0).length).toBeGreaterThanOrEqual(10);
  });
});

describe("the machine's own time zone", () => {
  const machine = process.env.TZ;
  afterEach(() => {
    process.env.TZ = machine;
  });

  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London"])(
    "changes nothing (%s): dates are the person's",
    (zone) => {
      process.env.TZ = zone;
      for (const row of ROWS.filter((r) => r.input.dueDate)) {
        const { input } = parseQuickAdd(row.text, { ...OPTIONS, ...row.options });
        expect(input.dueDate, row.text).toBe(row.input.dueDate);
        expect(input.dueTime, row.text).toBe(row.input.dueTime);
      }
    },
  );
});
