/**
 * Graph commands read revision headers only. Every revision module here throws the moment it is
 * imported, so any import would fail the command: heads, history, branches, show and current must
 * still work. Also covers `revision`, `merge` and their checks (an error writes no file).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";
import { useTestProject } from "../helpers/use-test-project.js";

const BOOM = `throw new Error("this module must never be imported by a graph command");`;

describe("graph commands never import revision code", () => {
  const ctx = useTestProject("sqlite", {
    setup(project) {
      project.addRevision({ id: "aaa111", message: "first", prelude: BOOM });
      project.addRevision({ id: "bbb222", down: "aaa111", message: "second", prelude: BOOM });
      project.addRevision({ id: "ccc333", down: "aaa111", branchLabels: ["side"], message: "side branch", prelude: BOOM });
      // Record a current revision without running anything.
      const stamped = project.run(["stamp", "bbb222"]);
      expect(stamped.code, stamped.stderr).toBe(0);
    },
  });

  it("heads lists both heads", () => {
    const r = ctx.project.run(["heads"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("bbb222 (head)");
    expect(r.stdout).toContain("ccc333 (side) (head)");
  });

  it("history lists every revision newest first with markers", () => {
    const r = ctx.project.run(["history", "-i"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain("<base> -> aaa111 (branchpoint), first");
    expect(r.stdout).toMatch(/aaa111 -> bbb222 \(head\) \(current\), second/);
  });

  it("history --graph draws the branch and --format writes diagrams, without importing revision code", () => {
    const r = ctx.project.run(["history", "--graph"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\*  aaa111 -> (bbb222|ccc333)/);
    expect(lines[1]).toMatch(/^\| \*  aaa111 -> (bbb222|ccc333)/);
    expect(lines[2]).toBe("| /");
    expect(lines[3]).toMatch(/^\*  <base> -> aaa111 \(branchpoint\), first/);
    const mermaid = ctx.project.run(["history", "--format", "mermaid"]);
    expect(mermaid.code, mermaid.stderr).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart BT\n/);
    expect(mermaid.stdout.match(/ --> /g)).toHaveLength(2);
    const dot = ctx.project.run(["history", "--format", "dot"]);
    expect(dot.stdout).toContain('"aaa111" -> "bbb222";');
    const bad = ctx.project.run(["history", "--format", "svg"]);
    expect(bad.code).toBe(2);
  });

  it("branches, show and current work", () => {
    const branches = ctx.project.run(["branches"]);
    expect(branches.code, branches.stderr).toBe(0);
    expect(branches.stdout).toContain("aaa111");
    const show = ctx.project.run(["show", "ccc"]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain("Rev: ccc333");
    const current = ctx.project.run(["current"]);
    expect(current.code, current.stderr).toBe(0);
    expect(current.stdout.trim()).toBe("bbb222 (head)");
  });

  it("--json gives machine-readable heads", () => {
    const r = ctx.project.run(["heads", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout) as { revision: string }[];
    expect(parsed.map((h) => h.revision)).toEqual(["bbb222", "ccc333"]);
  });

  it("upgrade does import the module, and reports its error without a stack", () => {
    const r = ctx.project.run(["upgrade", "ccc333"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("this module must never be imported");
    expect(r.stderr).toContain("ccc333");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("revision and merge", () => {
  let project: TestProject;
  const versions = () => readdirSync(join(project.dir, "migrations/versions")).sort();

  beforeAll(() => {
    project = new TestProject("sqlite:app.db");
  });
  afterAll(() => project.remove());

  it("creates a base revision, then a child of head", () => {
    const a = project.run(["revision", "-m", "create users", "--rev-id", "r1"]);
    expect(a.code, a.stderr).toBe(0);
    expect(versions()).toEqual(["r1_create_users.ts"]);
    const b = project.run(["revision", "-m", "add email", "--rev-id", "r2"]);
    expect(b.code, b.stderr).toBe(0);
    const text = readFileSync(join(project.dir, "migrations/versions/r2_add_email.ts"), "utf8");
    expect(text).toContain('export const downRevision: string | string[] | null = "r1";');
    expect(text).toContain("Revises: r1");
  });

  it("refuses a non-head parent without --splice, and writes nothing", () => {
    const r = project.run(["revision", "-m", "fork", "--head", "r1", "--rev-id", "r3"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--splice");
    expect(versions()).toHaveLength(2);
  });

  it("branches with --splice and a label, then needs --head while two heads exist", () => {
    const s = project.run(["revision", "-m", "fork", "--head", "r1", "--splice", "--branch-label", "side", "--rev-id", "r3"]);
    expect(s.code, s.stderr).toBe(0);
    const two = project.run(["revision", "-m", "next"]);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain("merge");
    expect(versions()).toHaveLength(3);
    const onSide = project.run(["revision", "-m", "on side", "--head", "side@head", "--depends-on", "r2", "--rev-id", "r4"]);
    expect(onSide.code, onSide.stderr).toBe(0);
    expect(readFileSync(join(project.dir, "migrations/versions/r4_on_side.ts"), "utf8")).toContain('export const dependsOn: string[] | null = ["r2"];');
  });

  it("merges the heads", () => {
    const m = project.run(["merge", "heads", "-m", "join", "--rev-id", "r5"]);
    expect(m.code, m.stderr).toBe(0);
    const merged = readFileSync(join(project.dir, "migrations/versions/r5_join.ts"), "utf8");
    expect(merged).toContain('["r2","r4"]');
    // A merge changes nothing: no "write the upgrade here" placeholder, in either direction.
    expect(merged).not.toMatch(/Write the upgrade here|Undo the upgrade here/);
    expect(merged.match(/\/\/ Merges r2 and r4: nothing to change\./g)).toHaveLength(2);
    const heads = project.run(["heads"]);
    expect(heads.stdout.trim()).toBe("r5 (side) (head) (mergepoint)");
  });

  it("rejects a duplicate id, a bad id and a duplicate label without writing", () => {
    const before = versions();
    expect(project.run(["revision", "-m", "dup", "--rev-id", "r5"]).code).toBe(2);
    const bad = project.run(["revision", "-m", "bad", "--rev-id", "no-dashes!"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no-dashes!");
    const label = project.run(["revision", "-m", "label", "--branch-label", "side", "--rev-id", "r6"]);
    expect(label.code).toBe(1);
    expect(label.stderr).toContain("side");
    expect(versions()).toEqual(before);
  });
});
