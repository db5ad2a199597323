/**
 * One measured phase of the reflect/compare benchmark, run in a fresh process so that its peak
 * memory can be read honestly: `process.resourceUsage().maxRSS` is the process's high-water mark,
 * which catches the peak *during* the phase, where sampling rss before and after would only see
 * what is left afterwards. The process loads nothing but what the phase needs.
 *
 *   tsx reflect-compare-child.ts reflect <url> <out.json> <tables>
 *     reflects the database, writes the reflected schema to out.json (and, unmeasured, counts
 *     compare's operations on the in-memory reflection, to show the JSON round trip loses nothing)
 *   tsx reflect-compare-child.ts compare <url> <in.json> <tables>
 *     compares the generated model of <tables> tables with the reflected schema in in.json
 *
 * Prints one JSON line (PhaseResult) on stdout. Run with --expose-gc so the baseline is taken
 * after a collection.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { compareSchemas, dialectCompareOptions } from "../../src/autogenerate/compare.js";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import { loadDialect } from "../../src/dialects/registry.js";
import { describeOperation } from "../../src/operations/describe.js";
import type { DatabaseSchema } from "../../src/catalog/types.js";
import { benchSchema } from "./bench-schema.js";

/** Memory around a phase, in bytes. */
export interface MemorySample {
  /** process.resourceUsage().maxRSS (converted to bytes) just before the phase. */
  maxRssBefore: number;
  /** The same after the phase: the peak of the whole process, which includes the phase. */
  maxRssAfter: number;
  /** heapUsed after a forced GC just before the phase, and right after it (no GC). */
  heapBefore: number;
  heapAfter: number;
}

/** What a phase reports back to the runner. */
export interface PhaseResult {
  ms: number;
  /** A second run of the same phase, after the first warmed the JIT. */
  warmMs: number;
  memory: MemorySample;
  /** reflect: catalog queries sent (conn.queryCount delta); tables reflected. */
  queries?: number;
  tables?: number;
  /** reflect: compare's operation count on the reflection before its JSON round trip. */
  operationsInMemory?: number;
  /** compare: operations and warnings returned, and the first operations described. */
  operations?: number;
  warnings?: string[];
  described?: string[];
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

function before(): Pick<MemorySample, "maxRssBefore" | "heapBefore"> {
  gc();
  return { maxRssBefore: maxRss(), heapBefore: process.memoryUsage().heapUsed };
}

function after(start: Pick<MemorySample, "maxRssBefore" | "heapBefore">): MemorySample {
  return { ...start, heapAfter: process.memoryUsage().heapUsed, maxRssAfter: maxRss() };
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function reflectPhase(url: string, out: string, tables: number): Promise<PhaseResult> {
  const parsed = parseDatabaseUrl(url);
  const dialect = await loadDialect(parsed.dialect);
  const conn = await dialect.connect(parsed);
  try {
    const mem = before();
    const queriesBefore = conn.queryCount;
    const start = process.hrtime.bigint();
    const reflected = await dialect.reflect(conn, {});
    const ms = elapsed(start);
    const memory = after(mem);
    const queries = conn.queryCount - queriesBefore;
    const warmStart = process.hrtime.bigint();
    await dialect.reflect(conn, {});
    const warmMs = elapsed(warmStart);
    writeFileSync(out, JSON.stringify(reflected));
    const check = compareSchemas(benchSchema(tables), reflected, dialectCompareOptions(dialect));
    return { ms, warmMs, memory, queries, tables: reflected.tables.length, operationsInMemory: check.operations.length };
  } finally {
    await conn.close();
  }
}

async function comparePhase(url: string, input: string, tables: number): Promise<PhaseResult> {
  const dialect = await loadDialect(parseDatabaseUrl(url).dialect);
  const reflected = JSON.parse(readFileSync(input, "utf8")) as DatabaseSchema;
  const model = benchSchema(tables);
  const options = dialectCompareOptions(dialect);
  const mem = before();
  const start = process.hrtime.bigint();
  const result = compareSchemas(model, reflected, options);
  const ms = elapsed(start);
  const memory = after(mem);
  const warmStart = process.hrtime.bigint();
  compareSchemas(model, reflected, options);
  const warmMs = elapsed(warmStart);
  return {
    ms,
    warmMs,
    memory,
    operations: result.operations.length,
    warnings: result.warnings.slice(0, 5),
    described: result.operations.slice(0, 10).map(describeOperation),
  };
}

const [phase, url, file, tables] = process.argv.slice(2);
if (!url || !file || !tables || (phase !== "reflect" && phase !== "compare")) {
  console.error("usage: reflect-compare-child.ts reflect <url> <out.json> <tables> | compare <url> <in.json> <tables>");
  process.exit(2);
}
const result = phase === "reflect" ? await reflectPhase(url, file, Number(tables)) : await comparePhase(url, file, Number(tables));
console.log(JSON.stringify(result));
