import { describe, expect, it } from "vitest";
import { historyOrder, historyRange, parseRange } from "../../../src/revisions/index.js";
import { branchGraph, dependencyGraph, mergeGraph, thrown } from "./rev.js";

describe("historyOrder", () => {
  it("lists newest first, one branch at a time", () => {
    expect(historyOrder(branchGraph())).toEqual(["b2", "b1", "c2", "c1", "a2", "a1"]);
    expect(historyOrder(mergeGraph())).toEqual(["m4", "mm", "m2a", "m2b", "m1", "m0"]);
  });

  it("lists a dependency after the revision that depends on it", () => {
    const order = historyOrder(dependencyGraph());
    expect(order).toEqual(["acc3", "net3", "net2", "acc2", "acc1", "net1"]);
    expect(order.indexOf("net2")).toBeLessThan(order.indexOf("acc2"));
  });
});

describe("parseRange", () => {
  it("splits from:to with either side empty", () => {
    expect(parseRange("a:b")).toEqual({ from: "a", to: "b" });
    expect(parseRange("cart@base:")).toEqual({ from: "cart@base" });
    expect(parseRange(":head")).toEqual({ to: "head" });
    expect(parseRange(":")).toEqual({});
  });

  it("rejects a spec without exactly one colon", () => {
    expect(thrown(() => parseRange("abc")).code).toBe("target");
    expect(thrown(() => parseRange("a:b:c")).message).toContain('"a:b:c" is not a range');
  });
});

describe("historyRange", () => {
  const graph = branchGraph();

  it("selects from (inclusive, no ancestors) up to to (inclusive)", () => {
    expect(historyRange(graph, "a2:c2", [])).toEqual(["c2", "c1", "a2"]);
    expect(historyRange(graph, ":c1", [])).toEqual(["c1", "a2", "a1"]);
    expect(historyRange(graph, "cart@base:", [])).toEqual(["b2", "b1"]);
    expect(historyRange(graph, "base:heads", [])).toEqual(historyOrder(graph));
    expect(historyRange(graph, {}, [])).toEqual(historyOrder(graph));
    expect(historyRange(graph, ":base", [])).toEqual([]);
  });

  it("accepts current as either end", () => {
    expect(historyRange(graph, "current:", ["b1"])).toEqual(["b2", "b1"]);
    expect(historyRange(graph, ":current", ["b1"])).toEqual(["b1", "a2", "a1"]);
    expect(historyRange(graph, "current:", [])).toEqual(historyOrder(graph));
    expect(historyRange(graph, "-1:current", ["b2"])).toEqual(["b2", "b1"]);
  });

  it("pulls in dependencies going up to a head, but not going up from a base", () => {
    const deps = dependencyGraph();
    expect(historyRange(deps, ":net@head", [])).toEqual(["net3", "net2", "acc2", "acc1", "net1"]);
    expect(historyRange(deps, "net@base:", [])).toEqual(["net3", "net2", "net1"]);
  });

  it("rejects a range whose start is not below its end", () => {
    const error = thrown(() => historyRange(graph, "c2:a2", []));
    expect(error.code).toBe("target");
    expect(error.message).toContain("c2 is not at or below a2");
    expect(thrown(() => historyRange(graph, "b1:c2", [])).code).toBe("target");
  });
});
