/**
 * A kill loop: `migrate upgrade head` and `migrate downgrade base`, alternately, each SIGKILLed
 * at a random moment of its run, at least ten kills per dialect. After every kill the database
 * must be consistent — the tables of exactly the applied revisions exist (on MariaDB, a revision
 * the log marks partial has exactly its recorded statements in effect, give or take the one in
 * flight) — and recoverable: the same command again (with `--resume` where the log asks for it)
 * finishes. The seed is printed with every failure, so a failing run can be replayed with
 * ATHANOR_KILL_SEED.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase, type TestDialect } from "../helpers/databases.js";
import { TestProject } from "../helpers/project.js";
import { versionRows } from "../helpers/version-rows.js";
import { logRows, startMigrate, tableExists } from "./reliability-helpers.js";

const REVISIONS = ["kl1", "kl2", "kl3", "kl4"];
const TABLES_PER_REVISION = 3;
/** Kills that must land while the process still runs. */
const KILLS = 10;
/** Attempts at most (a kill that comes after the process exited does not count). */
const MAX_ATTEMPTS = 30;

/** A statement that takes a moment, so kills also land inside revisions, not only during start-up. */
const PAUSE: Record<TestDialect, string> = {
  sqlite: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT count(*) FROM c",
  postgres: "SELECT pg_sleep(0.15)",
  mysql: "DO SLEEP(0.15)",
};
/** Kills that must come after a revision had started. */
const MID_REVISION_KILLS = 3;

const tables = (revision: string) => Array.from({ length: TABLES_PER_REVISION }, (_, i) => `${revision}_t${i}`);

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Registers the kill loop for one dialect. */
export function describeKillLoop(dialect: TestDialect): void {
  describe(`kill loop on ${dialect}`, () => {
    let available = true;
    let db: TestDatabase | undefined;
    let project: TestProject | undefined;
    beforeAll(async () => {
      available = await serverAvailable(dialect);
      if (!available) return;
      db = await createTestDatabase(dialect);
      project = new TestProject(db.url);
      REVISIONS.forEach((id, i) =>
        project?.addRevision({
          id,
          down: i === 0 ? null : REVISIONS[i - 1],
          upgrade: tables(id).map((t) => `  await op.execute("CREATE TABLE ${t} (id integer)");\n  await op.execute(${JSON.stringify(PAUSE[dialect])});`).join("\n"),
          downgrade: [...tables(id)].reverse().map((t) => `  await op.execute("DROP TABLE ${t}");\n  await op.execute(${JSON.stringify(PAUSE[dialect])});`).join("\n"),
        }),
      );
    });
    afterAll(async () => {
      project?.remove();
      await db?.drop();
    });

    /** Asserts the database holds exactly what the version rows and the revision log say. */
    async function assertConsistent(context: string): Promise<void> {
      const d = db as TestDatabase;
      const rows = (await versionRows(d)) ?? [];
      expect(rows.length, `${context}: at most one row on a linear history`).toBeLessThanOrEqual(1);
      const applied = rows.length === 0 ? 0 : REVISIONS.indexOf(rows[0] as string) + 1;
      const partial = (await logRows(d)).filter((r) => r.status !== "done");
      if (dialect !== "mysql") expect(partial, `${context}: transactional DDL leaves nothing partial`).toEqual([]);
      expect(partial.length, `${context}: at most one partial revision`).toBeLessThanOrEqual(1);
      for (const [i, revision] of REVISIONS.entries()) {
        const entry = partial.find((p) => p.revision === revision);
        const names = tables(revision);
        if (entry) {
          // The statements the log counts as done are in effect; the one after may or may not be; the rest are not.
          const done = Number(entry.statements_done);
          const up = entry.direction === "up";
          expect(up ? i === applied : i === applied - 1, `${context}: the partial revision ${revision} is next to the version row`).toBe(true);
          const order = up ? names : [...names].reverse();
          for (const [j, t] of order.entries()) {
            // Each table's statement is followed by the pause: table j is statement 2j (0-based).
            if (2 * j < done) expect(await tableExists(d, t), `${context}: ${t} (${up ? "created" : "dropped"} by a done statement)`).toBe(up);
            else if (2 * j > done) expect(await tableExists(d, t), `${context}: ${t} (not reached)`).toBe(!up);
          }
          continue;
        }
        for (const t of names) expect(await tableExists(d, t), `${context}: ${t} of ${i < applied ? "applied" : "unapplied"} revision ${revision}`).toBe(i < applied);
      }
    }

    /** Runs the command to its end, resuming when the log says a revision is partial. */
    function recover(args: string[], context: string): void {
      const p = project as TestProject;
      let r = p.run([...args, "--lock-timeout", "30"]);
      if (r.code !== 0 && /Refusing to run: a revision did not finish last time/.test(r.stderr)) r = p.run([...args, "--resume", "--lock-timeout", "30"]);
      expect(r.code, `${context}: recovery with ${args.join(" ")}\n${r.stderr}`).toBe(0);
    }

    it(`survives at least ${KILLS} SIGKILLs at random moments, consistent and recoverable after each`, async ({ skip }) => {
      if (!available) skip();
      const p = project as TestProject;
      const seed = Number(process.env.ATHANOR_KILL_SEED ?? Date.now() % 2 ** 31);
      const next = random(seed);
      // How long one uninterrupted run takes here, so kills spread over a run's whole life.
      recover(["upgrade", "head"], `seed ${seed}, first run`);
      const started = Date.now();
      recover(["downgrade", "base"], `seed ${seed}, first run`);
      const runMs = Math.max(200, Date.now() - started);
      let kills = 0;
      // Kills after the first revision had started (the others hit start-up, connecting or locking).
      let midRevision = 0;
      for (let attempt = 0; kills < KILLS && attempt < MAX_ATTEMPTS; attempt++) {
        const args = attempt % 2 === 0 ? ["upgrade", "head"] : ["downgrade", "base"];
        const context = `seed ${seed}, attempt ${attempt + 1} (${args.join(" ")})`;
        const run = startMigrate(p, [...args, "--lock-timeout", "30"]);
        let exited = false;
        void run.done.then(() => (exited = true));
        await sleep(Math.floor(runMs * (0.1 + 0.8 * next())));
        if (!exited && run.child.kill("SIGKILL")) {
          kills++;
          if (run.stderr().includes("Running ")) midRevision++;
        }
        await run.done;
        await assertConsistent(`${context}, after the kill`);
        recover(args, context);
        await assertConsistent(`${context}, after recovery`);
        expect((await versionRows(db as TestDatabase)) ?? [], `${context}: where the command leads`).toEqual(args[0] === "upgrade" ? ["kl4"] : []);
      }
      expect(kills, `seed ${seed}: kills that landed while migrate ran`).toBeGreaterThanOrEqual(KILLS);
      expect(midRevision, `seed ${seed}: kills after a revision had started`).toBeGreaterThanOrEqual(MID_REVISION_KILLS);
      if (process.env.ATHANOR_KILL_REPORT) console.log(`kill loop on ${dialect}: seed ${seed}, ${kills} kills, ${midRevision} after a revision had started`);
    }, 600_000);
  });
}
