/**
 * Thirty-two revision-graph scenarios, written from the branch, merge and dependency examples of
 * Alembic's "Working with Branches" documentation (its revision ids, shortened to their first four
 * characters) and the branched path of labelled branches Alembic's own traversal rules describe.
 * Each scenario sets the version rows, runs one command through the real CLI, and checks which
 * revision functions ran (in an order the graph allows) and the version rows read straight from
 * the database. One database per dialect holds the three graphs, each with its own version table.
 *
 *   merge:       1975 ─┬─ ae10 ─┬─ 53ff                     (53ff merges ae10 and 27c6)
 *                      └─ 27c6 ─┘
 *   forest:      1975 ─┬─ ae10 ─ 55af                         27c6: branch "shoppingcart"
 *                      └─ 27c6
 *                3cac ─ 109e ─ 29f8 ─ 2a95                   3cac: branch "networking"; 2a95 dependsOn 55af
 *   branched:    a ─ b ─┬─ c1 ─ d1                           c1: branch "c1branch"
 *                       └─ c2 ─ d2                           c2: branch "c2branch"
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase, type TestDialect } from "../helpers/databases.js";
import { TestProject, type RevisionSpec } from "../helpers/project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

type GraphName = "merge" | "forest" | "branched";

const GRAPHS: Record<GraphName, RevisionSpec[]> = {
  merge: [
    { id: "1975", message: "create account table" },
    { id: "ae10", down: "1975", message: "add a column" },
    { id: "27c6", down: "1975", message: "add shopping cart table" },
    { id: "53ff", down: ["ae10", "27c6"], message: "merge" },
  ],
  forest: [
    { id: "1975", message: "create account table" },
    { id: "ae10", down: "1975", message: "add a column" },
    { id: "55af", down: "ae10", message: "add another account column" },
    { id: "27c6", down: "1975", branchLabels: ["shoppingcart"], message: "add shopping cart table" },
    { id: "3cac", branchLabels: ["networking"], message: "create networking branch" },
    { id: "109e", down: "3cac", message: "add ip number table" },
    { id: "29f8", down: "109e", message: "add DNS table" },
    { id: "2a95", down: "29f8", dependsOn: ["55af"], message: "add ip account table" },
  ],
  branched: [
    { id: "a" },
    { id: "b", down: "a" },
    { id: "c1", down: "b", branchLabels: ["c1branch"] },
    { id: "d1", down: "c1" },
    { id: "c2", down: "b", branchLabels: ["c2branch"] },
    { id: "d2", down: "c2" },
  ],
};

/** One scenario: start rows, the command, and what must follow. */
interface Scenario {
  name: string;
  graph: GraphName;
  start: string[];
  args: string[];
  /** The functions that ran, e.g. "up:ae10"; compared as a set, then checked against the graph's order. */
  calls?: string[];
  rows?: string[];
  /** The command must fail with this message (and leave the rows as they were). */
  error?: RegExp;
}

const FULL_FOREST = ["27c6", "2a95"];

