/**
 * The migration lock behind PgBouncer in transaction pooling mode, where a session-level advisory
 * lock holds nothing (consecutive statements run on different server sessions). Eight deploys
 * started at once through a PgBouncer of the test's own: athanor sees the pooler, takes the lease
 * lock instead, and every one of 30 revisions runs exactly once; all eight exit 0, the version
 * table shows the head, and the lease is gone afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { startPgBouncer, type PgBouncer } from "../helpers/pgbouncer.js";
import { TestProject } from "../helpers/project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";

const REVISIONS = Array.from({ length: 30 }, (_, i) => `r${String(i + 1).padStart(2, "0")}`);
const DEPLOYS = 8;

describe("PostgreSQL through PgBouncer (transaction pooling)", () => {
  let bouncer: PgBouncer | undefined;
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
    if (!(await serverAvailable("postgres"))) return;
    bouncer = await startPgBouncer();
    if (!bouncer) return;
    db = await createTestDatabase("postgres");
    await queryTestDatabase(db, "CREATE TABLE deploy_runs (revision text NOT NULL, backend integer NOT NULL)");
    project = new TestProject(bouncer.url(db.url));
    REVISIONS.forEach((id, i) =>
      project?.addRevision({
        id,
        down: i === 0 ? null : REVISIONS[i - 1],
        upgrade: `  await op.execute("INSERT INTO deploy_runs (revision, backend) VALUES ('${id}', pg_backend_pid())");`,
        downgrade: `  await op.execute("DELETE FROM deploy_runs WHERE revision = '${id}'");`,
      }),
    );
  }, 60_000);
  afterAll(async () => {
    project?.remove();
    await db?.drop();
    await bouncer?.stop();
  });

  it(`${DEPLOYS} concurrent upgrades of ${REVISIONS.length} revisions run every revision exactly once`, async ({ skip }) => {
    if (!project || !db || !bouncer) skip();
    const p = project as TestProject;
    const runs = await Promise.all(Array.from({ length: DEPLOYS }, () => p.runAsync(["--verbose", "upgrade", "head", "--lock-timeout", "300"])));
    for (const r of runs) expect(r, `${r.stderr}\n--- pgbouncer log ---\n${bouncer?.log()}`).toMatchObject({ code: 0 });
    // Each run saw the pooler and took the lease.
    for (const r of runs) expect(r.stderr).toMatch(/Using the lease lock \(a row in athanor_version_lock\): the connection goes through a pooler/);
    const counts = await queryTestDatabase(db as TestDatabase, "SELECT revision, count(*)::int AS runs FROM deploy_runs GROUP BY revision ORDER BY revision");
    expect(counts).toEqual(REVISIONS.map((revision) => ({ revision, runs: 1 })));
    expect(p.takeCalls().sort()).toEqual(REVISIONS.map((id) => `up:${id}`));
    expect(await versionRows(db as TestDatabase)).toEqual(["r30"]);
    expect(runs.filter((r) => r.stderr.includes("Running upgrade")).length).toBe(1);
    expect(runs.filter((r) => r.stderr.includes("Nothing to do")).length).toBe(DEPLOYS - 1);
    expect(runs.filter((r) => r.stderr.includes("Waiting for the migration lock")).length).toBeGreaterThan(0);
    // Released at the end: no row left behind, and no advisory lock stuck on a pooled server session.
    expect(await queryTestDatabase(db as TestDatabase, "SELECT * FROM athanor_version_lock")).toEqual([]);
    expect(await queryTestDatabase(db as TestDatabase, "SELECT pid FROM pg_locks WHERE locktype = 'advisory'")).toEqual([]);
  });
});
