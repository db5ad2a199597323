/**
 * The lease lock on a direct PostgreSQL connection (config `lock: "table"`): `migrate lock
 * status` names the holder and tells live from stale, `migrate unlock --if-stale` refuses a live
 * lease and removes a stale one, an expired lease is taken over, a run whose lease is taken from
 * it stops and rolls its revision back, and runs that took different kinds of lock still wait for
 * each other. On SQLite `lock: "table"` is a config error.
 */
import { rmSync } from "node:fs";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { TestProject } from "../helpers/project.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";
import { holdLock, PAUSE_PRELUDE, pausingBody, STACK_LINE, startMigrate, tableExists, waitForMarker, waitUntil } from "./reliability-helpers.js";

interface StatusJson {
  held: boolean;
  table: string;
  lease: { owner: string; host: string; pid: number; acquiredAt: string; heartbeatAgeMs: number; expiresInMs: number; stale: boolean } | null;
  session: { pid: number } | null;
}

describe("lease lock on postgres (lock: \"table\")", () => {
  let marker = "";
  const ctx = useTestProject("postgres", {
    configExtra: `lock: "table"`,
    setup(project) {
      marker = `${project.dir}/paused`;
      project.addRevision({ id: "r1", upgrade: `  await op.execute("CREATE TABLE t_r1 (id integer)");`, downgrade: `  await op.execute("DROP TABLE t_r1");` });
      project.addRevision({ id: "r2", down: "r1", prelude: PAUSE_PRELUDE, upgrade: pausingBody("t_r2a", "t_r2b", marker, "postgres"), downgrade: `  await op.execute("DROP TABLE t_r2b"); await op.execute("DROP TABLE t_r2a");` });
    },
  });
  const status = (): StatusJson => {
    const r = ctx.project.run(["--json", "lock", "status"]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as StatusJson;
  };
  const leaseRows = () => queryTestDatabase(ctx.db, "SELECT owner, host, pid FROM athanor_version_lock");

  it("lock status on a database no run has locked: free", ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["lock", "status"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("The migration lock is free (no lease in athanor_version_lock, no session lock).");
    expect(status()).toMatchObject({ held: false, lease: null, session: null, table: "athanor_version_lock" });
    const u = ctx.project.run(["unlock", "--if-stale"]);
    expect(u.code, u.stderr).toBe(0);
    expect(u.stdout).toContain("Nothing to remove: no lease is held.");
  });

  it("a live lease: status names it, unlock refuses it, another run waits and times out naming it; once stale, unlock removes it", async ({ skip }) => {
    if (!ctx.available) skip();
    rmSync(marker, { force: true });
    const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
    try {
      await waitForMarker(marker);
      const live = status();
      expect(live.held).toBe(true);
      expect(live.lease).toMatchObject({ host: hostname(), pid: run.child.pid, stale: false });
      expect(live.lease?.expiresInMs).toBeGreaterThan(0);
      expect(ctx.project.run(["lock", "status"]).stdout).toMatch(new RegExp(`Lease held by run ${live.lease?.owner} on host .* \\(pid ${run.child.pid}\\)[\\s\\S]*heartbeat: [\\s\\S]*live: expires in`));

      const refused = ctx.project.run(["unlock", "--if-stale"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`ERROR: Not removed: the migration lock is held by a live run — ${live.lease?.owner} on host ${hostname()} (pid ${run.child.pid})`);
      expect(refused.stderr).toMatch(/hint: Let that run finish/);
      expect(refused.stderr).not.toMatch(STACK_LINE);
      expect(JSON.parse(ctx.project.run(["--json", "unlock", "--if-stale"]).stdout)).toMatchObject({ error: { code: "lock-held" } });
      expect(await leaseRows()).toHaveLength(1);

      const waiting = ctx.project.run(["upgrade", "head", "--lock-timeout", "0.5"]);
      expect(waiting.code).toBe(1);
      expect(waiting.stderr).toContain("Waiting for the migration lock");
      expect(waiting.stderr).toContain(`ERROR: Timed out after 500 ms waiting for the migration lock "athanor:.athanor_version" (a lease in "athanor_version_lock"), held by run ${live.lease?.owner} on host ${hostname()} (pid ${run.child.pid})`);
      expect(waiting.stderr).toMatch(/hint: .*--lock-timeout.*migrate lock status/);

      // The holder dies without releasing: its row stays until it expires.
      run.child.kill("SIGKILL");
      await run.done;
    } finally {
      run.child.kill("SIGKILL");
    }
    expect(await leaseRows()).toHaveLength(1);
    expect(status()).toMatchObject({ held: true, lease: { stale: false } });
    // Let its 30 s run out at once rather than wait for it.
    await queryTestDatabase(ctx.db, "UPDATE athanor_version_lock SET expires_at = now() - interval '3 seconds', heartbeat_at = now() - interval '33 seconds'");
    const stale = status();
    expect(stale).toMatchObject({ held: false, lease: { stale: true } });
    expect(ctx.project.run(["lock", "status"]).stdout).toMatch(/stale: expired \d.* ago \(its run stopped renewing it/);
    const removed = ctx.project.run(["unlock", "--if-stale"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed the stale lease of run ${stale.lease?.owner} on host ${hostname()}`);
    expect(await leaseRows()).toEqual([]);
    expect(ctx.project.takeCalls()).toEqual(["up:r1", "up:r2"]);
    expect(await versionRows(ctx.db)).toEqual(["r1"]);
  });

  it("an expired lease is taken over, with a warning naming the dead run", async ({ skip }) => {
    if (!ctx.available) skip();
    await queryTestDatabase(
      ctx.db,
      "INSERT INTO athanor_version_lock VALUES ('athanor:.athanor_version', 'dead-run', 'ghost-host', 424242, now() - interval '2 minutes', now() - interval '90 seconds', now() - interval '60 seconds')",
    );
    const r = ctx.project.run(["upgrade", "head", "--lock-timeout", "5"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/WARNING: Took over the expired migration lock of run dead-run on host ghost-host \(pid 424242\), since .*; last heartbeat \d+ s ago, expired \d+ s ago\./);
    expect(r.stderr).not.toContain("Waiting for the migration lock");
    expect(ctx.project.takeCalls()).toEqual(["up:r2"]);
    expect(await versionRows(ctx.db)).toEqual(["r2"]);
    expect(await leaseRows()).toEqual([]);
  });

  it("a run whose lease is taken over stops at once and rolls its revision back", async ({ skip }) => {
    if (!ctx.available) skip();
    expect(ctx.project.run(["downgrade", "r1"]).code).toBe(0);
    ctx.project.takeCalls();
    rmSync(marker, { force: true });
    const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
    try {
      await waitForMarker(marker);
      // Another run took it over (as if this one's heartbeat had stopped for 30 s).
      await queryTestDatabase(ctx.db, "UPDATE athanor_version_lock SET owner = 'intruder', host = 'elsewhere', pid = 7, acquired_at = now(), heartbeat_at = now()");
      const r = await run.done;
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('ERROR: Stopped: the migration lock was lost (its lease in "athanor_version_lock" was taken over by run intruder on host elsewhere, pid 7) during the upgrade of revision r2');
      expect(r.stderr).toMatch(/hint: Another run may be migrating now: see `migrate lock status`/);
      expect(r.stderr).toContain("Its changes were rolled back");
      expect(r.stderr).toContain("The version table now shows: r1.");
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      run.child.kill("SIGKILL");
    }
    expect(await versionRows(ctx.db)).toEqual(["r1"]);
    expect(await tableExists(ctx.db, "t_r2a")).toBe(false);
    // The intruder's row is its own: the stopped run leaves it alone.
    expect(await leaseRows()).toEqual([{ owner: "intruder", host: "elsewhere", pid: 7 }]);
    await queryTestDatabase(ctx.db, "DELETE FROM athanor_version_lock");
    ctx.project.takeCalls();
  });

  it("SIGINT while waiting for a lease exits 130 and leaves the holder's lease alone", async ({ skip }) => {
    if (!ctx.available) skip();
    rmSync(marker, { force: true });
    const holder = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
    try {
      await waitForMarker(marker);
      const before = await leaseRows();
      const waiter = startMigrate(ctx.project, ["upgrade", "head", "--lock-timeout", "60"]);
      await waitUntil(() => waiter.stderr().includes("Waiting for the migration lock"), "the waiting message");
      waiter.child.kill("SIGINT");
      const r = await waiter.done;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain("ERROR: Interrupted by SIGINT");
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(await leaseRows()).toEqual(before);
    } finally {
      holder.child.kill("SIGKILL");
      await holder.done;
      await queryTestDatabase(ctx.db, "DELETE FROM athanor_version_lock");
      ctx.project.takeCalls();
    }
    expect(await versionRows(ctx.db)).toEqual(["r1"]);
  });

  it("runs that took different locks wait for each other", async ({ skip }) => {
    if (!ctx.available) skip();
    // A session-lock run waits for a live lease…
    const sessionProject = new TestProject(ctx.db.url, `lock: "session", versionLocations: [${JSON.stringify(`${ctx.project.dir}/migrations/versions`)}]`);
    rmSync(marker, { force: true });
    const run = startMigrate(ctx.project, ["upgrade", "head"], { ATHANOR_TEST_PAUSE: "1" });
    try {
      await waitForMarker(marker);
      const r = sessionProject.run(["upgrade", "head", "--lock-timeout", "0.5"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Waiting for the migration lock");
      expect(r.stderr).toMatch(/Timed out after 500 ms waiting for the migration lock .*\(a lease in "athanor_version_lock"\), held by run .* \(pid \d+\)/);
    } finally {
      run.child.kill("SIGKILL");
      await run.done;
      sessionProject.remove();
      await queryTestDatabase(ctx.db, "DELETE FROM athanor_version_lock");
    }
    // …and a lease run waits for a session lock, naming its backend.
    const held = await holdLock(ctx.db);
    try {
      const r = ctx.project.run(["upgrade", "head", "--lock-timeout", "0.5"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Waiting for the migration lock");
      expect(r.stderr).toMatch(/Timed out after 500 ms waiting for the migration lock "athanor:.athanor_version" \(PostgreSQL advisory lock -?\d+\), held by backend PID \d+/);
      expect(JSON.parse(ctx.project.run(["--json", "lock", "status"]).stdout)).toMatchObject({ held: true, lease: null, session: { pid: expect.any(Number) } });
    } finally {
      await held.release();
    }
    expect(await leaseRows()).toEqual([]);
    expect(await versionRows(ctx.db)).toEqual(["r1"]);
  });
});

describe("lock: \"auto\" on a direct postgres connection", () => {
  const ctx = useTestProject("postgres", { setup: (p) => void p.addRevision({ id: "d1" }) });
  it("takes the session lock: no pooler is seen, no lock table is made", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["--verbose", "upgrade", "head"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("lease");
    expect(await tableExists(ctx.db, "athanor_version_lock")).toBe(false);
    expect(JSON.parse(ctx.project.run(["--json", "lock", "status"]).stdout)).toMatchObject({ held: false, lease: null, session: null });
  });
});

describe("lock: \"table\" on sqlite", () => {
  const ctx = useTestProject("sqlite", { configExtra: `lock: "table"`, setup: (p) => void p.addRevision({ id: "s1" }) });
  it("is a config error naming the setting", () => {
    const r = ctx.project.run(["upgrade", "head"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ERROR: The config says lock: "table", but the sqlite dialect has no lease lock/);
    expect(r.stderr).toMatch(/hint: Remove `lock: "table"`/);
    expect(ctx.project.run(["lock", "status"]).stderr).toMatch(/ERROR: The sqlite migration lock is a session lock only/);
  });
});
