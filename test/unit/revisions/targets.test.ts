import { describe, expect, it } from "vitest";
import { RevisionGraph, resolveDowngradeTarget, resolveTarget } from "../../../src/revisions/index.js";
import { branchGraph, dependencyGraph, mergeGraph, rev, thrown } from "./rev.js";

const branch = branchGraph();
const up = (spec: string, current: string[] = []): string[] => resolveTarget(branch, spec, current, "up");

describe("resolveTarget: absolute forms", () => {
  it("resolves heads, base, ids, prefixes and labels", () => {
    expect(up("heads")).toEqual(["b2", "c2"]);
    expect(up("base")).toEqual([]);
    expect(up("c1")).toEqual(["c1"]);
    expect(up("cart")).toEqual(["b2"]);
    expect(up("cart@head")).toEqual(["b2"]);
    expect(up("cart@base")).toEqual(["b1"]);
    expect(up("cart@b1")).toEqual(["b1"]);
    expect(up("c1@head")).toEqual(["c2"]);
    expect(up("b1@head")).toEqual(["b2"]);
  });

  it("resolves head when there is one head, and base-to-nothing on an empty graph", () => {
    expect(resolveTarget(mergeGraph(), "head", [], "up")).toEqual(["m4"]);
    expect(resolveTarget(RevisionGraph.build([]), "head", [], "up")).toEqual([]);
  });

  it("rejects head with several heads, suggesting heads, a label and an id", () => {
    const error = thrown(() => up("head"));
    expect(error.code).toBe("multiple-heads");
    expect(error.message).toBe('The target "head" is ambiguous: there are 2 heads: b2 and c2.');
    expect(error.hint).toContain("`heads`");
    expect(error.hint).toContain("`cart@head`");
    expect(error.hint).toContain("`b2`");
  });

  it("rejects a revision that is not on the named branch", () => {
    const error = thrown(() => up("cart@c1"));
    expect(error.code).toBe("target");
    expect(error.message).toContain('Revision c1 is not on branch "cart"');
  });

  it("rejects <rev>@head when the revision leads to several heads", () => {
    const error = thrown(() => up("a2@head"));
    expect(error.code).toBe("multiple-heads");
    expect(error.message).toContain("a2 leads to 2 heads: b2 and c2");
  });

  it("rejects unknown labels, empty targets and zero steps", () => {
    expect(thrown(() => up("nolabel@head")).code).toBe("unknown-revision");
    expect(thrown(() => up("c1@base")).message).toContain('No branch is labelled "c1"');
    expect(thrown(() => up("")).code).toBe("target");
    expect(thrown(() => up("+0")).message).toContain("moves nowhere");
    expect(thrown(() => up("zz")).code).toBe("unknown-revision");
    expect(thrown(() => up("b")).code).toBe("ambiguous-revision");
  });
});

describe("resolveTarget: relative to the current rows", () => {
  it("walks +N from base with a single base", () => {
    expect(up("+1")).toEqual(["a1"]);
    expect(up("+2")).toEqual(["a2"]);
  });

  it("walks +N from the one current row", () => {
    expect(up("+1", ["a1"])).toEqual(["a2"]);
    expect(up("+1", ["b1"])).toEqual(["b2"]);
    // b2 is already a head, so only c1 can move: not ambiguous.
    expect(up("+1", ["b2", "c1"])).toEqual(["c2"]);
  });

  it("rejects +N through a branch point, explaining the choice", () => {
    const error = thrown(() => up("+3"));
    expect(error.code).toBe("target");
    expect(error.message).toBe("Relative revision +3 is ambiguous: a2 is a branch point (children b1 and c1).");
    expect(error.hint).toContain("@+3");
  });

  it("rejects +N past head", () => {
    expect(thrown(() => up("+2", ["b1"])).message).toBe("Relative revision +2 goes past head: only 1 revision lies above b1.");
    expect(thrown(() => up("+1", ["b2", "c2"])).message).toContain("goes past head");
  });

  it("rejects +N with several movable current rows", () => {
    const error = thrown(() => up("+1", ["b1", "c1"]));
    expect(error.code).toBe("multiple-heads");
    expect(error.message).toContain("b1 and c1");
    expect(error.hint).toContain("`cart@+1`");
    expect(error.hint).toContain("`b1+1`");
  });

  it("rejects +N from base with several bases", () => {
    const error = thrown(() => resolveTarget(dependencyGraph(), "+1", [], "up"));
    expect(error.message).toBe("Relative revision +1 is ambiguous: there are 2 bases (acc1 and net1).");
  });

  it("walks -N down from the one current row", () => {
    expect(up("-1", ["b2"])).toEqual(["b1"]);
    expect(up("-3", ["b2"])).toEqual(["a1"]);
    expect(up("-4", ["b2"])).toEqual([]);
    expect(resolveDowngradeTarget(branch, "-1", ["b2"])).toEqual({ revisions: ["b1"], removeRoots: ["b2"] });
  });

  it("rejects -N with two current heads, suggesting label@-1 or rev-1", () => {
    const error = thrown(() => resolveDowngradeTarget(branch, "-1", ["b2", "c2"]));
    expect(error.code).toBe("multiple-heads");
    expect(error.message).toBe("Relative revision -1 is ambiguous: the database has 2 current heads: b2 and c2.");
    expect(error.hint).toContain("`<label>@-1`");
    expect(error.hint).toContain("`<rev>-1`");
    expect(error.hint).toContain("`cart@-1`");
    expect(error.hint).toContain("`b2-1`");
  });

  it("rejects -N past base", () => {
    expect(thrown(() => up("-5", ["b2"])).message).toBe("Relative revision -5 goes past base: b2 is only 4 revisions above base.");
    expect(thrown(() => up("-1", [])).message).toBe("Relative revision -1 goes past base: nothing is applied.");
  });

  it("ends -N at all parents of a merge on the last step, and rejects a merge before it", () => {
    const merge = mergeGraph();
    expect(resolveDowngradeTarget(merge, "-2", ["m4"])).toEqual({ revisions: ["m2a", "m2b"], removeRoots: ["mm"] });
    const error = thrown(() => resolveTarget(merge, "-3", ["m4"], "down"));
    expect(error.code).toBe("target");
    expect(error.message).toBe("Relative revision -3 is ambiguous: mm is a merge point (parents m2a and m2b).");
    expect(error.hint).toContain("`m2a-1`");
  });

  it("reads the current rows as a whole: redundant ancestors do not count as heads", () => {
    expect(up("-1", ["a1", "b2"])).toEqual(["b1"]);
  });

  it("checks the current rows", () => {
    expect(thrown(() => up("+1", ["zz"])).code).toBe("version-table");
  });
});

