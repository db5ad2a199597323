/**
 * `transaction: "command"` (Alembic's `transaction_per_migration = False`): the revisions of a run
 * share one transaction, whose version rows and log rows are written once, as it commits. The
 * committed state must be exactly what one transaction per revision leaves; a failure or a signal
 * rolls back to the last commit and says where that is; a revision exporting `transactional =
 * false` ends the shared transaction (committing the revisions before it) and runs on its own.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";
import { logRows, PAUSE_PRELUDE, pausingBody, STACK_LINE, startMigrate, tableExists, waitForMarker } from "./reliability-helpers.js";

const create = (table: string) => `  await op.execute("CREATE TABLE ${table} (id integer)");`;
const drop = (table: string) => `  await op.execute("DROP TABLE ${table}");`;

describe.each(["postgres", "sqlite"] as const)('transaction: "command" on %s', (dialect) => {
  const ctx = useTestProject(dialect, {
    configExtra: `transaction: "command"`,
    setup(project) {
      project.addRevision({ id: "c1", upgrade: create("t1"), downgrade: drop("t1") });
      project.addRevision({ id: "c2", down: "c1", upgrade: create("t2"), downgrade: drop("t2") });
      project.addRevision({ id: "c3", down: "c2", upgrade: create("t3"), downgrade: drop("t3") });
    },
  });

  const checksums = async () => queryTestDatabase(ctx.db, "SELECT revision, checksum FROM athanor_version_log ORDER BY revision");

  it("writes the version rows and every revision's log row as the one transaction commits", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["c3"]);
    expect(await logRows(ctx.db)).toEqual(["c1", "c2", "c3"].map((revision) => expect.objectContaining({ revision, direction: "up", status: "done", statements_done: 1, pending_statement: null, error: null })));
    for (const row of await checksums()) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(ctx.project.run(["current"]).stdout.trim()).toBe("c3 (head)");
  });

  it("a downgrade writes its log rows the same way and keeps the checksums the upgrade recorded", async ({ skip }) => {
    if (!ctx.available) skip();
    const before = await checksums();
    const r = ctx.project.run(["downgrade", "c1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["c1"]);
    const rows = await logRows(ctx.db);
    expect(rows.map((row) => [row.revision, row.direction, row.status])).toEqual([
      ["c1", "up", "done"],
      ["c2", "down", "done"],
      ["c3", "down", "done"],
    ]);
    expect(await checksums()).toEqual(before);
    expect(await tableExists(ctx.db, "t2")).toBe(false);
    expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
  });

  it("a failure rolls back the whole run and says so", async ({ skip }) => {
    if (!ctx.available) skip();
    ctx.project.addRevision({ id: "c4", down: "c3", upgrade: create("t4") });
    ctx.project.addRevision({ id: "c5", down: "c4", upgrade: `${create("t5")}\n${create("t5")}` });
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The upgrade of revision c5 failed");
    expect(r.stderr).toContain(`The whole run was rolled back (transaction: "command"); the version table is as it was before the command.`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(await versionRows(ctx.db)).toEqual(["c3"]);
    expect(await tableExists(ctx.db, "t4")).toBe(false);
    expect((await logRows(ctx.db)).map((row) => row.revision)).toEqual(["c1", "c2", "c3"]);
  });

  it("a revision with transactional = false commits the revisions before it, and a later failure rolls back only to there", async ({ skip }) => {
    if (!ctx.available) skip();
    ctx.project.addRevision({ id: "c5", down: "c4", prelude: "export const transactional = false;", upgrade: create("t5") });
    ctx.project.addRevision({ id: "c6", down: "c5", upgrade: create("t6") });
    ctx.project.addRevision({ id: "c7", down: "c6", upgrade: `${create("t7")}\n${create("t7")}` });
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The upgrade of revision c7 failed");
    expect(r.stderr).toContain(`The run's open transaction was rolled back (transaction: "command"): the revisions after c5, where the run last committed, are not applied, and the version table shows that point.`);
    expect(await versionRows(ctx.db)).toEqual(["c5"]);
    expect(await tableExists(ctx.db, "t4")).toBe(true);
    expect(await tableExists(ctx.db, "t5")).toBe(true);
    expect(await tableExists(ctx.db, "t6")).toBe(false);
    expect(await logRows(ctx.db)).toEqual(["c1", "c2", "c3", "c4", "c5"].map((revision) => expect.objectContaining({ revision, direction: "up", status: "done" })));
  });

  it("a signal rolls the open transaction back, and the message and the database agree", async ({ skip }) => {
    if (!ctx.available) skip();
    const marker = join(ctx.project.dir, `pause-${Date.now()}.marker`);
    ctx.project.addRevision({ id: "c7", down: "c6", prelude: PAUSE_PRELUDE, upgrade: pausingBody("p1", "p2", marker, dialect) });
    const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
    await waitForMarker(marker);
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain("Interrupted by SIGINT during the upgrade of revision c7");
    expect(r.stderr).toContain("The version table now shows: c5.");
    expect(await versionRows(ctx.db)).toEqual(["c5"]);
    expect(await tableExists(ctx.db, "t6")).toBe(false);
    expect(await tableExists(ctx.db, "p1")).toBe(false);
    expect((await logRows(ctx.db)).map((row) => row.revision)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    const again = ctx.project.run(["upgrade", "head"]);
    expect(again.code, again.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["c7"]);
  });
});
