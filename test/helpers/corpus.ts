/**
 * The public schema corpus in ../shared/schemas: real schemas nobody on the team wrote. Each file
 * is loaded with the database's own command-line client, exactly as the corpus README did.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPO_ROOT } from "./project.js";
import type { TestDatabase, TestDialect } from "./databases.js";

/** The corpus folder (a sibling of the repository, as in CI). */
export const CORPUS_DIR = resolve(REPO_ROOT, "../shared/schemas");

const FILE_FOR: Record<TestDialect, string> = { postgres: "postgresql.sql", mysql: "mysql.sql", sqlite: "sqlite.sql" };

/** One corpus file. */
export interface CorpusEntry {
  name: string;
  dialect: TestDialect;
  file: string;
}

/**
 * Whether the corpus can run: true when `dir` has schemas. When it is absent (a clone without
 * ../shared) the corpus tests skip with a loud message, except under CI=true, where it throws.
 */
export function corpusPresent(dir = CORPUS_DIR, ci = process.env.CI === "true"): boolean {
  if (existsSync(dir) && readdirSync(dir).length > 0) return true;
  const message = `the schema corpus is missing at ${dir} (it is ../shared/schemas beside the repository)`;
  if (ci) throw new Error(`${message} (CI=true: a missing corpus fails the run)`);
  console.warn(`\n!!!!! SKIPPING THE CORPUS CONVERGENCE TESTS — ${message}\n`);
  return false;
}

/** Every corpus file, by schema name and dialect. */
export function corpusEntries(): CorpusEntry[] {
  if (!existsSync(CORPUS_DIR)) return [];
  const out: CorpusEntry[] = [];
  for (const name of readdirSync(CORPUS_DIR).sort()) {
    for (const dialect of ["sqlite", "postgres", "mysql"] as TestDialect[]) {
      const file = join(CORPUS_DIR, name, FILE_FOR[dialect]);
      if (existsSync(file)) out.push({ name, dialect, file });
    }
  }
  return out;
}

/** Loads a corpus file into a test database with psql, mysql or sqlite3. */
export function loadCorpusFile(entry: CorpusEntry, db: TestDatabase): void {
  const opts = { stdio: ["pipe", "pipe", "pipe"] as ["pipe", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 };
  if (entry.dialect === "postgres") {
    execFileSync("psql", [db.url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", entry.file], opts);
  } else if (entry.dialect === "mysql") {
    const u = new URL(db.url);
    const sql = execFileSync("cat", [entry.file]);
    execFileSync("mysql", ["-h", u.hostname, "-P", u.port || "3306", "-u", decodeURIComponent(u.username), u.pathname.slice(1)], { ...opts, input: sql });
  } else {
    execFileSync("sqlite3", ["-bail", db.file as string, `.read ${entry.file}`], opts);
  }
}
