/**
 * Topological ordering (Kahn's algorithm) and cycle reporting.
 *
 * Among revisions that are ready at the same time, the one made ready last goes first, so the
 * order follows one line of development until it must wait, then takes the next line: branches
 * come out in contiguous runs, the way people read them. Remaining ties go to the smaller id.
 */
import { compareIds } from "./format.js";

/** Edges as "who must come before me" and "who waits for me"; both lists hold each edge once. */
export interface EdgeLists {
  before: (id: string) => readonly string[];
  after: (id: string) => readonly string[];
}

/** The order, plus the ids that could not be placed because they sit on or above a cycle. */
export interface OrderResult {
  order: string[];
  blocked: string[];
}

/** Orders `sortedIds` so each id comes after everything in `edges.before(id)`. O(n + e log e). */
export function topologicalOrder(sortedIds: readonly string[], edges: EdgeLists): OrderResult {
  const waiting = new Map<string, number>();
  const stack: string[] = [];
  for (const id of sortedIds) waiting.set(id, edges.before(id).length);
  for (let i = sortedIds.length - 1; i >= 0; i--) {
    const id = sortedIds[i] as string;
    if (waiting.get(id) === 0) stack.push(id);
  }
  const order: string[] = [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    order.push(id);
    const ready: string[] = [];
    for (const next of edges.after(id)) {
      const left = (waiting.get(next) as number) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
    ready.sort(compareIds);
    for (let i = ready.length - 1; i >= 0; i--) stack.push(ready[i] as string);
  }
  const blocked = order.length === sortedIds.length ? [] : sortedIds.filter((id) => (waiting.get(id) as number) > 0);
  return { order, blocked };
}

/**
 * One cycle among `blocked` ids, as [a, b, …, a] where each id has the next in `before`. Every
 * blocked id has a blocked predecessor, so walking predecessors must revisit an id.
 */
export function findCycle(blocked: readonly string[], before: (id: string) => readonly string[]): string[] {
  const stuck = new Set(blocked);
  const seenAt = new Map<string, number>();
  const path: string[] = [];
  let current = blocked[0] as string;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = before(current).find((id) => stuck.has(id)) as string;
  }
  return [...path.slice(seenAt.get(current)), current];
}
