/**
 * Where in the typed text each recognised part came from. A chip is a span of the
 * text; the title is the text without its chips' spans, so removing a chip puts its
 * exact words back. Removed chips are kept as "literal" spans, which the parser
 * skips, and those spans follow the text as the person goes on typing.
 */

/** Characters `start` (inclusive) to `end` (exclusive) of the typed text. */
export interface Span {
  start: number;
  end: number;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * What stands in for hidden characters while looking for the other parts: a private-use
 * character, neither a letter, a digit nor a space, so no rule or date reader matches
 * it or reads across it ("Dec" + hidden + "24" is not a date), and the indexes hold.
 */
const HIDDEN = "\uE000";

/** The text with `spans` hidden, the same length. */
export function hide(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split("");
  for (const { start, end } of spans) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i += 1) chars[i] = HIDDEN;
  }
  return chars.join("");
}

/** Where a span was cut out: a space, unless punctuation follows ("Friday, email"). */
const CUT = "\uE001";

/** The text without `spans`, its runs of white space made one space, trimmed. */
export function without(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let kept = "";
  let at = 0;
  for (const { start, end } of sorted) {
    kept += text.slice(at, start) + CUT;
    at = Math.max(at, end);
  }
  kept += text.slice(at);
  return kept
    .replace(/\s*\uE001+\s*(?=[,.;:!?)]+(?:\s|$))/g, "")
    .replace(/\uE001/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The literal spans of `before`, moved to where the same characters are in `after`
 * (an edit changes one stretch of text: a typed or pasted run, a deletion). Spans
 * left of the change stay, spans right of it move with it, and a span the change
 * touches inside is dropped: its words are being retyped and are read afresh.
 */
export function follow(spans: readonly Span[], before: string, after: string): Span[] {
  if (before === after || spans.length === 0) return [...spans];
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const changedEnd = before.length - suffix;
  const shift = after.length - before.length;
  const moved: Span[] = [];
  for (const span of spans) {
    if (span.end <= prefix) moved.push(span);
    else if (span.start >= changedEnd)
      moved.push({ start: span.start + shift, end: span.end + shift });
  }
  return moved;
}
