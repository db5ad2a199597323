/**
 * The migration lock behind PgBouncer in transaction pooling mode, where a session-level advisory
 * lock holds nothing (consecutive statements run on different server sessions). Eight deploys
 * started at once through a PgBouncer of the test's own: athanor sees the pooler, takes the lease
 * lock instead, and every one of 30 revisions runs exactly once; all eight exit 0, the version
 * table shows the head, and the lease is gone afterwards. And revisions of every kind — an enum
 * value added mid-revision, CREATE INDEX CONCURRENTLY in a non-transactional revision, bound
 * values, op.query, a function — run up and down through it as they do directly. A function
 * created in a `transactional = false` revision gets its check_function_bodies setting in its
 * own message (SET LOCAL), so the body may name a table a later revision creates, and no pooled
 * server session is left with the setting changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import pg from "pg";
import { POOL_SIZE, startPgBouncer, type PgBouncer } from "../helpers/pgbouncer.js";
import { TestProject } from "../helpers/project.js";
import { queryTestDatabase, tableExists, versionRows } from "../helpers/version-rows.js";
import { startMigrate, waitUntil } from "./reliability-helpers.js";

const REVISIONS = Array.from({ length: 30 }, (_, i) => `r${String(i + 1).padStart(2, "0")}`);
const DEPLOYS = 8;

let bouncer: PgBouncer | undefined;
beforeAll(async () => {
  if (await serverAvailable("postgres")) bouncer = await startPgBouncer();
}, 60_000);
afterAll(async () => {
  await bouncer?.stop();
});

describe("PostgreSQL through PgBouncer (transaction pooling)", () => {
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
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
    expect(await queryTestDatabase(db as TestDatabase, "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).toEqual([]);
  });
});

describe("revisions of every kind through PgBouncer (transaction pooling)", () => {
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
    if (!bouncer) return;
    db = await createTestDatabase("postgres");
    const p = (project = new TestProject(bouncer.url(db.url)));
    p.addRevision({
      id: "m1",
      upgrade: `  await op.createEnum("mood", ["calm", "busy"]);
  await op.execute("CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, mood mood)");
  await op.bulkInsert("items", [{ name: "first", mood: "calm" }]);`,
      downgrade: `  await op.execute("DROP TABLE items");
  await op.dropEnum("mood");`,
    });
    p.addRevision({
      id: "m2",
      down: "m1",
      upgrade: `  await op.addEnumValue("mood", "angry");
  await op.execute("INSERT INTO items (name, mood) VALUES ('second', 'angry')");`,
      downgrade: `  await op.execute("DELETE FROM items WHERE name = 'second'");`,
    });
    p.addRevision({
      id: "m3",
      down: "m2",
      prelude: "export const transactional = false;",
      upgrade: `  await op.createIndex("items_name_idx", "items", ["name"], { concurrently: true });
  await op.execute("ANALYZE items");`,
      downgrade: `  await op.execute("DROP INDEX CONCURRENTLY items_name_idx");`,
    });
    p.addRevision({
      id: "m4",
      down: "m3",
      upgrade: `  const [row] = await op.query<{ n: number }>("SELECT count(*)::int AS n FROM items");
  await op.bulkInsert("items", [{ name: \`count-\${row?.n}\`, mood: "busy" }]);`,
      downgrade: `  await op.execute("DELETE FROM items WHERE name LIKE 'count-%'");`,
    });
    p.addRevision({
      id: "m5",
      down: "m4",
      upgrade: `  await op.execute("CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM items'");`,
      downgrade: `  await op.execute("DROP FUNCTION item_count()");`,
    });
  }, 60_000);
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });

  it("upgrade head, downgrade base and upgrade head again", async ({ skip }) => {
    if (!project || !db) skip();
    const p = project as TestProject;
    const d = db as TestDatabase;
    for (const [args, rows] of [
      [["upgrade", "head"], ["m5"]],
      [["downgrade", "base"], []],
      [["upgrade", "head"], ["m5"]],
    ] as const) {
      const r = p.run([...args]);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
      expect(await versionRows(d)).toEqual(rows);
    }
    expect(await queryTestDatabase(d, "SELECT name, mood::text AS mood FROM items ORDER BY id")).toEqual([
      { name: "first", mood: "calm" },
      { name: "second", mood: "angry" },
      { name: "count-2", mood: "busy" },
    ]);
    expect(await queryTestDatabase(d, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_name_idx'::regclass")).toEqual([{ indisvalid: true }]);
    expect(await queryTestDatabase(d, "SELECT item_count()::int AS n")).toEqual([{ n: 3 }]);
    expect(p.run(["current"]).stdout.trim()).toBe("m5 (head)");
    const status = p.run(["--json", "lock", "status"]);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ held: false, lease: null, session: null });
  });
});

describe("an interrupt through PgBouncer (transaction pooling)", () => {
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
    if (!bouncer) return;
    db = await createTestDatabase("postgres");
    project = new TestProject(bouncer.url(db.url));
    project.addRevision({ id: "slow", upgrade: `  await op.execute("CREATE TABLE before_sleep (id integer)");\n  await op.execute("SELECT pg_sleep(300)");` });
  }, 60_000);
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });

  // The PID a pooled connection knows is PgBouncer's invention: the cancel goes to PgBouncer as a
  // protocol CancelRequest with the connection's key. Were it lost, the run would wait out the
  // 300 s sleep and the test would time out.
  it("SIGINT in a long statement cancels it on the server session running it, and rolls the revision back", async ({ skip }) => {
    if (!project || !db) skip();
    const d = db as TestDatabase;
    const sleeping = async () => (await queryTestDatabase(d, "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(300)%'")).length;
    const run = startMigrate(project as TestProject, ["upgrade", "head"]);
    await waitUntil(async () => (await sleeping()) > 0, "the statement to run");
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain("The statement it was running was cancelled.");
    expect(r.stderr, r.stderr).toContain("The version table now shows no revision: nothing is applied.");
    expect(await sleeping()).toBe(0);
    expect(await tableExists(d, "before_sleep")).toBe(false);
  });
});

describe("a function in a transactional = false revision through PgBouncer (transaction pooling)", () => {
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
    if (!bouncer) return;
    db = await createTestDatabase("postgres");
    const p = (project = new TestProject(bouncer.url(db.url)));
    // Each body names a table that only the next revision creates: CREATE FUNCTION fails unless
    // check_function_bodies is off on the very server session that runs it.
    p.addRevision({
      id: "f1",
      prelude: `import { fn, sql } from "athanor";\nexport const transactional = false;`,
      upgrade: [1, 2, 3]
        .map((i) => `  await op.createObject(fn("later_count_${i}", sql\`CREATE FUNCTION later_count_${i}() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM later'\`));`)
        .join("\n"),
      downgrade: [3, 2, 1].map((i) => `  await op.execute("DROP FUNCTION later_count_${i}()");`).join("\n"),
    });
    p.addRevision({ id: "f2", down: "f1", upgrade: `  await op.execute("CREATE TABLE later (id integer)");`, downgrade: `  await op.execute("DROP TABLE later");` });
  }, 60_000);
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });

  it("creates the functions with their bodies unchecked and leaves every pooled session's setting as it was", async ({ skip }) => {
    if (!project || !db || !bouncer) skip();
    const p = project as TestProject;
    const d = db as TestDatabase;
    // Offline, the setting and the CREATE are one statement: one message on the wire.
    const offline = p.run(["upgrade", "head", "--sql"]);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toMatch(/SET LOCAL check_function_bodies = false;\nCREATE FUNCTION later_count_1\(\)[^\n]*\n;\nSET LOCAL check_function_bodies TO DEFAULT;/);
    expect(offline.stdout).not.toMatch(/^SET check_function_bodies/m);
    for (const args of [["upgrade", "head"], ["downgrade", "base"], ["upgrade", "head"]]) {
      const r = p.run(args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}\n--- pgbouncer log ---\n${bouncer?.log()}`).toBe(0);
    }
    expect(await versionRows(d)).toEqual(["f2"]);
    expect(await queryTestDatabase(d, "SELECT later_count_1()::int + later_count_2()::int + later_count_3()::int AS n")).toEqual([{ n: 0 }]);
    // Every server session of the pool, held at once by as many clients through PgBouncer: none
    // kept check_function_bodies off.
    const clients = Array.from({ length: POOL_SIZE }, () => new pg.Client({ connectionString: bouncer!.url(d.url) }));
    try {
      await Promise.all(clients.map((c) => c.connect()));
      await Promise.all(clients.map((c) => c.query("BEGIN")));
      const seen = await Promise.all(clients.map(async (c) => (await c.query<{ pid: number; setting: string }>("SELECT pg_backend_pid() AS pid, current_setting('check_function_bodies') AS setting")).rows[0]!));
      expect(new Set(seen.map((s) => s.pid)).size).toBe(POOL_SIZE);
      expect(seen.map((s) => s.setting)).toEqual(Array.from({ length: POOL_SIZE }, () => "on"));
      await Promise.all(clients.map((c) => c.query("COMMIT")));
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
  }, 300_000);
});
