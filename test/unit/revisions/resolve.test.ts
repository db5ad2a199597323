import { describe, expect, it } from "vitest";
import { RevisionGraph, resolveRevision } from "../../../src/revisions/index.js";
import { branchGraph, rev, thrown } from "./rev.js";

describe("resolveRevision", () => {
  const graph = branchGraph();

  it("resolves a full id, a unique prefix and a label (its head)", () => {
    expect(resolveRevision(graph, "c1")).toBe("c1");
    expect(resolveRevision(graph, "cart")).toBe("b2");
    const long = RevisionGraph.build([rev("3f2a9c1b7d4e"), rev("3f2b00000000", "3f2a9c1b7d4e")]);
    expect(resolveRevision(long, "3f2a")).toBe("3f2a9c1b7d4e");
    expect(resolveRevision(long, " 3f2b ")).toBe("3f2b00000000");
  });

  it("prefers an exact id over a longer id it prefixes", () => {
    const graph2 = RevisionGraph.build([rev("ab"), rev("abc", "ab")]);
    expect(resolveRevision(graph2, "ab")).toBe("ab");
  });

  it("lists every match of an ambiguous prefix", () => {
    const error = thrown(() => resolveRevision(graph, "b"));
    expect(error.code).toBe("ambiguous-revision");
    expect(error.message).toBe('Revision "b" is ambiguous: it is a prefix of 2 revisions: b1 and b2.');
    expect(error.hint).toContain("more characters");
    const many = RevisionGraph.build(["ae1", "ae2", "ae3", "ae4"].map((id) => rev(id)));
    expect(thrown(() => resolveRevision(many, "ae")).message).toContain("ae1, ae2, ae3 and ae4");
  });

  it("reports an unknown reference and an empty one", () => {
    const unknown = thrown(() => resolveRevision(graph, "zz"));
    expect(unknown.code).toBe("unknown-revision");
    expect(unknown.message).toContain('"zz"');
    expect(unknown.hint).toBeTruthy();
    expect(thrown(() => resolveRevision(graph, "  ")).code).toBe("target");
  });

  it("reports a label whose branch has several heads", () => {
    const forked = RevisionGraph.build([rev("a", null, { labels: ["main"] }), rev("b", "a"), rev("c", "a")]);
    expect(thrown(() => resolveRevision(forked, "main")).code).toBe("multiple-heads");
  });
});
