import { describe, expect, it } from "vitest";
import {
  RevisionGraph,
  historyOrder,
  planDowngrade,
  planUpgrade,
  resolveRevision,
  resolveTarget,
} from "../../../src/revisions/index.js";
import type { Revision } from "../../../src/revisions/types.js";
import { rev } from "./rev.js";

const COUNT = 5_000;
const id = (i: number): string => `r${String(i).padStart(5, "0")}`;

describe("a linear graph of 5,000 revisions (checks results, not time)", () => {
  const revisions: Revision[] = Array.from({ length: COUNT }, (_, i) => rev(id(i), i === 0 ? null : id(i - 1)));
  // Reversed input: building must not depend on the order files are read in.
  const graph = RevisionGraph.build([...revisions].reverse());

  it("resolves head and prefixes", () => {
    expect(resolveTarget(graph, "head", [], "up")).toEqual([id(COUNT - 1)]);
    expect(graph.heads()).toEqual([id(COUNT - 1)]);
    expect(resolveRevision(graph, "r04999")).toBe(id(4999));
    expect(() => resolveRevision(graph, "r0499")).toThrow(/prefix of 10 revisions: r04990, r04991, .* and r04999/);
    expect(resolveTarget(graph, "head-4999", [], "up")).toEqual([id(0)]);
  });

  it("plans base to head as 5,000 steps with one row each", () => {
    const steps = planUpgrade(graph, [], resolveTarget(graph, "head", [], "up"));
    expect(steps).toHaveLength(COUNT);
    expect(steps[0]).toEqual({ revision: id(0), direction: "up", rowsBefore: [], rowsAfter: [id(0)] });
    expect(steps[COUNT - 1]?.rowsAfter).toEqual([id(COUNT - 1)]);
    expect(steps.every((s, i) => s.revision === id(i) && s.rowsAfter.length === 1)).toBe(true);
  });

  it("plans head to base as 5,000 steps and lists history newest first", () => {
    const steps = planDowngrade(graph, [id(COUNT - 1)], []);
    expect(steps).toHaveLength(COUNT);
    expect(steps[COUNT - 1]).toEqual({ revision: id(0), direction: "down", rowsBefore: [id(0)], rowsAfter: [] });
    const order = historyOrder(graph);
    expect(order).toHaveLength(COUNT);
    expect(order[0]).toBe(id(COUNT - 1));
    expect(order[COUNT - 1]).toBe(id(0));
  });

  it("handles 5,000 independent bases (many rows) in one upgrade", () => {
    const wide = RevisionGraph.build(Array.from({ length: COUNT }, (_, i) => rev(id(i))));
    const steps = planUpgrade(wide, [], wide.heads());
    expect(steps).toHaveLength(COUNT);
    expect(steps[COUNT - 1]?.rowsAfter).toHaveLength(COUNT);
  });
});
