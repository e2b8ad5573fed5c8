/**
 * Maps with at most `limit` calls in flight: a fan-out over a person's lists (up to
 * MAX_LISTS_PER_PERSON, each a few Queries) stays within the DynamoDB client's
 * sockets and time budget instead of opening them all at once.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How many Queries a view or the sidebar keeps in flight at once. */
export const FAN_OUT = 8;
