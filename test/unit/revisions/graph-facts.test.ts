import { describe, expect, it } from "vitest";
import { RevisionGraph } from "../../../src/revisions/index.js";
import { branchGraph, dependencyGraph, mergeGraph, rev, thrown } from "./rev.js";

describe("RevisionGraph facts", () => {
  it("finds heads, bases, branch points and merge points", () => {
    const branch = branchGraph();
    expect(branch.heads()).toEqual(["b2", "c2"]);
    expect(branch.bases()).toEqual(["a1"]);
    expect(branch.branchPoints()).toEqual(["a2"]);
    expect(branch.isBranchPoint("a2")).toBe(true);
    expect(branch.isBranchPoint("b1")).toBe(false);
    expect(branch.children("a2")).toEqual(["b1", "c1"]);
    expect(branch.parents("b1")).toEqual(["a2"]);
    expect(branch.isHead("b2")).toBe(true);
    expect(branch.isBase("a1")).toBe(true);

    const merge = mergeGraph();
    expect(merge.mergePoints()).toEqual(["mm"]);
    expect(merge.isMergePoint("mm")).toBe(true);
    expect(merge.isMergePoint("m4")).toBe(false);
    expect(merge.parents("mm")).toEqual(["m2a", "m2b"]);
    expect(merge.heads()).toEqual(["m4"]);
  });

  it("ignores dependsOn for heads() but not for realHeads()", () => {
    const graph = RevisionGraph.build([rev("acc1"), rev("acc2", "acc1"), rev("net1"), rev("net2", "net1", { dependsOn: ["acc2"] })]);
    expect(graph.heads()).toEqual(["acc2", "net2"]);
    expect(graph.realHeads()).toEqual(["net2"]);
    expect(graph.dependencies("net2")).toEqual(["acc2"]);
    expect(graph.dependents("acc2")).toEqual(["net2"]);
    expect(graph.children("acc2")).toEqual([]);
  });

  it("resolves dependsOn given as a unique prefix or a branch label (the label's declaring revision)", () => {
    const graph = RevisionGraph.build([
      rev("f00dcafe", null, { labels: ["food"] }),
      rev("f00dbeef", "f00dcafe"),
      rev("x1", null, { dependsOn: ["f00dc"] }),
      rev("x2", "x1", { dependsOn: ["food"] }),
      rev("x3", "x2", { dependsOn: ["f00dbeef", "f00dbe"] }),
    ]);
    expect(graph.dependencies("x1")).toEqual(["f00dcafe"]);
    expect(graph.dependencies("x2")).toEqual(["f00dcafe"]);
    expect(graph.dependencies("x3")).toEqual(["f00dbeef"]);
  });

  it("spreads branch labels to descendants but not to ancestors or siblings", () => {
    const branch = branchGraph();
    expect(branch.branchLabelsOf("b1")).toEqual(["cart"]);
    expect(branch.branchLabelsOf("b2")).toEqual(["cart"]);
    expect(branch.branchLabelsOf("a2")).toEqual([]);
    expect(branch.branchLabelsOf("c2")).toEqual([]);
    expect(branch.labels()).toEqual(["cart"]);
    expect(branch.labelBase("cart")).toBe("b1");
    expect(branch.labelHead("cart")).toBe("b2");
  });

  it("gives a merge the labels of all its parents, plus its own", () => {
    const graph = RevisionGraph.build([
      rev("r"),
      rev("x1", "r", { labels: ["x"] }),
      rev("y1", "r", { labels: ["y", "yy"] }),
      rev("m", ["x1", "y1"], { labels: ["merged"] }),
      rev("after", "m"),
    ]);
    expect(graph.branchLabelsOf("m")).toEqual(["merged", "x", "y", "yy"]);
    expect(graph.branchLabelsOf("after")).toEqual(["merged", "x", "y", "yy"]);
    expect(graph.labelHead("x")).toBe("after");
    expect(graph.labelHeads("y")).toEqual(["after"]);
    expect(graph.carriesLabel("x1", "y")).toBe(false);
  });

  it("reports a label with several heads as multiple-heads", () => {
    const graph = RevisionGraph.build([rev("a", null, { labels: ["main"] }), rev("b", "a"), rev("c", "a")]);
    expect(graph.labelHeads("main")).toEqual(["b", "c"]);
    const error = thrown(() => graph.labelHead("main"));
    expect(error.code).toBe("multiple-heads");
    expect(error.message).toBe('Branch "main" has 2 heads: b and c.');
  });

  it("walks ancestors and descendants with and without dependencies", () => {
    const graph = dependencyGraph();
    expect([...graph.ancestors("net3")].sort()).toEqual(["acc1", "acc2", "net1", "net2"]);
    expect([...graph.ancestors("net3", { dependencies: false })].sort()).toEqual(["net1", "net2"]);
    expect([...graph.ancestors("net3", { dependencies: false, inclusive: true })].sort()).toEqual(["net1", "net2", "net3"]);
    expect([...graph.descendants("acc2")].sort()).toEqual(["acc3", "net2", "net3"]);
    expect([...graph.descendants("acc2", { dependencies: false })]).toEqual(["acc3"]);
  });

  it("orders revisions topologically, one branch at a time, deterministically", () => {
    expect(branchGraph().order()).toEqual(["a1", "a2", "b1", "b2", "c1", "c2"]);
    expect(mergeGraph().order()).toEqual(["m0", "m1", "m2a", "m2b", "mm", "m4"]);
    expect(dependencyGraph().order()).toEqual(["acc1", "acc2", "acc3", "net1", "net2", "net3"]);
    const shuffled = RevisionGraph.build([rev("c2", "c1"), rev("b2", "b1"), rev("c1", "a2"), rev("a2", "a1"), rev("b1", "a2"), rev("a1")]);
    expect(shuffled.order()).toEqual(["a1", "a2", "b1", "b2", "c1", "c2"]);
  });

  it("answers lookups and rejects unknown ids", () => {
    const graph = branchGraph();
    expect(graph.has("a1")).toBe(true);
    expect(graph.has("a")).toBe(false);
    expect(graph.get("a1")?.message).toBe("revision a1");
    expect(graph.get("zz")).toBeUndefined();
    expect(graph.idsWithPrefix("b")).toEqual(["b1", "b2"]);
    const error = thrown(() => graph.children("zz"));
    expect(error.code).toBe("unknown-revision");
    expect(thrown(() => graph.labelBase("nolabel")).code).toBe("unknown-revision");
  });
});
