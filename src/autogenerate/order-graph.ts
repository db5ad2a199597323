/**
 * Dependency order with cycles broken deterministically: the table-creation and table-drop order
 * of autogenerate. Ties are broken by key, so the same input always yields the same order.
 */

/** Compares strings by code unit, independent of the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An ordering and the dependencies that had to be ignored to produce it. */
export interface NodeOrder {
  order: string[];
  /** `[node, dependency]` pairs removed to break cycles: `node` came first regardless. */
  broken: Array<[string, string]>;
}

/**
 * Orders `nodes` so that each comes after the nodes in its `before` set (self-references
 * ignored). When only cycles remain, the smallest node on a cycle loses its dependencies on the
 * other members of its cycle, and those are reported in `broken`.
 */
export function orderNodes(nodes: readonly string[], before: ReadonlyMap<string, ReadonlySet<string>>): NodeOrder {
  const sorted = [...new Set(nodes)].sort(compareStrings);
  const deps = new Map(sorted.map((n) => [n, new Set([...(before.get(n) ?? [])].filter((d) => d !== n && sorted.includes(d)))]));
  const pending = new Set(sorted);
  const order: string[] = [];
  const broken: Array<[string, string]> = [];

  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [...deps.get(from)!].filter((d) => pending.has(d));
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      for (const d of deps.get(n)!) if (pending.has(d)) stack.push(d);
    }
    return false;
  };

  while (pending.size > 0) {
    const ready = sorted.find((n) => pending.has(n) && [...deps.get(n)!].every((d) => !pending.has(d)));
    if (ready !== undefined) {
      order.push(ready);
      pending.delete(ready);
      continue;
    }
    const node = sorted.find((n) => pending.has(n) && reaches(n, n))!;
    const nodeDeps = deps.get(node)!;
    for (const mate of [...nodeDeps].sort(compareStrings)) {
      if (pending.has(mate) && reaches(mate, node)) {
        nodeDeps.delete(mate);
        broken.push([node, mate]);
      }
    }
  }
  return { order, broken };
}
