import { describe, expect, it } from "vitest";
import { planUpgrade, resolveTarget, type Step } from "../../../src/revisions/index.js";
import { branchGraph, dependencyGraph, mergeGraph, thrown } from "./rev.js";

/** [revision, rowsAfter] per step, after checking each step starts where the previous ended. */
function trace(steps: Step[]): [string, string[]][] {
  for (let i = 1; i < steps.length; i++) expect(steps[i]?.rowsBefore).toEqual(steps[i - 1]?.rowsAfter);
  for (const step of steps) expect(step.direction).toBe("up");
  return steps.map((s) => [s.revision, s.rowsAfter]);
}

describe("planUpgrade", () => {
  it("applies both sides of a branch point, one branch at a time", () => {
    const graph = branchGraph();
    const steps = planUpgrade(graph, [], resolveTarget(graph, "heads", [], "up"));
    expect(steps[0]?.rowsBefore).toEqual([]);
    expect(trace(steps)).toEqual([
      ["a1", ["a1"]],
      ["a2", ["a2"]],
      ["b1", ["b1"]],
      ["b2", ["b2"]],
      ["c1", ["b2", "c1"]],
      ["c2", ["b2", "c2"]],
    ]);
  });

  it("applies only the named branch", () => {
    const graph = branchGraph();
    expect(trace(planUpgrade(graph, ["a2"], ["c2"]))).toEqual([
      ["c1", ["c1"]],
      ["c2", ["c2"]],
    ]);
    expect(trace(planUpgrade(graph, ["c2"], ["b2"]))).toEqual([
      ["b1", ["b1", "c2"]],
      ["b2", ["b2", "c2"]],
    ]);
  });

  it("applies both parents of a merge before the merge, and joins their rows", () => {
    expect(trace(planUpgrade(mergeGraph(), [], ["m4"]))).toEqual([
      ["m0", ["m0"]],
      ["m1", ["m1"]],
      ["m2a", ["m2a"]],
      ["m2b", ["m2a", "m2b"]],
      ["mm", ["mm"]],
      ["m4", ["m4"]],
    ]);
    expect(trace(planUpgrade(mergeGraph(), ["m2a"], ["mm"]))).toEqual([
      ["m2b", ["m2a", "m2b"]],
      ["mm", ["mm"]],
    ]);
  });

  it("applies a dependency from another branch first; as in Alembic its row joins the dependent's", () => {
    expect(trace(planUpgrade(dependencyGraph(), [], ["net3"]))).toEqual([
      ["acc1", ["acc1"]],
      ["acc2", ["acc2"]],
      ["net1", ["acc2", "net1"]],
      ["net2", ["net2"]],
      ["net3", ["net3"]],
    ]);
  });

  it("skips a dependency that is already applied", () => {
    expect(trace(planUpgrade(dependencyGraph(), ["acc3"], ["net3"]))).toEqual([
      ["net1", ["acc3", "net1"]],
      ["net2", ["acc3", "net2"]],
      ["net3", ["acc3", "net3"]],
    ]);
  });

  it("plans nothing when the target is already applied", () => {
    expect(planUpgrade(branchGraph(), ["b2"], ["b1"])).toEqual([]);
    expect(planUpgrade(branchGraph(), ["b2", "c2"], ["b2", "c2"])).toEqual([]);
  });

  it("starts from the rows as given and cleans up redundant ones", () => {
    const steps = planUpgrade(branchGraph(), ["b1", "a1", "b1"], ["b2"]);
    expect(steps[0]?.rowsBefore).toEqual(["a1", "b1"]);
    expect(steps[0]?.rowsAfter).toEqual(["b2"]);
  });

  it("rejects an unknown version row with a version-table error", () => {
    const error = thrown(() => planUpgrade(branchGraph(), ["deadbeef"], ["b2"]));
    expect(error.code).toBe("version-table");
    expect(error.message).toBe("The version table names revision deadbeef, which no revision file defines.");
    expect(error.hint).toBe("Run `migrate stamp --purge <rev>` to reset the version table, or restore the missing file.");
  });

  it("rejects an unknown target id", () => {
    expect(thrown(() => planUpgrade(branchGraph(), [], ["nope"])).code).toBe("unknown-revision");
  });
});
