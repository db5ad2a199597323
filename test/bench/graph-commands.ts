/**
 * Benchmark: wall time of `migrate heads` and `migrate history` (real CLI processes) over a
 * project with N generated revisions: a long trunk with a labelled side branch every 500
 * revisions merged back, so the graph is not just a line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { MIGRATE_BIN } from "../helpers/project.js";

function revisionFile(id: string, down: string[] | null, label: string | null): string {
  const downLiteral = down === null ? "null" : down.length === 1 ? JSON.stringify(down[0]) : JSON.stringify(down);
  return `/**
 * generated ${id}
 *
 * Revision ID: ${id}
 */
import type { Operations } from "athanor";

export const revision = "${id}";
export const downRevision: string | string[] | null = ${downLiteral};
export const branchLabels: string[] | null = ${label ? JSON.stringify([label]) : "null"};
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {}
export async function downgrade(op: Operations): Promise<void> {}
`;
}

/** Writes a project with `count` revisions; returns its folder. */
export function generateProject(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "athanor-bench-"));
  const versions = join(dir, "migrations/versions");
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(dir, "migrate.config.ts"), `export default { url: "sqlite:bench.db" };\n`);
  let prev: string | null = null;
  let side: string | null = null;
  for (let i = 0; i < count; i++) {
    const id = `r${i.toString(16).padStart(8, "0")}`;
    let down: string[] | null = prev ? [prev] : null;
    let label: string | null = null;
    if (i % 500 === 250 && prev) {
      // a side branch off the trunk, merged back 100 revisions later
      side = id;
      label = `side${i}`;
    } else if (side && i % 500 === 350) {
      down = [prev as string, side];
      side = null;
    }
    writeFileSync(join(versions, `${id}_generated.ts`), revisionFile(id, down, label));
    if (label === null) prev = id;
  }
  return dir;
}

function time(dir: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], { cwd: dir, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`migrate ${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

/** Runs the benchmark and returns lines of results. */
export function benchGraphCommands(count = 5000, runs = 3): string[] {
  const dir = generateProject(count);
  try {
    const lines: string[] = [];
    for (const args of [["heads"], ["history"], ["--version"]]) {
      const samples = Array.from({ length: runs }, () => time(dir, args));
      samples.sort((a, b) => a - b);
      lines.push(`migrate ${args.join(" ").padEnd(10)} over ${count} revisions: median ${samples[Math.floor(runs / 2)]?.toFixed(0)} ms (min ${samples[0]?.toFixed(0)}, max ${samples[runs - 1]?.toFixed(0)})`);
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
