/**
 * Shared pieces of the reliability and bad-input end-to-end tests: a CLI child process the test
 * can signal, waiting for a revision to reach a marker, holding the migration lock from outside,
 * and direct reads of what the database holds.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import type { HeldLock } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/registry.js";
import type { TestDatabase, TestDialect } from "../helpers/databases.js";
import { MIGRATE_BIN, type CliRun, type TestProject } from "../helpers/project.js";
import { queryTestDatabase, tableExists } from "../helpers/version-rows.js";

export { tableExists };

/** A running CLI process. */
export interface RunningCli {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves when the process exits. */
  done: Promise<CliRun>;
}

/** Starts the CLI in the project folder without waiting for it. */
export function startMigrate(project: TestProject, args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [MIGRATE_BIN, ...args], { cwd: project.dir, env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  const done = new Promise<CliRun>((resolve) => child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr })));
  return { child, stderr: () => stderr, done };
}

/**
 * Polls until `ready()` is true. The bound only keeps a broken test from hanging; nothing is
 * asserted about how long it took.
 */
export async function waitUntil(ready: () => boolean | Promise<boolean>, what: string, boundMs = 30_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits until a revision wrote its marker file (it then pauses). */
export function waitForMarker(marker: string): Promise<void> {
  return waitUntil(() => existsSync(marker), `marker ${marker}`);
}

/**
 * Upgrade body that creates `first`, writes `marker`, pauses while ATHANOR_TEST_PAUSE is set,
 * then creates `second`. Needs PAUSE_PRELUDE at the top of the file.
 *
 * On MySQL the runner holds a revision's statements back until the revision's function returns
 * (so an unsupported operation fails before anything runs); there the pause is a statement of its
 * own, `DO SLEEP(3)`, which runs after `first` was created — wait for it with waitForPause.
 */
export function pausingBody(first: string, second: string, marker: string, dialect: TestDialect = "sqlite"): string {
  const pause =
    dialect === "mysql"
      ? `    await op.execute("DO SLEEP(3)");`
      : `    writeFileSync(${JSON.stringify(marker)}, "paused");
    await new Promise((resolve) => setTimeout(resolve, 30_000));`;
  return `  await op.execute("CREATE TABLE ${first} (id integer)");
  if (process.env.ATHANOR_TEST_PAUSE) {
${pause}
  }
  await op.execute("CREATE TABLE ${second} (id integer)");`;
}

/** Waits until a revision built by pausingBody is paused (its first statement has run). */
export async function waitForPause(dialect: TestDialect, db: TestDatabase, marker: string): Promise<void> {
  if (dialect !== "mysql") return waitForMarker(marker);
  // The revision log names the statement it is running; the sleep comes right after `first`.
  return waitUntil(async () => (await logRows(db)).some((r) => String(r.pending_statement ?? "").includes("SLEEP")), "the revision to reach DO SLEEP");
}

/** Imports pausingBody needs. */
export const PAUSE_PRELUDE = `import { writeFileSync } from "node:fs";`;

/** Takes the migration lock as athanor would (default version table), from this process. */
export async function holdLock(db: TestDatabase): Promise<{ release(): Promise<void> }> {
  const url = parseDatabaseUrl(db.url);
  const dialect = await loadDialect(url.dialect);
  const conn = await dialect.connect(url);
  const lock: HeldLock = await dialect.acquireLock(conn, "athanor:.athanor_version", 5_000);
  return {
    async release() {
      await lock.release();
      await conn.close();
    },
  };
}

/** The revision log's rows, or [] when it does not exist. */
export async function logRows(db: TestDatabase): Promise<Record<string, unknown>[]> {
  if (!(await tableExists(db, "athanor_version_log"))) return [];
  return queryTestDatabase(db, "SELECT revision, direction, status, statements_done, pending_statement, error FROM athanor_version_log ORDER BY revision");
}

/** A stack-trace line, which no user error may show without --verbose. */
export const STACK_LINE = /\n\s+at .+:\d+:\d+/;
