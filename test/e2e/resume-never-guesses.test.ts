/**
 * `--resume` never guesses about the statement that was in flight when the process died (MariaDB,
 * where DDL commits on its own). The revision log is set to what a kill between "statement done"
 * and "log updated" leaves: the statement ran, the log still calls it running. A schema statement
 * is probed — its table exists, so it is recorded as done, not run twice; a data statement cannot
 * be probed, so resume refuses and points to `resolve`.
 */
import { describe, expect, it } from "vitest";
import { chainHash } from "../../src/runtime/step-recorder.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";
import { versionRows } from "../helpers/version-rows.js";
import { STACK_LINE, tableExists } from "./reliability-helpers.js";

const FIRST = "CREATE TABLE rs_a (id integer)";

describe("MariaDB: resuming after a kill right after a statement ran", () => {
  const ctx = useTestProject("mysql", {
    setup(project) {
      project.addRevision({ id: "r1" });
      project.addRevision({ id: "r2", down: "r1", upgrade: `  await op.execute(${JSON.stringify(FIRST)});\n  await op.execute("CREATE TABLE rs_b (id integer)");\n  await op.execute("CREATE TABLE rs_c (id integer)");` });
      project.addRevision({ id: "r3", down: "r2", upgrade: `  await op.execute("CREATE TABLE rs_d (id integer)");\n  await op.execute("INSERT INTO rs_d VALUES (1)");\n  await op.execute("CREATE TABLE rs_e (id integer)");` });
      const r = project.run(["upgrade", "r1"]);
      if (r.code !== 0) throw new Error(r.stderr);
      project.takeCalls();
    },
  });

  /** Writes the log row a kill leaves: `done` statements ran, `pending` was running. */
  async function killedAfter(revision: string, done: string, pending: string): Promise<void> {
    const values = [revision, "up", "running", null, 1, JSON.stringify([done]), chainHash(null, { sql: done, params: [] }), pending, null, new Date().toISOString()];
    const literal = (v: unknown) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
    await queryTestDatabase(ctx.db, `INSERT INTO athanor_version_log (revision, direction, status, checksum, statements_done, done_statements, progress_hash, pending_statement, error, updated_at) VALUES (${values.map(literal).join(", ")})`);
  }

  it("a CREATE TABLE whose table exists is recorded as done, not run again", async ({ skip }) => {
    if (!ctx.available) skip();
    // The kill came after rs_b was created and before the log said so.
    await queryTestDatabase(ctx.db, FIRST);
    await queryTestDatabase(ctx.db, "CREATE TABLE rs_b (id integer)");
    await killedAfter("r2", FIRST, "CREATE TABLE rs_b (id integer)");
    const current = ctx.project.run(["current"]);
    expect(current.stdout).toContain("may or may not have taken effect");
    const r = ctx.project.run(["upgrade", "r2", "--resume"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await tableExists(ctx.db, "rs_c")).toBe(true);
    expect(await versionRows(ctx.db)).toEqual(["r2"]);
    const [row] = await queryTestDatabase(ctx.db, "SELECT status, statements_done FROM athanor_version_log WHERE revision = 'r2'");
    expect(row).toMatchObject({ status: "done", statements_done: 3 });
  });

  it("an INSERT that may have run is not run again: resume refuses and points to resolve", async ({ skip }) => {
    if (!ctx.available) skip();
    ctx.project.takeCalls();
    await queryTestDatabase(ctx.db, "CREATE TABLE rs_d (id integer)");
    await queryTestDatabase(ctx.db, "INSERT INTO rs_d VALUES (1)");
    await killedAfter("r3", "CREATE TABLE rs_d (id integer)", "INSERT INTO rs_d VALUES (1)");
    const r = ctx.project.run(["upgrade", "head", "--resume"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot resume the upgrade of revision r3: statement 2 \(INSERT INTO rs_d VALUES \(1\)\) was running when the process stopped and may or may not have taken effect/);
    expect(r.stderr).toMatch(/hint: .*migrate resolve r3 --applied/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    // Nothing ran twice: one row, and the next table was not created.
    expect(await queryTestDatabase(ctx.db, "SELECT count(*) AS n FROM rs_d")).toEqual([{ n: 1 }]);
    expect(await tableExists(ctx.db, "rs_e")).toBe(false);
    expect(await versionRows(ctx.db)).toEqual(["r2"]);
  });
});
