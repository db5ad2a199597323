/**
 * Interrupts tell the truth. A signal during a long statement on SQLite (which cannot interrupt
 * one) is seen as soon as the statement ends: the revision is rolled back, and the message says
 * so and what the version table shows — read from it, not assumed. On PostgreSQL the running
 * statement is cancelled. In every case the message matches the database afterwards.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { versionRows } from "../helpers/version-rows.js";
import { PAUSE_PRELUDE, STACK_LINE, startMigrate, tableExists, waitForMarker } from "./reliability-helpers.js";

/** A statement that keeps SQLite busy for a few seconds, and PostgreSQL's equivalent. */
const LONG = {
  sqlite: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) SELECT count(*) FROM c",
  postgres: "SELECT pg_sleep(20)",
} as const;

describe.each(["sqlite", "postgres"] as const)("SIGINT during a long statement on %s", (dialect) => {
  const ctx = useTestProject(dialect, {
    setup(project) {
      project.addRevision({ id: "i1", upgrade: `  await op.execute("CREATE TABLE before_long (id integer)");` });
      project.addRevision({
        id: "i2",
        down: "i1",
        prelude: PAUSE_PRELUDE,
        upgrade: [
          `  await op.execute("CREATE TABLE during_long (id integer)");`,
          `  if (process.env.ATHANOR_TEST_MARKER) writeFileSync(process.env.ATHANOR_TEST_MARKER, "running");`,
          `  await op.execute(${JSON.stringify(LONG[dialect])});`,
          `  await op.execute("CREATE TABLE after_long (id integer)");`,
        ].join("\n"),
      });
    },
  });

  it("rolls the revision back and says what the version table shows", async ({ skip }) => {
    if (!ctx.available) skip();
    const marker = join(ctx.project.dir, `long-${Date.now()}.marker`);
    const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_MARKER: marker });
    await waitForMarker(marker);
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain("ERROR: Interrupted by SIGINT during the upgrade of revision i2");
    expect(r.stderr).toContain("Its changes were rolled back");
    expect(r.stderr).toContain("The version table now shows: i1.");
    if (dialect === "sqlite") expect(r.stderr).toContain("SQLite cannot interrupt a running statement: it finishes first");
    else expect(r.stderr).toContain("The statement it was running was cancelled");
    expect(r.stderr).not.toContain("Nothing was changed");
    expect(r.stderr).not.toMatch(STACK_LINE);
    // What the message said is what the database holds.
    expect(await versionRows(ctx.db)).toEqual(["i1"]);
    expect(await tableExists(ctx.db, "before_long")).toBe(true);
    expect(await tableExists(ctx.db, "during_long")).toBe(false);
    expect(await tableExists(ctx.db, "after_long")).toBe(false);
  });
});
