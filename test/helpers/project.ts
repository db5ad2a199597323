/**
 * Temporary athanor projects for end-to-end tests: a folder with migrate.config.ts, revision files
 * written from literals, and a way to run the real CLI (bin/migrate.js, built) against it.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The CLI entry point. */
export const MIGRATE_BIN = join(REPO_ROOT, "bin/migrate.js");

/** Result of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A revision written into the project from literals. */
export interface RevisionSpec {
  id: string;
  down?: string | string[] | null;
  branchLabels?: string[];
  dependsOn?: string[];
  message?: string;
  /** Body of upgrade(); the default logs `up:<id>` to the project's call log. */
  upgrade?: string;
  downgrade?: string;
  /** Extra top-level code (e.g. a throw, to prove a module is never imported). */
  prelude?: string;
}

/** A temporary project. */
export class TestProject {
  readonly dir: string;
  readonly logFile: string;

  constructor(readonly url: string, configExtra = "") {
    this.dir = mkdtempSync(join(tmpdir(), "athanor-e2e-"));
    this.logFile = join(this.dir, "calls.log");
    mkdirSync(join(this.dir, "migrations/versions"), { recursive: true });
    writeFileSync(
      join(this.dir, "migrate.config.ts"),
      `export default { url: ${JSON.stringify(url)}, migrations: "./migrations"${configExtra ? `, ${configExtra}` : ""} };\n`,
    );
  }

  /** Writes a revision file whose functions append to the call log. */
  addRevision(spec: RevisionSpec): string {
    const down = spec.down === undefined ? null : spec.down;
    const log = (tag: string) => `  appendFileSync(${JSON.stringify(this.logFile)}, ${JSON.stringify(tag + "\n")});`;
    const text = `/**
 * ${spec.message ?? `revision ${spec.id}`}
 *
 * Revision ID: ${spec.id}
 */
import { appendFileSync } from "node:fs";
import type { Operations } from "athanor";
${spec.prelude ?? ""}
export const revision = ${JSON.stringify(spec.id)};
export const downRevision: string | string[] | null = ${JSON.stringify(down)};
export const branchLabels: string[] | null = ${JSON.stringify(spec.branchLabels ?? null)};
export const dependsOn: string[] | null = ${JSON.stringify(spec.dependsOn ?? null)};

export async function upgrade(op: Operations): Promise<void> {
${log(`up:${spec.id}`)}
${spec.upgrade ?? ""}
}

export async function downgrade(op: Operations): Promise<void> {
${log(`down:${spec.id}`)}
${spec.downgrade ?? ""}
}
`;
    const path = join(this.dir, "migrations/versions", `${spec.id}_${(spec.message ?? "rev").replace(/\W+/g, "_")}.ts`);
    writeFileSync(path, text);
    return path;
  }

  /** The calls logged by revision functions since the last call (and clears the log). */
  takeCalls(): string[] {
    if (!existsSync(this.logFile)) return [];
    const lines = readFileSync(this.logFile, "utf8").split("\n").filter(Boolean);
    rmSync(this.logFile);
    return lines;
  }

  /** Runs the CLI synchronously in the project folder. */
  run(args: string[], env: Record<string, string> = {}): CliRun {
    const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], {
      cwd: this.dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", ...env },
      timeout: 120_000,
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  /** Runs the CLI asynchronously (for concurrency tests). */
  runAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
    return new Promise((resolvePromise) => {
      const child = spawn(process.execPath, [MIGRATE_BIN, ...args], { cwd: this.dir, env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", ...env } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Removes the folder. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
