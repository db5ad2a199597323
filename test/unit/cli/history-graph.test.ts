import { describe, expect, it } from "vitest";
import { drawGraph, graphDiagram } from "../../../src/cli/history-graph.js";
import type { RevisionInfo } from "../../../src/project/revision-info.js";

/** A RevisionInfo with only what the pictures read. */
function rev(id: string, downRevisions: string[], dependsOn: string[] = [], message = `rev ${id}`): RevisionInfo {
  return {
    revision: { id, downRevisions, dependsOn, branchLabels: [], message },
    isHead: false,
    isBase: downRevisions.length === 0,
    isBranchPoint: false,
    isMergePoint: downRevisions.length > 1,
    labels: [],
    children: [],
    isCurrent: false,
  };
}

// a <- b <- c, b <- d, m merges c and d; e (a second root) depends on c. Newest first, as history lists them.
const graph = [rev("m", ["c", "d"]), rev("e", [], ["c"]), rev("d", ["b"]), rev("c", ["b"]), rev("b", ["a"]), rev("a", [])];

describe("history --graph", () => {
  it("draws lanes like git log --graph: a merge opens one, a branch point closes one", () => {
    expect(drawGraph(graph, (i) => i.revision.id)).toEqual([
      "*  m",
      "| \\",
      "| | *  e",
      "| *  d",
      "* |  c",
      "| /",
      "*  b",
      "*  a",
    ]);
  });

  it("keeps a lane per open head", () => {
    expect(drawGraph([rev("x", ["a"]), rev("y", ["a"]), rev("a", [])], (i) => i.revision.id)).toEqual(["*  x", "| *  y", "| /", "*  a"]);
  });
});

describe("history --format", () => {
  it("writes mermaid with parent → child edges and dashed dependencies, quotes escaped", () => {
    const text = graphDiagram([rev("b", ["a"], [], 'say "hi"'), rev("a", []), rev("z", [], ["a"])], "mermaid");
    expect(text.split("\n")).toEqual(["flowchart BT", '  r0["b: say #quot;hi#quot;"]', '  r1["a: rev a"]', '  r2["z: rev z"]', "  r1 -.-> r2", "  r1 --> r0"]);
  });

  it("writes dot, leaving out edges to revisions outside the listed range", () => {
    const text = graphDiagram([rev("c", ["b"]), rev("b", ["a"])], "dot");
    expect(text).toBe(['digraph revisions {', "  rankdir=BT;", "  node [shape=box];", '  "c" [label="c\\nrev c"];', '  "b" [label="b\\nrev b"];', '  "b" -> "c";', "}"].join("\n"));
  });
});
