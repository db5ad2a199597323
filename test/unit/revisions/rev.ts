/**
 * Literal revisions for the revision-graph tests, and the small graphs most tests share.
 */
import { MigrateError } from "../../../src/errors.js";
import { RevisionGraph } from "../../../src/revisions/index.js";
import type { Revision } from "../../../src/revisions/types.js";

/** Extra fields of a literal revision. */
export interface RevOptions {
  labels?: string[];
  dependsOn?: string[];
  path?: string;
}

/** A revision literal: `rev("b", "a")`, `rev("m", ["x", "y"])`, `rev("a")` for a base. */
export function rev(id: string, down: string | string[] | null = null, options: RevOptions = {}): Revision {
  return {
    id,
    downRevisions: down === null ? [] : Array.isArray(down) ? down : [down],
    branchLabels: options.labels ?? [],
    dependsOn: options.dependsOn ?? [],
    message: `revision ${id}`,
    ...(options.path ? { path: options.path } : {}),
  };
}

/**
 * a1 → a2 (branch point) → b1 ("cart") → b2      heads: b2, c2
 *                        → c1 → c2
 */
export function branchGraph(): RevisionGraph {
  return RevisionGraph.build([
    rev("a1"),
    rev("a2", "a1"),
    rev("b1", "a2", { labels: ["cart"] }),
    rev("b2", "b1"),
    rev("c1", "a2"),
    rev("c2", "c1"),
  ]);
}

/** m0 → m1 → m2a, m2b → mm (merge of both) → m4 */
export function mergeGraph(): RevisionGraph {
  return RevisionGraph.build([rev("m0"), rev("m1", "m0"), rev("m2a", "m1"), rev("m2b", "m1"), rev("mm", ["m2a", "m2b"]), rev("m4", "mm")]);
}

/**
 * Two independent bases; net2 depends on acc2 across branches.
 * acc1 ("accounts") → acc2 → acc3
 * net1 ("net") → net2 (dependsOn acc2) → net3
 */
export function dependencyGraph(): RevisionGraph {
  return RevisionGraph.build([
    rev("acc1", null, { labels: ["accounts"] }),
    rev("acc2", "acc1"),
    rev("acc3", "acc2"),
    rev("net1", null, { labels: ["net"] }),
    rev("net2", "net1", { dependsOn: ["acc2"] }),
    rev("net3", "net2"),
  ]);
}

/** The MigrateError `fn` throws; fails the test when it returns or throws something else. */
export function thrown(fn: () => unknown): MigrateError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MigrateError) return error;
    throw error;
  }
  throw new Error("expected a MigrateError, but nothing was thrown");
}