export const SCENARIOS: Scenario[] = [
  // The merge example.
  { name: "upgrade head runs both branches, then the merge", graph: "merge", start: [], args: ["upgrade", "head"], calls: ["up:1975", "up:ae10", "up:27c6", "up:53ff"], rows: ["53ff"] },
  { name: "downgrade -1 from the merge brings back both branch rows", graph: "merge", start: ["53ff"], args: ["downgrade", "-1"], calls: ["down:53ff"], rows: ["27c6", "ae10"] },
  { name: "upgrade head from both branch heads applies only the merge, leaving one row", graph: "merge", start: ["27c6", "ae10"], args: ["upgrade", "head"], calls: ["up:53ff"], rows: ["53ff"] },
  { name: "downgrade to one parent of the merge keeps the other branch", graph: "merge", start: ["53ff"], args: ["downgrade", "ae10"], calls: ["down:53ff"], rows: ["27c6", "ae10"] },
  { name: "downgrade to the branch point removes both branches and the merge", graph: "merge", start: ["53ff"], args: ["downgrade", "1975"], calls: ["down:53ff", "down:ae10", "down:27c6"], rows: ["1975"] },
  { name: "upgrade head from one branch runs the other branch and the merge", graph: "merge", start: ["ae10"], args: ["upgrade", "head"], calls: ["up:27c6", "up:53ff"], rows: ["53ff"] },
  { name: "stamp a sibling revision adds a row beside the current one", graph: "merge", start: ["ae10"], args: ["stamp", "27c6"], calls: [], rows: ["27c6", "ae10"] },
  { name: "downgrade base from the merge runs every downgrade", graph: "merge", start: ["53ff"], args: ["downgrade", "base"], calls: ["down:53ff", "down:ae10", "down:27c6", "down:1975"], rows: [] },
  { name: "upgrade heads at the head does nothing", graph: "merge", start: ["53ff"], args: ["upgrade", "heads"], calls: [], rows: ["53ff"] },
  { name: "upgrade a sibling id creates a second row", graph: "merge", start: ["ae10"], args: ["upgrade", "27c6"], calls: ["up:27c6"], rows: ["27c6", "ae10"] },
  // Labelled branches, an independent branch and a dependency.
  { name: "upgrade head with several heads is refused", graph: "forest", start: [], args: ["upgrade", "head"], error: /ambiguous: there are 3 heads/ },
  { name: "upgrade heads applies everything; the dependency has no row of its own", graph: "forest", start: [], args: ["upgrade", "heads"], calls: ["up:1975", "up:ae10", "up:55af", "up:27c6", "up:3cac", "up:109e", "up:29f8", "up:2a95"], rows: FULL_FOREST },
  { name: "upgrade shoppingcart@head runs only that branch's line", graph: "forest", start: [], args: ["upgrade", "shoppingcart@head"], calls: ["up:1975", "up:27c6"], rows: ["27c6"] },
  { name: "upgrade networking@head pulls in its dependency; Alembic keeps one row", graph: "forest", start: ["27c6", "29f8", "ae10"], args: ["upgrade", "networking@head"], calls: ["up:55af", "up:2a95"], rows: FULL_FOREST },
  { name: "upgrade networking@head from nothing applies the dependency's whole line", graph: "forest", start: [], args: ["upgrade", "networking@head"], calls: ["up:1975", "up:ae10", "up:55af", "up:3cac", "up:109e", "up:29f8", "up:2a95"], rows: ["2a95"] },
  { name: "downgrade networking@base removes the branch; the dependency gets its row back", graph: "forest", start: FULL_FOREST, args: ["downgrade", "networking@base"], calls: ["down:2a95", "down:29f8", "down:109e", "down:3cac"], rows: ["27c6", "55af"] },
  { name: "downgrade -1 with several heads is refused", graph: "forest", start: FULL_FOREST, args: ["downgrade", "-1"], error: /ambiguous/ },
  { name: "downgrade networking@-1 unmerges the dependency's row", graph: "forest", start: FULL_FOREST, args: ["downgrade", "networking@-1"], calls: ["down:2a95"], rows: ["27c6", "29f8", "55af"] },
  { name: "downgrade shoppingcart@-1 leaves the other lines", graph: "forest", start: FULL_FOREST, args: ["downgrade", "shoppingcart@-1"], calls: ["down:27c6"], rows: ["2a95"] },
  { name: "downgrade to a dependency removes what depends on it", graph: "forest", start: FULL_FOREST, args: ["downgrade", "55af"], calls: ["down:2a95"], rows: ["27c6", "29f8", "55af"] },
  { name: "upgrade to a revision before the dependency pulls in nothing else", graph: "forest", start: [], args: ["upgrade", "29f8"], calls: ["up:3cac", "up:109e", "up:29f8"], rows: ["29f8"] },
  { name: "downgrade base removes dependents before their dependencies", graph: "forest", start: FULL_FOREST, args: ["downgrade", "base"], calls: ["down:2a95", "down:29f8", "down:109e", "down:3cac", "down:27c6", "down:55af", "down:ae10", "down:1975"], rows: [] },
  { name: "stamp heads writes the rows upgrade heads would", graph: "forest", start: [], args: ["stamp", "heads"], calls: [], rows: FULL_FOREST },
  // Two labelled branches from one branch point.
  { name: "downgrade c2branch@b removes only c2branch above b", graph: "branched", start: ["d1", "d2"], args: ["downgrade", "c2branch@b"], calls: ["down:d2", "down:c2"], rows: ["d1"] },
  { name: "downgrade c1branch@b removes only c1branch above b", graph: "branched", start: ["d1", "d2"], args: ["downgrade", "c1branch@b"], calls: ["down:d1", "down:c1"], rows: ["d2"] },
  { name: "downgrade b removes both branches above it", graph: "branched", start: ["d1", "d2"], args: ["downgrade", "b"], calls: ["down:d1", "down:c1", "down:d2", "down:c2"], rows: ["b"] },
  { name: "upgrade c2branch@head runs the trunk and that branch", graph: "branched", start: [], args: ["upgrade", "c2branch@head"], calls: ["up:a", "up:b", "up:c2", "up:d2"], rows: ["d2"] },
  { name: "upgrade c1branch@head beside c2branch adds a row", graph: "branched", start: ["d2"], args: ["upgrade", "c1branch@head"], calls: ["up:c1", "up:d1"], rows: ["d1", "d2"] },
  { name: "downgrade c2branch@-1 steps that branch only", graph: "branched", start: ["d1", "d2"], args: ["downgrade", "c2branch@-1"], calls: ["down:d2"], rows: ["c2", "d1"] },
  { name: "downgrade c2branch@base removes that branch whole", graph: "branched", start: ["d1", "d2"], args: ["downgrade", "c2branch@base"], calls: ["down:d2", "down:c2"], rows: ["d1"] },
  { name: "upgrade c2branch@b to a revision below the branch point", graph: "branched", start: [], args: ["upgrade", "c2branch@b"], calls: ["up:a", "up:b"], rows: ["b"] },
  { name: "c2branch@c1 is refused: c1 is on another branch", graph: "branched", start: ["d1", "d2"], args: ["downgrade", "c2branch@c1"], error: /Revision c1 is not on branch "c2branch"/ },
];

