import { describe, expect, it } from "vitest";
import { planStamp } from "../../../src/revisions/index.js";
import { branchGraph, dependencyGraph, thrown } from "./rev.js";

describe("planStamp", () => {
  it("stamps a revision on one branch and keeps the other branch's row", () => {
    expect(planStamp(branchGraph(), ["b2", "c2"], ["b1"])).toEqual(["b1", "c2"]);
    expect(planStamp(branchGraph(), ["c2"], ["b2"])).toEqual(["b2", "c2"]);
  });

  it("moves a row forward on its own line", () => {
    expect(planStamp(branchGraph(), ["c1"], ["c2"])).toEqual(["c2"]);
  });

  it("removes what depends on a stamped-back revision", () => {
    expect(planStamp(dependencyGraph(), ["acc2", "net3"], ["acc1"])).toEqual(["acc1", "net1"]);
  });

  it("gives one result for targets on the same line, in any order", () => {
    expect(planStamp(branchGraph(), ["c2"], ["b1", "b2"])).toEqual(["b2", "c2"]);
    expect(planStamp(branchGraph(), ["c2"], ["b2", "b1"])).toEqual(["b2", "c2"]);
    expect(planStamp(branchGraph(), ["b2", "c2"], ["a2", "b1"])).toEqual(["b1"]);
  });

  it("stamps base as no rows", () => {
    expect(planStamp(branchGraph(), ["b2", "c2"], [])).toEqual([]);
  });

  it("with purge, ignores the current rows, even unknown ones", () => {
    expect(planStamp(branchGraph(), ["gone"], ["b1"], { purge: true })).toEqual(["b1"]);
    expect(planStamp(branchGraph(), ["b2", "c2"], ["b1"], { purge: true })).toEqual(["b1"]);
  });

  it("without purge, rejects unknown current rows", () => {
    const error = thrown(() => planStamp(branchGraph(), ["gone"], ["b1"]));
    expect(error.code).toBe("version-table");
    expect(error.message).toContain("gone");
  });

  it("checks every target before computing anything", () => {
    expect(thrown(() => planStamp(branchGraph(), ["b2"], ["b1", "missing"])).code).toBe("unknown-revision");
  });
});