describe("resolveTarget: relative to a revision or a branch", () => {
  it("walks <rev>+N, <rev>-N, head-N and base+N", () => {
    expect(up("a1+1")).toEqual(["a2"]);
    expect(up("b2-2")).toEqual(["a2"]);
    expect(up("c2-1")).toEqual(["c1"]);
    expect(up("base+1")).toEqual(["a1"]);
    expect(resolveTarget(mergeGraph(), "head-1", [], "up")).toEqual(["mm"]);
    expect(resolveDowngradeTarget(mergeGraph(), "head-1", [])).toEqual({ revisions: ["mm"], removeRoots: ["m4"] });
    expect(resolveTarget(mergeGraph(), "m2a+1", [], "up")).toEqual(["mm"]);
  });

  it("rejects relative forms that are ambiguous or leave the graph", () => {
    expect(thrown(() => up("a2+1")).message).toContain("a2 is a branch point");
    expect(thrown(() => up("b2+1")).message).toBe("Relative revision b2+1 goes past head: b2 is a head.");
    expect(thrown(() => up("head-1")).code).toBe("multiple-heads");
    expect(thrown(() => up("base-1")).message).toContain("goes past base");
  });

  it("walks <label>@+N from the branch's current row, or from before its base", () => {
    expect(up("cart@+1", ["a2"])).toEqual(["b1"]);
    expect(up("cart@+2", [])).toEqual(["b2"]);
    expect(up("cart@+1", ["b1", "c2"])).toEqual(["b2"]);
    expect(thrown(() => up("cart@+3", [])).message).toBe("Relative revision cart@+3 goes past head: only 2 revisions lie above base.");
  });

  it("walks <label>@-N from the branch's current row, leaving other branches alone", () => {
    expect(resolveDowngradeTarget(branch, "cart@-1", ["b2", "c2"])).toEqual({ revisions: ["b1"], removeRoots: ["b2"] });
    expect(resolveDowngradeTarget(branch, "cart@-2", ["b2", "c2"])).toEqual({ revisions: ["a2"], removeRoots: ["b1"] });
    expect(thrown(() => up("cart@-3", ["b2"])).message).toBe('Relative revision cart@-3 goes past the base of branch "cart" (b1).');
    expect(thrown(() => up("cart@-1", ["c2"])).message).toContain('no revision of branch "cart" is applied');
  });

  it("walks <label>@head-N and <label>@base+N inside the branch", () => {
    expect(up("cart@head-1")).toEqual(["b1"]);
    expect(up("cart@base+1")).toEqual(["b2"]);
    expect(up("cart@b1+1")).toEqual(["b2"]);
  });

  it("uses the labelled parent to walk down through a merge", () => {
    const graph = RevisionGraph.build([rev("r"), rev("x1", "r", { labels: ["x"] }), rev("x2", "x1"), rev("y1", "r"), rev("m", ["x2", "y1"]), rev("n", "m")]);
    expect(resolveTarget(graph, "x@-3", ["n"], "up")).toEqual(["x1"]);
    expect(thrown(() => resolveTarget(graph, "-3", ["n"], "up")).message).toContain("m is a merge point");
  });

  it("treats label@base as removing the whole branch when going down", () => {
    expect(resolveDowngradeTarget(branch, "cart@base", ["b2", "c2"])).toEqual({ revisions: ["a2"], removeRoots: ["b1"] });
    const deps = dependencyGraph();
    expect(resolveDowngradeTarget(deps, "net@base", ["net3"])).toEqual({ revisions: [], removeRoots: ["net1"] });
  });

  it("lets labels contain dashes without clashing with relative steps", () => {
    const graph = RevisionGraph.build([rev("a1", null, { labels: ["net-core"] }), rev("a2", "a1"), rev("a3", "a2")]);
    expect(resolveTarget(graph, "net-core", [], "up")).toEqual(["a3"]);
    expect(resolveTarget(graph, "net-core-1", [], "up")).toEqual(["a2"]);
    expect(resolveTarget(graph, "net-core@-1", ["a3"], "up")).toEqual(["a2"]);
  });
});