/** Checks that every call comes after the calls it must follow (parents and dependencies up; the reverse down). */
function assertGraphOrder(graph: RevisionSpec[], calls: string[]): void {
  const index = new Map(calls.map((c, i) => [c, i]));
  for (const spec of graph) {
    const before = [...(spec.down === undefined || spec.down === null ? [] : Array.isArray(spec.down) ? spec.down : [spec.down]), ...(spec.dependsOn ?? [])];
    for (const dep of before) {
      const up = [index.get(`up:${dep}`), index.get(`up:${spec.id}`)];
      if (up[0] !== undefined && up[1] !== undefined) expect(up[0], `up:${dep} before up:${spec.id} in ${calls.join(", ")}`).toBeLessThan(up[1]);
      const down = [index.get(`down:${spec.id}`), index.get(`down:${dep}`)];
      if (down[0] !== undefined && down[1] !== undefined) expect(down[0], `down:${spec.id} before down:${dep} in ${calls.join(", ")}`).toBeLessThan(down[1]);
    }
  }
}

/** Registers the scenarios for one dialect (one database, one version table per graph). */
export function describeGraphScenarios(dialect: TestDialect): void {
  describe(`Alembic's branch, merge and dependency scenarios on ${dialect}`, () => {
    let available = true;
    let db: TestDatabase | undefined;
    const projects = new Map<GraphName, TestProject>();
    beforeAll(async () => {
      available = await serverAvailable(dialect);
      if (!available) return;
      db = await createTestDatabase(dialect);
      for (const name of Object.keys(GRAPHS) as GraphName[]) {
        const project = new TestProject(db.url, `versionTable: "ver_${name}"`);
        for (const spec of GRAPHS[name]) project.addRevision(spec);
        const r = project.run(["stamp", "base"]);
        if (r.code !== 0) throw new Error(`stamp base failed: ${r.stderr}`);
        projects.set(name, project);
      }
    }, 120_000);
    afterAll(async () => {
      for (const p of projects.values()) p.remove();
      await db?.drop();
    });

    const rows = async (graph: GraphName) => (await queryTestDatabase(db as TestDatabase, `SELECT version_num FROM ver_${graph}`)).map((r) => String(r.version_num)).sort();

    it.each(SCENARIOS.map((s, i) => [`${i + 1}. ${s.name}`, s] as const))("%s", async (_title, s) => {
      if (!available) return void expect.soft(available, `${dialect} unavailable: skipped loudly by serverAvailable`).toBe(false);
      const project = projects.get(s.graph) as TestProject;
      await queryTestDatabase(db as TestDatabase, `DELETE FROM ver_${s.graph}`);
      for (const row of s.start) await queryTestDatabase(db as TestDatabase, `INSERT INTO ver_${s.graph} (version_num) VALUES ('${row}')`);
      project.takeCalls();
      const r = project.run(s.args);
      if (s.error) {
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(s.error);
        expect(project.takeCalls()).toEqual([]);
        expect(await rows(s.graph)).toEqual([...s.start].sort());
        return;
      }
      expect(r.code, r.stderr).toBe(0);
      const calls = project.takeCalls();
      expect([...calls].sort()).toEqual([...(s.calls ?? [])].sort());
      assertGraphOrder(GRAPHS[s.graph], calls);
      expect(await rows(s.graph)).toEqual(s.rows);
    });
  });
}
