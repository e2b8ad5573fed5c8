/**
 * What search and the tag filter compare, and how. Text is folded (schema.ts,
 * `foldText`: no case, no accents) into copies stored with each task; a query is
 * folded the same way and matched with DynamoDB's `contains`.
 *
 * Tasks written before the fold dropped accents (issue 18) hold copies folded the
 * old way (`legacyFold`: case only) until `refold.ts` rewrites them. Until then they
 * are still found as they were: a search also looks for the old fold of its text,
 * and a tag filter also for the tag exactly as typed (see docs/data-model.md).
 */
import { foldText } from "./schema";

/** Separates the tags in their search copy: "home work" does not match the tags home and work. */
const TAG_SEPARATOR = "\n";

/**
 * The tags' search copy: each folded, and each between separators (leading and
 * trailing too), so a tag filter matches one whole tag with `contains`. No tags, "".
 */
export function tagsSearchOf(tags: readonly string[]): string {
  if (tags.length === 0) return "";
  return `${TAG_SEPARATOR}${tags.map(foldText).join(TAG_SEPARATOR)}${TAG_SEPARATOR}`;
}

/** The fold of the copies written before issue 18: compatibility forms, lower case, accents kept. */
export const legacyFold = (text: string) => text.normalize("NFKC").toLocaleLowerCase("en");

/** The folded copies a search reads. */
export type SearchCopy = "titleSearch" | "descriptionSearch" | "tagsSearch";

/**
 * The filter's conditions for a search (`q`) and a tag, to be joined with AND. The
 * query builder's `contains` comes in two shapes: on a folded copy (substring), and
 * on the tags list as stored (element equality: one tag exactly as typed).
 */
export function searchConditions(
  { q, tag }: { q?: string | undefined; tag?: string | undefined },
  containsIn: (copy: SearchCopy, text: string) => string,
  hasTag: (exact: string) => string,
): string[] {
  const conditions: string[] = [];
  if (q !== undefined) {
    const needles = [...new Set([foldText(q), legacyFold(q)])];
    const anyCopy = needles.flatMap((needle) => [
      containsIn("titleSearch", needle),
      containsIn("descriptionSearch", needle),
      containsIn("tagsSearch", needle),
    ]);
    conditions.push(`(${anyCopy.join(" OR ")})`);
  }
  if (tag !== undefined) {
    // A whole tag in the folded copy or, on a task not yet refolded, the tag as typed.
    // A tag holding the separator would span two tags in the copy: as typed only.
    const folded = foldText(tag);
    conditions.push(
      folded.includes(TAG_SEPARATOR)
        ? hasTag(tag)
        : `(${containsIn("tagsSearch", `${TAG_SEPARATOR}${folded}${TAG_SEPARATOR}`)} OR ${hasTag(tag)})`,
    );
  }
  return conditions;
}
