/**
 * Benchmark: whole `migrate` processes (bin/migrate.js, built) for the cases where start-up and
 * per-revision costs show: `--version`; `current` with one revision; `heads` and `history` over
 * 1,000 revisions; `upgrade head` of 1,000 one-table revisions on SQLite and PostgreSQL (there
 * also with `transaction: "command"`); a no-op `revision --autogenerate` over 1,000 PostgreSQL
 * tables. `current` and each upgrade stand beside their floor (driver-floor.mjs: Node and the
 * driver doing the same database work, nothing else), so time and memory above it are athanor's. Each case: one untimed warm-up run
 * (it fills the compile cache, as any first run would), then ATHANOR_BENCH_RUNS timed runs (3);
 * printed are the median wall time, the median CPU time, the statements sent to the database and
 * the peak RSS (count-statements.cjs, preloaded into each child). Ratios to other tools come from
 * the side-by-side harness in ../shared/bench (the same cases, interleaved with Alembic).
 *
 * Run alone with `npx tsx test/bench/cli-processes.ts`, or through `npm run bench`. It measures;
 * it asserts nothing about time. The machine is shared: compare numbers only within one run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import { loadDialect } from "../../src/dialects/registry.js";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { MIGRATE_BIN } from "../helpers/project.js";
import { benchSchema } from "./bench-schema.js";
import { createBenchSchema } from "./create-bench-schema.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(HERE, "count-statements.cjs");
const FLOOR = join(HERE, "driver-floor.mjs");
const RUNS = Number(process.env.ATHANOR_BENCH_RUNS ?? 3);
const REVISIONS = 1000;

/** One measured run of the CLI. */
interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
  statements: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `migrate args` (or another `script`) once in `cwd` and returns what it cost; throws when it fails. */
function runOnce(cwd: string, args: string[], script = MIGRATE_BIN): Sample {
  const stats = join(cwd, ".bench-stats.json");
  rmSync(stats, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ["-r", PRELOAD, script, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", ATHANOR_BENCH_STATS: stats },
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const s = JSON.parse(readFileSync(stats, "utf8")) as Omit<Sample, "wallMs">;
  return { wallMs, ...s };
}

/** Warm-up, then RUNS timed runs (`before` runs untimed before each); one line of results. */
async function measure(label: string, cwd: string, args: string[], before: () => void | Promise<void> = () => undefined, script = MIGRATE_BIN): Promise<string> {
  await before();
  runOnce(cwd, args, script);
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before();
    samples.push(runOnce(cwd, args, script));
  }
  const wall = samples.map((s) => s.wallMs);
  return (
    `${label.padEnd(52)} wall ${(median(wall) / 1000).toFixed(3)} s (${(Math.min(...wall) / 1000).toFixed(3)}–${(Math.max(...wall) / 1000).toFixed(3)})` +
    `  cpu ${(median(samples.map((s) => s.cpuMs)) / 1000).toFixed(3)} s  statements ${samples.at(-1)!.statements}` +
    `  peak RSS ${(Math.max(...samples.map((s) => s.maxRssKb)) / 1024).toFixed(1)} MiB  (n=${RUNS})`
  );
}

/** Writes the project's migrate.config.ts (`extra`: more properties, as TypeScript source). */
function writeConfig(dir: string, url: string, schema?: string, extra = ""): void {
  writeFileSync(
    join(dir, "migrate.config.ts"),
    `import { defineConfig } from "athanor";\n\nexport default defineConfig({ url: ${JSON.stringify(url)}, migrations: "./migrations"${schema ? `, schema: ${JSON.stringify(schema)}` : ""}${extra ? `, ${extra}` : ""} });\n`,
  );
}

/** A project folder: migrate.config.ts for `url`, and `count` one-table revisions in a line. */
function chainProject(url: string, count: number, schema?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "athanor-bench-cli-"));
  mkdirSync(join(dir, "migrations/versions"), { recursive: true });
  writeConfig(dir, url, schema);
  let down: string | null = null;
  for (let i = 0; i < count; i++) {
    const id = `c${i.toString(16).padStart(11, "0")}`;
    const table = `chain_${String(i).padStart(4, "0")}`;
    writeFileSync(
      join(dir, "migrations/versions", `${id}_step_${i}.ts`),
      `/**
 * chain step ${i}
 *
 * Revision ID: ${id}
 */
import { type Operations, serial, sql, timestamp, varchar } from "athanor";

export const revision = "${id}";
export const downRevision: string | null = ${JSON.stringify(down)};

export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("${table}", {
    id: serial().primaryKey(),
    name: varchar(50).notNull(),
    created_at: timestamp({ withTimezone: true }).notNull().default(sql\`CURRENT_TIMESTAMP\`),
  });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.dropTable("${table}");
}
`,
    );
    down = id;
  }
  return dir;
}

/** Empties a PostgreSQL database (the chain's tables and athanor's own). */
async function resetPostgres(url: string): Promise<void> {
  const dialect = await loadDialect("postgres");
  const conn = await dialect.connect(parseDatabaseUrl(url));
  await conn.query("DROP SCHEMA public CASCADE");
  await conn.query("CREATE SCHEMA public");
  await conn.close();
}

