/**
 * Durability of the per-revision transactions on PostgreSQL: every revision of a run but the last
 * commits with synchronous_commit off (it stays atomic; only the wait for the WAL flush is
 * skipped), the last one waits, and that wait covers the ones before it. After a failure, the
 * revisions that did commit are made durable before the error is reported: the last one's log
 * row is rewritten in a transaction that waits.
 */
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";

/** A revision that records, in a table of its own, the synchronous_commit its transaction runs with. */
const recording = (n: number) => `  await op.execute("CREATE TABLE seen_${n} AS SELECT current_setting('synchronous_commit') AS setting");`;

describe("postgres: per-revision commits and their durability", () => {
  const ctx = useTestProject("postgres", {
    setup(project) {
      project.addRevision({ id: "d1", upgrade: recording(1) });
      project.addRevision({ id: "d2", down: "d1", upgrade: recording(2) });
      project.addRevision({ id: "d3", down: "d2", upgrade: recording(3) });
    },
  });

  const setting = async (n: number) => (await queryTestDatabase(ctx.db, `SELECT setting FROM seen_${n}`))[0]?.setting;

  it("skips the flush wait for every revision but the run's last", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await versionRows(ctx.db)).toEqual(["d3"]);
    expect([await setting(1), await setting(2), await setting(3)]).toEqual(["off", "off", "on"]);
  });

  it("after a failure, rewrites the last committed revision's log row in a transaction that waits", async ({ skip }) => {
    if (!ctx.available) skip();
    ctx.project.addRevision({ id: "d4", down: "d3", upgrade: recording(4) });
    ctx.project.addRevision({ id: "d5", down: "d4", upgrade: `  await op.execute("SELECT no_such_function()");` });
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The upgrade of revision d5 failed");
    expect(await versionRows(ctx.db)).toEqual(["d4"]);
    expect(await setting(4)).toBe("off");
    // d4's table and its log row were written by one transaction; the log row was written again by a later one.
    const [row] = await queryTestDatabase(ctx.db, "SELECT (SELECT xmin::text FROM seen_4) AS step, (SELECT xmin::text FROM athanor_version_log WHERE revision = 'd4') AS log");
    expect(row?.step).toMatch(/^\d+$/);
    expect(row?.log).not.toBe(row?.step);
    const [entry] = await queryTestDatabase(ctx.db, "SELECT status FROM athanor_version_log WHERE revision = 'd4'");
    expect(entry?.status).toBe("done");
  });
});
