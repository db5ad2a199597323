import { describe, expect, it } from "vitest";
import { planDowngrade, resolveDowngradeTarget, type Step } from "../../../src/revisions/index.js";
import { branchGraph, dependencyGraph, mergeGraph, thrown } from "./rev.js";

function trace(steps: Step[]): [string, string[]][] {
  for (let i = 1; i < steps.length; i++) expect(steps[i]?.rowsBefore).toEqual(steps[i - 1]?.rowsAfter);
  for (const step of steps) expect(step.direction).toBe("down");
  return steps.map((s) => [s.revision, s.rowsAfter]);
}

describe("planDowngrade", () => {
  it("removes both branches above a branch point, children first", () => {
    const steps = planDowngrade(branchGraph(), ["b2", "c2"], ["a2"]);
    expect(steps[0]?.rowsBefore).toEqual(["b2", "c2"]);
    expect(trace(steps)).toEqual([
      ["c2", ["b2", "c1"]],
      ["c1", ["b2"]],
      ["b2", ["b1"]],
      ["b1", ["a2"]],
    ]);
  });

  it("removes a merge and splits its rows back into its parents", () => {
    expect(trace(planDowngrade(mergeGraph(), ["m4"], ["m1"]))).toEqual([
      ["m4", ["mm"]],
      ["mm", ["m2a", "m2b"]],
      ["m2b", ["m2a"]],
      ["m2a", ["m1"]],
    ]);
  });

  it("removes revisions that depend on the removed ones, on other branches too; a dependency gets its row back", () => {
    expect(trace(planDowngrade(dependencyGraph(), ["acc2", "net3"], ["acc1"]))).toEqual([
      ["net3", ["net2"]],
      ["net2", ["acc2", "net1"]],
      ["acc2", ["acc1", "net1"]],
    ]);
  });

  it("removes everything for base", () => {
    expect(trace(planDowngrade(dependencyGraph(), ["acc2", "net3"], []))).toEqual([
      ["net3", ["net2"]],
      ["net2", ["acc2", "net1"]],
      ["net1", ["acc2"]],
      ["acc2", ["acc1"]],
      ["acc1", []],
    ]);
  });

  it("plans nothing for a target equal to a current row", () => {
    expect(planDowngrade(branchGraph(), ["b2", "c2"], ["c2"])).toEqual([]);
    expect(planDowngrade(branchGraph(), [], [])).toEqual([]);
  });

  it("rejects a target that is not applied", () => {
    const error = thrown(() => planDowngrade(branchGraph(), ["b2"], ["c1"]));
    expect(error.code).toBe("target");
    expect(error.message).toBe("Cannot downgrade to c1: it is not applied (current: b2).");
    expect(error.hint).toBeTruthy();
  });

  it("removes exactly one revision for -1 on a branch, leaving the sibling branch", () => {
    const graph = branchGraph();
    const target = resolveDowngradeTarget(graph, "cart@-1", ["b2", "c2"]);
    expect(trace(planDowngrade(graph, ["b2", "c2"], target))).toEqual([["b2", ["b1", "c2"]]]);
  });

  it("removes one line for <rev>-1, where a plain downgrade to the parent would remove both", () => {
    const graph = branchGraph();
    expect(trace(planDowngrade(graph, ["b2", "c2"], resolveDowngradeTarget(graph, "c1-1", ["b2", "c2"])))).toEqual([
      ["c2", ["b2", "c1"]],
      ["c1", ["b2"]],
    ]);
    expect(planDowngrade(graph, ["b2", "c2"], ["a2"]).map((s) => s.revision)).toEqual(["c2", "c1", "b2", "b1"]);
  });

  it("removes a whole labelled branch for label@base", () => {
    const graph = branchGraph();
    expect(trace(planDowngrade(graph, ["b2", "c2"], resolveDowngradeTarget(graph, "cart@base", ["b2", "c2"])))).toEqual([
      ["b2", ["b1", "c2"]],
      ["b1", ["c2"]],
    ]);
    const deps = dependencyGraph();
    expect(trace(planDowngrade(deps, ["acc3", "net3"], resolveDowngradeTarget(deps, "accounts@base", ["acc3", "net3"])))).toEqual([
      ["net3", ["acc3", "net2"]],
      ["net2", ["acc3", "net1"]],
      ["acc3", ["acc2", "net1"]],
      ["acc2", ["acc1", "net1"]],
      ["acc1", ["net1"]],
    ]);
  });

  it("removes a merge for -1 from just above it, back to both parents", () => {
    const graph = mergeGraph();
    expect(trace(planDowngrade(graph, ["m4"], resolveDowngradeTarget(graph, "-2", ["m4"])))).toEqual([
      ["m4", ["mm"]],
      ["mm", ["m2a", "m2b"]],
    ]);
  });

  it("rejects an unknown version row", () => {
    expect(thrown(() => planDowngrade(branchGraph(), ["b2", "gone"], [])).code).toBe("version-table");
  });
});
