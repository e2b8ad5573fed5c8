/**
 * The person's own order of their lists (each member orders the lists they are in).
 * A move swaps a list with its neighbour; every list then takes its index as its
 * position, and only the positions that change are sent (PATCH /lists/{id}/me): two
 * for lists numbered as the app numbers them, a few more the first time lists that
 * share a position (the sidebar orders those by name) are moved.
 */
import type { List } from "@taskmanager/core/list/schema";

export interface Placement {
  listId: string;
  position: number;
}

/** The lists as the sidebar shows them (the server's order: position, then name). */
export const inOrder = <T extends Pick<List, "position" | "name">>(lists: T[]): T[] =>
  [...lists].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));

/** The placements that move `listId` one step (`by` -1 up, 1 down); none at an end. */
export function moveList(
  lists: Pick<List, "listId" | "position" | "name">[],
  listId: string,
  by: -1 | 1,
): Placement[] {
  const order = inOrder(lists);
  const from = order.findIndex((list) => list.listId === listId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [
    order[to] as (typeof order)[number],
    order[from] as (typeof order)[number],
  ];
  return order
    .map((list, position) => ({ listId: list.listId, position, was: list.position }))
    .filter((placement) => placement.position !== placement.was)
    .map(({ listId: id, position }) => ({ listId: id, position }));
}
