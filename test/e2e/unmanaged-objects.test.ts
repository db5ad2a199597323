/**
 * What the model cannot hold is never dropped without a word, live on each dialect: `pull` lists
 * it by kind and name (stderr, --json, and the file's header), and `check` against the database
 * it was pulled from exits 1, naming each, though the pulled model has no operation pending.
 */
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TestDialect } from "../helpers/databases.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

interface Case {
  dialect: TestDialect;
  setup: string[];
  /** "kind name" as pull and check print them. */
  expected: string[];
}

const CASES: Case[] = [
  {
    dialect: "postgres",
    setup: [
      // An exclusion constraint is the model's (exclude): the table holds it without a word.
      "CREATE TABLE bookings (id integer PRIMARY KEY, during tsrange NOT NULL, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&))",
      // Inheritance and rules are modelled; a child's own default on an inherited column and a
      // parent's NO INHERIT check are not.
      "CREATE TABLE parent_log (id integer NOT NULL, note text, CONSTRAINT positive_id CHECK (id > 0) NO INHERIT)",
      "CREATE TABLE child_log (extra text) INHERITS (parent_log)",
      "ALTER TABLE ONLY child_log ALTER COLUMN note SET DEFAULT 'child'",
      "CREATE RULE no_delete AS ON DELETE TO bookings DO INSTEAD NOTHING",
      // Composite and range types are the model's (compositeType, rangeType): pulled, never listed.
      "CREATE TYPE pair AS (a integer, b integer)",
      "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi)",
      // UNLOGGED and the storage parameters of a table and a plain index are the model's (unlogged,
      // with); those of a key's index are not.
      "CREATE UNLOGGED TABLE scratch (id integer PRIMARY KEY)",
      "CREATE TABLE tuned (id integer, at date, CONSTRAINT tuned_pkey PRIMARY KEY (id) WITH (fillfactor = 90)) WITH (fillfactor = 80)",
      "CREATE INDEX tuned_at ON tuned (at) WITH (fillfactor = 70)",
      // Text-search parsers and templates need C functions; athanor creates neither.
      "CREATE TEXT SEARCH TEMPLATE my_simple (LEXIZE = dsimple_lexize, INIT = dsimple_init)",
      "CREATE TEXT SEARCH PARSER my_parser (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype)",
      // security_invoker and check_option are the model's; security_barrier is not.
      "CREATE VIEW guarded WITH (security_barrier, security_invoker) AS SELECT scratch.id FROM scratch",
    ],
    expected: [
      "inherited column override note on child_log",
      "NO INHERIT check positive_id on parent_log",
      "index storage parameters tuned_pkey on tuned",
      "text search template my_simple",
      "text search parser my_parser",
      "view options guarded",
    ],
  },
  {
    dialect: "mysql",
    setup: [
      "CREATE TABLE metrics (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (YEAR(at)) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)",
      "CREATE EVENT purge_metrics ON SCHEDULE EVERY 1 DAY DO DELETE FROM metrics WHERE at < '2000-01-01'",
      // athanor would create the view as the connecting user: another definer is named, not handed over.
      "CREATE DEFINER=`athanor_nobody`@`localhost` SQL SECURITY INVOKER VIEW recent AS SELECT id FROM metrics",
    ],
    expected: ["event purge_metrics", "partitioned table metrics", "view definer recent (DEFINER=athanor_nobody@localhost, not the connecting user"],
  },
  {
    dialect: "sqlite",
    setup: ["CREATE VIRTUAL TABLE docs USING fts5(title, body)", "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID", "CREATE TABLE plain (id INTEGER PRIMARY KEY)"],
    // The virtual table docs is a model object (virtualTable); only the table option is beyond the model.
    expected: ["table option kv"],
  },
];

describe.each(CASES)("what the model cannot hold on $dialect", ({ dialect, setup, expected }) => {
  const ctx = useTestProject(dialect, {
    configExtra: `schema: "./schema.ts"`,
    setup: async (_project, db) => {
      if (db.dialect === "sqlite") {
        // The file does not exist before a first connection; the driver creates it.
        const conn = new Database(db.file as string);
        for (const statement of setup) conn.exec(statement);
        conn.close();
      } else for (const statement of setup) await queryTestDatabase(db, statement);
    },
  });

  it("pull lists it by kind and name, and check exits 1 naming each", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project } = ctx;
    const pulled = project.run(["pull"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    for (const label of expected) expect(pulled.stderr).toContain(`${label}`);
    expect(pulled.stderr).toContain("is not in this file: athanor does not manage");
    const header = readFileSync(join(project.dir, "schema.ts"), "utf8");
    for (const label of expected) expect(header).toContain(label);
    if (dialect === "postgres") {
      expect(header).toMatch(/export const pair = compositeType\("pair", \{ a: "integer", b: "integer" \}\);/);
      expect(header).toMatch(/export const floatrange = rangeType\("floatrange", \{\s*subtype: "double precision",\s*subtypeDiff: "float8mi",?\s*\}\);/);
      expect(header).not.toContain("composite type pair");
    }
    const json = project.run(["pull", "--out", "-", "--json"]);
    expect(json.code).toBe(0);

    const check = project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).not.toContain("Pending operations");
    expect(check.stdout).toContain(`Differences autogenerate does not change (${expected.length}):`);
    for (const label of expected) expect(check.stdout).toMatch(new RegExp(`- ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b.*athanor does not manage`));
  });
});