/**
 * The floor under an upgrade: driver-floor.mjs, a Node process that loads the driver and does
 * only the database work (`floorArgs`: its arguments) — the SQL `upgrade head --sql` prints for
 * the project, sent as one script in one transaction. No revision code, no per-statement round
 * trips: neither athanor nor Alembic can take less time than its server share, and no Node
 * program using the driver less memory than its peak RSS.
 */
async function measureFloor(cwd: string, floorArgs: (sqlFile: string) => string[], before?: () => void | Promise<void>): Promise<string> {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, "upgrade", "head", "--sql"], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  if (r.status !== 0) throw new Error(`migrate upgrade head --sql failed (${r.status}):\n${r.stderr}`);
  // One transaction around all of it, as Alembic runs an upgrade: a commit per revision is a
  // choice athanor makes (and pays for on SQLite, where each one syncs the file), not the floor.
  const body = r.stdout.split("\n").filter((line) => line !== "BEGIN;" && line !== "COMMIT;");
  const sqlFile = join(cwd, "floor.sql");
  writeFileSync(sqlFile, ["BEGIN;", ...body, "COMMIT;"].join("\n"));
  return measure("  floor: Node + driver, its SQL in one transaction", cwd, floorArgs(sqlFile), before, FLOOR);
}

/** Runs every case, printing one line per case. */
export async function benchCliProcesses(print: (line: string) => void = console.log): Promise<void> {
  print(`CLI processes (bin/migrate.js; warm-up run first, then median of ${RUNS}; statements counted in the driver; peak RSS of the child):`);
  const scratch = chainProject("sqlite:none.db", 0);
  try {
    print(await measure("--version", scratch, ["--version"]));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const one = chainProject("sqlite:app.db", 1);
  try {
    runOnce(one, ["upgrade", "head"]);
    print(await measure("current, 1 revision (SQLite)", one, ["current"]));
    print(await measure("  floor: Node + driver, reading the version table", one, ["sqlite", join(one, "app.db"), "read", "athanor_version"], undefined, FLOOR));
  } finally {
    rmSync(one, { recursive: true, force: true });
  }

  const chain = chainProject("sqlite:app.db", REVISIONS);
  try {
    print(await measure(`heads, ${REVISIONS} revisions`, chain, ["heads"]));
    print(await measure(`history, ${REVISIONS} revisions`, chain, ["history"]));
    const freshDb = () => rmSync(join(chain, "app.db"), { force: true });
    print(await measure(`upgrade head, ${REVISIONS} one-table revisions (SQLite)`, chain, ["upgrade", "head", "-q"], freshDb));
    print(await measureFloor(chain, (sql) => ["sqlite", join(chain, "app.db"), "script", sql], freshDb));
  } finally {
    rmSync(chain, { recursive: true, force: true });
  }

  if (!(await serverAvailable("postgres"))) {
    print("!!!!! SKIPPING the PostgreSQL CLI benchmarks: the server is unreachable");
    return;
  }
  let db: TestDatabase | undefined;
  let pgChain: string | undefined;
  try {
    db = await createTestDatabase("postgres");
    const url = db.url;
    pgChain = chainProject(url, REVISIONS, "./schema.ts");
    const project = pgChain;
    print(await measure(`upgrade head, ${REVISIONS} one-table revisions (PostgreSQL)`, project, ["upgrade", "head", "-q"], () => resetPostgres(url)));
    print(await measureFloor(project, (sql) => ["postgres", url, "script", sql], () => resetPostgres(url)));
    // Alembic's default shape: the whole run in one transaction (version and log rows written once).
    writeConfig(project, url, "./schema.ts", `transaction: "command"`);
    print(await measure(`upgrade head, ${REVISIONS} one-table revisions (PostgreSQL, transaction: "command")`, project, ["upgrade", "head", "-q"], () => resetPostgres(url)));
    print(await measureFloor(project, (sql) => ["postgres", url, "script", sql], () => resetPostgres(url)));
    writeConfig(project, url, "./schema.ts");
    // The no-op autogenerate: 1,000 generated tables, and a schema.ts pulled from them.
    await resetPostgres(url);
    const dialect = await loadDialect("postgres");
    const conn = await dialect.connect(parseDatabaseUrl(url));
    await createBenchSchema(dialect, conn, benchSchema(REVISIONS));
    await conn.close();
    rmSync(join(project, "migrations/versions"), { recursive: true, force: true });
    mkdirSync(join(project, "migrations/versions"));
    runOnce(project, ["pull", "--out", "schema.ts", "--force"]);
    print(await measure(`revision --autogenerate, no-op, ${REVISIONS} tables (PostgreSQL)`, project, ["revision", "--autogenerate", "-m", "bench"]));
  } finally {
    if (pgChain) rmSync(pgChain, { recursive: true, force: true });
    await db?.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchCliProcesses();
