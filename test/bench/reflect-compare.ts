/**
 * Benchmark: reflection and compare over a 1,000-table schema on every dialect. For each of
 * SQLite (a file), PostgreSQL and MariaDB it creates a fresh database, creates the generated
 * schema in it (compiled `createTable` operations), then measures in separate child processes
 * `dialect.reflect` (wall time, catalog queries, memory) and `compareSchemas` of the model
 * against the reflection (wall time, operations, memory), and drops the database. Compare
 * should return 0 operations; any it returns are phantom diffs, printed, never hidden.
 *
 * Run alone with `npx tsx test/bench/reflect-compare.ts` (ATHANOR_BENCH_TABLES=n for another
 * size), or through `npm run bench`. It measures; it asserts nothing about time.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import { loadDialect } from "../../src/dialects/registry.js";
import { createTestDatabase, serverAvailable, type TestDialect } from "../helpers/databases.js";
import { benchSchema } from "./bench-schema.js";
import { createBenchSchema } from "./create-bench-schema.js";
import type { PhaseResult } from "./reflect-compare-child.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const CHILD = join(HERE, "reflect-compare-child.ts");
const DIALECTS: TestDialect[] = ["sqlite", "postgres", "mysql"];

/** Options for one benchmark run. */
export interface ReflectCompareOptions {
  /** Number of tables (default 1000, or ATHANOR_BENCH_TABLES). */
  tables?: number;
  /** Where each result line goes as soon as it is known (default console.log). */
  print?: (line: string) => void;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const signedMb = (bytes: number): string => `${bytes >= 0 ? "+" : "-"}${mb(Math.abs(bytes))}`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

function memoryText(r: PhaseResult): string {
  const m = r.memory;
  return `peak RSS ${mb(m.maxRssAfter)} (${signedMb(m.maxRssAfter - m.maxRssBefore)} during the phase), heap ${signedMb(m.heapAfter - m.heapBefore)}`;
}

function runPhase(args: string[]): PhaseResult {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", CHILD, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`benchmark phase ${args[0]} failed (exit ${r.status}): ${r.stderr.trim()}`);
  const last = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as PhaseResult;
}

async function serverVersion(url: string): Promise<string> {
  const parsed = parseDatabaseUrl(url);
  const dialect = await loadDialect(parsed.dialect);
  const conn = await dialect.connect(parsed);
  try {
    const sql = parsed.dialect === "sqlite" ? "SELECT sqlite_version() AS v" : "SELECT version() AS v";
    const [row] = await conn.query<{ v: string }>(sql);
    // "PostgreSQL 16.4 (Debian …) on x86_64 …" and "10.11.6-MariaDB-0+deb12u1": keep the product and number.
    return /^(PostgreSQL\s+\S+|[^\s,]+)/.exec(String(row?.v ?? "?"))?.[1] ?? "?";
  } finally {
    await conn.close();
  }
}

async function benchDialect(name: TestDialect, tables: number, print: (line: string) => void): Promise<void> {
  const label = name.padEnd(9);
  const db = await createTestDatabase(name);
  const work = mkdtempSync(join(tmpdir(), "athanor-bench-reflect-"));
  try {
    const parsed = parseDatabaseUrl(db.url);
    const dialect = await loadDialect(parsed.dialect);
    const conn = await dialect.connect(parsed);
    try {
      const created = await createBenchSchema(dialect, conn, benchSchema(tables));
      const how = created.transactions > 0 ? `in ${created.transactions} transaction${created.transactions === 1 ? "" : "s"}` : "autocommitted";
      print(`${label} create  ${tables} tables: ${ms(created.ms)}, ${created.statements} statements ${how} (server ${await serverVersion(db.url)})`);
    } finally {
      await conn.close();
    }

    const json = join(work, "reflected.json");
    const reflected = runPhase(["reflect", db.url, json, String(tables)]);
    print(`${label} reflect ${tables} tables: ${ms(reflected.ms)} (warm ${ms(reflected.warmMs)}), ${reflected.queries} queries, ${memoryText(reflected)}`);
    if (reflected.tables !== tables) print(`${label} !!! reflection returned ${reflected.tables} tables, expected ${tables}`);

    const compared = runPhase(["compare", db.url, json, String(tables)]);
    print(`${label} compare ${tables} tables: ${ms(compared.ms)} (warm ${ms(compared.warmMs)}), ${compared.operations} operations, ${memoryText(compared)}`);
    if (compared.operations !== reflected.operationsInMemory) {
      print(`${label} !!! compare on the reflection before its JSON round trip gave ${reflected.operationsInMemory} operations`);
    }
    if (compared.operations) {
      print(`${label} !!! PHANTOM DIFF: the database was created from the model, yet compare returns ${compared.operations} operations; the first:`);
      for (const line of compared.described ?? []) print(`${label}       ${line}`);
    }
    for (const warning of compared.warnings ?? []) print(`${label}     warning: ${warning}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await db.drop();
  }
}

/** Runs the benchmark on every reachable dialect, printing one line per dialect and phase. */
export async function benchReflectCompare(options: ReflectCompareOptions = {}): Promise<void> {
  const tables = options.tables ?? Number(process.env.ATHANOR_BENCH_TABLES ?? 1000);
  const print = options.print ?? console.log;
  print(
    `reflect/compare over ${tables} tables. Memory: "peak RSS" is process.resourceUsage().maxRSS of a fresh child process that ` +
      `runs only that phase (its high-water mark, module loading included; "+N during the phase" is how far the phase raised it); ` +
      `"heap" is heapUsed right after the phase minus heapUsed after a GC just before it. Times: first run (cold JIT), then a second run.`,
  );
  for (const name of DIALECTS) {
    if (!(await serverAvailable(name))) {
      print(`!!!!! SKIPPING the ${name} reflect/compare benchmark: its server is unreachable (see the warning above)`);
      continue;
    }
    await benchDialect(name, tables, print);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchReflectCompare();
