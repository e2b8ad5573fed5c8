/**
 * A patch's fields that are given as `null` to clear them (the time of day, the
 * repeat rule) become removals: ElectroDB sets values, and removes attributes by
 * name. Removing the rule removes its RRULE text too (a derived attribute's watcher
 * runs on `set`, not on `remove`).
 */
export const CLEARABLE = {
  dueTime: ["dueTime"],
  recurrence: ["recurrence", "recurrenceRule"],
} as const;

export type ClearedAttribute = (typeof CLEARABLE)[keyof typeof CLEARABLE][number];

type Clearable = { [K in keyof typeof CLEARABLE]?: unknown };

/** The fields to set (no nulls among the clearable ones) and the attributes to remove. */
export function splitCleared<T extends Clearable>(
  input: T,
): {
  fields: { [K in keyof T]: K extends keyof typeof CLEARABLE ? Exclude<T[K], null> : T[K] };
  cleared: ClearedAttribute[];
} {
  const fields: Record<string, unknown> = { ...input };
  const cleared: ClearedAttribute[] = [];
  for (const name of Object.keys(CLEARABLE) as Array<keyof typeof CLEARABLE>) {
    if (fields[name] === null) {
      delete fields[name];
      cleared.push(...CLEARABLE[name]);
    }
  }
  return { fields: fields as never, cleared };
}
