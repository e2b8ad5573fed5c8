/**
 * Removing a chip keeps its words: whatever is typed, a removed chip's text comes
 * back into the title where it was, and the other chips stay as they were. And
 * removed chips stay removed while the person goes on typing (`follow`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { follow, parseQuickAdd, type QuickAddOptions } from "./parse";
import type { Span } from "./spans";

const OPTIONS: QuickAddOptions = {
  now: Date.parse("2026-12-06T14:30:00Z"),
  timeZone: "Europe/London",
  locale: "en-GB",
  lists: [
    { listId: "01JABCDEFGHJKMNPQRSTVWXY01", name: "Home" },
    { listId: "01JABCDEFGHJKMNPQRSTVWXY02", name: "Home Office" },
  ],
};

/** One of each single-valued kind at most (a second would take the first's place). */
const GROUPS = {
  date: ["tomorrow 9am", "Friday", "Dec 24", "at 17:30", "in 3 days", "next week", "7/1"],
  repeat: [
    "every month on the 1st",
    "every monday and thursday",
    "every 2 weeks",
    "every day after completion",
    "every last friday",
  ],
  priority: ["!high", "p3", "!low"],
  list: ["@Home", "@Home Office"],
};
const TAGS = ["#home", "#Work", "#work", "#trip-2027"];
const WORDS = ["Pay rent", "call Bob", "a@b.com", "C#", "p10", "#", "report", "the", "Sunday's"];

const typed = fc
  .record({
    date: fc.option(fc.constantFrom(...GROUPS.date)),
    repeat: fc.option(fc.constantFrom(...GROUPS.repeat)),
    priority: fc.option(fc.constantFrom(...GROUPS.priority)),
    list: fc.option(fc.constantFrom(...GROUPS.list)),
    tags: fc.array(fc.constantFrom(...TAGS), { maxLength: 3 }),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
  })
  .chain(({ date, repeat, priority, list, tags, words }) =>
    fc
      .shuffledSubarray(
        [date, repeat, priority, list, ...tags, ...words].filter(
          (part): part is string => part !== null,
        ),
        { minLength: 0 },
      )
      .map((parts) => parts.join(" ")),
  );

const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();

// Hundreds of parses each: a few seconds, more on a busy machine.
describe("removing a chip", () => {
  it("puts its words back in the title and leaves the other chips alone", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const before = parseQuickAdd(text, OPTIONS);
        for (const chip of before.chips) {
          const after = parseQuickAdd(text, { ...OPTIONS, literal: [chip] });
          expect(after.input.title).toContain(chip.text);
          expect(words(after.input.title)).toEqual(words(`${before.input.title} ${chip.text}`));
          const others = before.chips
            .filter((c) => c !== chip)
            .map((c) => [c.kind, c.start, c.end]);
          expect(after.chips.map((c) => [c.kind, c.start, c.end])).toEqual(others);
        }
      }),
      { numRuns: 300, seed: 20 },
    );
  }, 30_000);

  it("all of them gives back the text as typed", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const { chips } = parseQuickAdd(text, OPTIONS);
        const after = parseQuickAdd(text, { ...OPTIONS, literal: chips });
        expect(after.chips).toEqual([]);
        expect(after.input.title).toBe(text.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 200, seed: 20 },
    );
  }, 30_000);

  it("leaves “Meet Friday” a title with no due date", () => {
    const { chips } = parseQuickAdd("Meet Friday", OPTIONS);
    const { input } = parseQuickAdd("Meet Friday", { ...OPTIONS, literal: chips });
    expect(input).toMatchObject({ title: "Meet Friday", dueDate: null });
  });

  it("lets the next one of its kind take its place (the first of a kind wins)", () => {
    const text = "Fix !high leak p3";
    const [high] = parseQuickAdd(text, OPTIONS).chips;
    const after = parseQuickAdd(text, { ...OPTIONS, literal: high ? [high] : [] });
    expect(after.input).toMatchObject({ title: "Fix !high leak", priority: "low" });
  });
});

describe("removed chips while typing on", () => {
  const meet = "Meet Friday";
  const friday: Span = { start: 5, end: 11 };
  it.each<[string, string, Span[]]>([
    ["typing after it", "Meet Friday at 5pm", [friday]],
    ["typing before it", "Go Meet Friday", [{ start: 8, end: 14 }]],
    ["deleting before it", "Mee Friday", [{ start: 4, end: 10 }]],
    ["editing inside it", "Meet Fryday", []],
    ["deleting all of it", "Meet ", []],
    ["pasting over the whole text", "Something else", []],
  ])("%s", (_, after, expected) => {
    expect(follow([friday], meet, after)).toEqual(expected);
  });

  it("keeps “Friday” as typed while a time is added after it", () => {
    const literal = follow([{ start: 5, end: 11 }], meet, "Meet Friday at 5pm");
    const { input, chips } = parseQuickAdd("Meet Friday at 5pm", { ...OPTIONS, literal });
    expect(chips.map((c) => c.text)).toEqual(["at 5pm"]);
    expect(input).toMatchObject({ title: "Meet Friday", dueDate: "2026-12-06", dueTime: "17:00" });
  });
});
