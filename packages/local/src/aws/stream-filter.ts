/**
 * Lambda's event filtering for the patterns we use: an object pattern matches
 * when every key matches; an array lists the accepted values (strings or numbers).
 */
export type FilterPattern = {
  readonly [key: string]: FilterPattern | readonly (string | number)[];
};

export function matchesFilter(pattern: FilterPattern, value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = (value as Record<string, unknown>)[key];
    if (Array.isArray(expected)) return expected.includes(actual as string | number);
    return matchesFilter(expected as FilterPattern, actual);
  });
}
