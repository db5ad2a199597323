import { describe, expect, it } from "vitest";
import { RevisionGraphError } from "../../../src/errors.js";
import { RevisionGraph } from "../../../src/revisions/index.js";
import type { Revision } from "../../../src/revisions/types.js";
import { rev, thrown } from "./rev.js";

function buildError(revisions: Revision[]): RevisionGraphError {
  const error = thrown(() => RevisionGraph.build(revisions));
  expect(error).toBeInstanceOf(RevisionGraphError);
  expect(error.code).toBe("revision-graph");
  expect(error.hint).toBeTruthy();
  return error as RevisionGraphError;
}

describe("RevisionGraph.build validation", () => {
  it("accepts an empty graph and a valid one", () => {
    expect(RevisionGraph.build([]).size).toBe(0);
    expect(RevisionGraph.build([rev("a"), rev("b", "a")]).size).toBe(2);
  });

  it("rejects a duplicate id, naming both files", () => {
    const error = buildError([rev("abc", null, { path: "versions/abc_one.ts" }), rev("abc", null, { path: "versions/abc_two.ts" })]);
    expect(error.message).toContain("abc");
    expect(error.message).toContain("versions/abc_one.ts");
    expect(error.message).toContain("versions/abc_two.ts");
  });

  it("rejects a duplicate id without paths", () => {
    expect(buildError([rev("abc"), rev("abc", null)]).message).toMatch(/abc is declared twice/);
  });

  it("rejects a downRevision that does not exist", () => {
    const error = buildError([rev("a"), rev("b", "zz", { path: "versions/b.ts" })]);
    expect(error.message).toContain("b (versions/b.ts) revises zz");
    expect(error.message).toContain("no revision file defines");
  });

  it("rejects a dependsOn that resolves to nothing", () => {
    const error = buildError([rev("a"), rev("b", "a", { dependsOn: ["nope"] })]);
    expect(error.message).toContain('depends on "nope"');
  });

  it("rejects a dependsOn prefix that matches several revisions, listing them", () => {
    const error = buildError([rev("ab1"), rev("ab2", "ab1"), rev("c", null, { dependsOn: ["ab"] })]);
    expect(error.message).toContain("ab1 and ab2");
  });

  it("rejects a revision that revises itself", () => {
    expect(buildError([rev("a", "a")]).message).toContain("a names itself as its downRevision");
  });

  it("rejects a revision that depends on itself, by id or through its own label", () => {
    expect(buildError([rev("a", null, { dependsOn: ["a"] })]).message).toContain("a lists itself in dependsOn");
    expect(buildError([rev("a", null, { labels: ["x"], dependsOn: ["x"] })]).message).toContain('a lists itself in dependsOn (as "x")');
  });

  it("rejects a cycle through downRevisions, naming the revisions on it", () => {
    const error = buildError([rev("base0"), rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("tail", "c")]);
    expect(error.message).toBe("Revisions form a cycle through downRevision: a revises c, c revises b, b revises a.");
  });

  it("rejects a cycle through downRevisions and dependsOn together as a dependency cycle", () => {
    const error = buildError([rev("acc1"), rev("acc2", "acc1", { dependsOn: ["net2"] }), rev("net1"), rev("net2", "net1", { dependsOn: ["acc2"] })]);
    expect(error.message).toBe("Revisions form a dependency cycle through downRevision and dependsOn: acc2 depends on net2, net2 depends on acc2.");
  });

  it("names both kinds of edge on a mixed cycle", () => {
    const cycle = buildError([rev("p", null, { dependsOn: ["r"] }), rev("q", "p"), rev("r", "q")]);
    expect(cycle.message).toContain("p depends on r, r revises q, q revises p");
  });

  it("rejects a branch label declared on two revisions, naming both", () => {
    const error = buildError([rev("a", null, { labels: ["x"], path: "a.ts" }), rev("b", "a", { labels: ["x"], path: "b.ts" })]);
    expect(error.message).toBe('Branch label "x" is declared by two revisions: a (a.ts) and b (b.ts).');
    expect(buildError([rev("a", null, { labels: ["x"] }), rev("b", null, { labels: ["x"] })]).message).toContain('"x" is declared by two revisions: a and b');
  });

  it("rejects a label equal to a revision id", () => {
    expect(buildError([rev("a"), rev("b", "a", { labels: ["a"] })]).message).toContain('Branch label "a" on revision b is also the id of a revision');
  });

  it("rejects labels that would break the target grammar", () => {
    expect(buildError([rev("a", null, { labels: ["has space"] })]).message).toContain('"has space"');
    expect(buildError([rev("a", null, { labels: ["x@y"] })]).message).toContain("not valid");
    expect(buildError([rev("a", null, { labels: ["feature-1"] })]).message).toContain("not ending in -<digits>");
    expect(buildError([rev("a", null, { labels: ["head"] })]).message).toContain("reserved");
    expect(buildError([rev("a", null, { labels: ["base"] })]).message).toContain("reserved");
  });

  it("rejects invalid revision ids", () => {
    expect(buildError([rev("bad-id", null, { path: "v/bad.ts" })]).message).toBe(
      'Revision id "bad-id" in v/bad.ts is not valid: an id may only contain letters, digits and underscores.',
    );
    expect(buildError([rev("")]).message).toContain('Revision id ""');
    const long = "a".repeat(33);
    expect(buildError([rev(long)]).message).toContain(`"${long}" is 33 characters long; the version table holds at most 32`);
    expect(RevisionGraph.build([rev("a".repeat(32))]).size).toBe(1);
  });
});
