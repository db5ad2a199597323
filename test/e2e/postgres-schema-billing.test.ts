/**
 * Tried as a new user would: a PostgreSQL app whose `invoices` table lives in schema `billing`
 * (and whose public `orders` table references it), from `init` to `downgrade base`, with no
 * `schemas` setting in the config. The database is judged by its own catalog (pg_namespace,
 * pg_class, pg_get_constraintdef), never by athanor's reflection. Then pull: without options (or
 * with `--all-schemas`) it reads every schema and writes the tables with their schema, and the
 * pulled model is the model that was upgraded; `--schema` narrows it and names what it left out.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { MIGRATE_BIN } from "../helpers/project.js";
import { importUserModule } from "../../src/loader/import-user-module.js";
import { schemaFromModel } from "../../src/model/to-catalog.js";
import { normalizePostgresSchema } from "../../src/dialects/postgres/compare.js";

const available = await serverAvailable("postgres");

const SCHEMA_TS = `import { defineSchema, integer, serial, table, text } from "athanor";

export const invoices = table("invoices", { id: serial().primaryKey(), amount: integer().notNull() }, { schema: "billing" });

export const orders = table("orders", {
  id: serial().primaryKey(),
  invoice_id: integer().references(invoices, "id"),
  note: text(),
});

export default defineSchema({ tables: [invoices, orders] });
`;

/** What the database itself says: its schemas, its tables, its foreign keys. */
const CATALOG_SQL = `
SELECT 'schema ' || nspname AS key, '' AS text FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
UNION ALL SELECT 'table ' || n.nspname || '.' || c.relname, '' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
UNION ALL SELECT 'fk ' || conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'
ORDER BY 1`;

async function catalog(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query<{ key: string; text: string }>(CATALOG_SQL)).rows;
    return Object.fromEntries(rows.map((r) => [r.key, r.text]));
  } finally {
    await client.end();
  }
}

function migrate(cwd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!available)("a PostgreSQL app with a table in schema billing, as a new user would", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  it("init → autogenerate creates the schema → upgrade → check clean → nothing more to do → pull names the schema → downgrade base empties it", async () => {
    const db: TestDatabase = await createTestDatabase("postgres");
    cleanup.push(db.drop);
    const root = mkdtempSync(join(tmpdir(), "athanor-billing-"));
    if (!process.env.KEEP) cleanup.push(async () => rmSync(root, { recursive: true, force: true }));
    else console.log(root);
    expect(migrate(root, ["init", "app"]).code).toBe(0);
    const dir = join(root, "app");
    writeFileSync(join(dir, "schema.ts"), SCHEMA_TS);
    // The config is init's, untouched: no `schemas` setting.
    expect(readFileSync(join(dir, "migrate.config.ts"), "utf8")).not.toContain("schemas");
    const run = (args: string[]) => migrate(dir, ["--url", db.url, ...args]);
    const step = (args: string[]) => {
      const r = run(args);
      if (r.code !== 0) throw new Error(`migrate ${args.join(" ")} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
      return r;
    };

    step(["revision", "--autogenerate", "-m", "billing"]);
    const versions = join(dir, "migrations", "versions");
    const files = readdirSync(versions).filter((f) => f.endsWith(".ts"));
    expect(files).toHaveLength(1);
    const source = readFileSync(join(versions, files[0]!), "utf8");
    const upgrade = source.slice(source.indexOf("export async function upgrade"), source.indexOf("export async function downgrade"));
    const downgrade = source.slice(source.indexOf("export async function downgrade"));
    // The schema first, then the referenced table, then the referencing one; the downgrade in reverse.
    const at = (text: string, call: string) => text.indexOf(call);
    // However the renderer lays a call out (on one line or broken after its first argument).
    const created = (name: string) => upgrade.search(new RegExp(`op\\.createTable\\(\\s*"${name}"`));
    expect(at(upgrade, 'await op.createSchema("billing");')).toBeGreaterThan(0);
    expect(at(upgrade, 'await op.createSchema("billing");')).toBeLessThan(created("invoices"));
    expect(created("invoices")).toBeGreaterThan(0);
    expect(created("invoices")).toBeLessThan(created("orders"));
    expect(at(downgrade, 'await op.dropTable("orders");')).toBeLessThan(at(downgrade, 'await op.dropTable("invoices", { schema: "billing" });'));
    expect(at(downgrade, 'await op.dropTable("invoices", { schema: "billing" });')).toBeLessThan(at(downgrade, 'await op.dropSchema("billing");'));

    step(["upgrade", "head"]);
    const upgraded = await catalog(db.url);
    expect(Object.keys(upgraded).filter((k) => !k.startsWith("fk "))).toEqual([
      "schema billing",
      "schema public",
      "table billing.invoices",
      "table public.athanor_version",
      "table public.athanor_version_log",
      "table public.orders",
    ]);
    expect(upgraded["fk orders_invoice_id_fkey"]).toBe("FOREIGN KEY (invoice_id) REFERENCES billing.invoices(id)");

    const check = run(["check"]);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
    const again = run(["revision", "--autogenerate", "-m", "again"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("No changes");
    expect(readdirSync(versions).filter((f) => f.endsWith(".ts"))).toHaveLength(1);

    // pull reads every schema by default: adopting a database means all of it, billing included.
    const plain = run(["pull", "--out", "-"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/table\(\s*"orders"/);
    expect(plain.stdout).toMatch(/table\(\s*"invoices"/);
    expect(plain.stderr).not.toContain("Not read");
    // --schema narrows it, and names the schema it left out with how to include it.
    const only = run(["pull", "--out", "-", "--schema", "billing"]);
    expect(only.stdout).toContain('schema: "billing"');
    expect(only.stdout).not.toMatch(/table\(\s*"orders"/);
    expect(only.stderr).toContain("Not read: schema public (1 table) (pull read billing)");

    for (const args of [[], ["--all-schemas"], ["--schema", "public", "--schema", "billing"]]) {
      const out = join(dir, `pulled-${args.length}.ts`);
      const pulled = run(["pull", "--out", out, ...args]);
      expect(pulled.code, pulled.stderr).toBe(0);
      expect(pulled.stderr).not.toContain("Not read");
      const text = readFileSync(out, "utf8");
      expect(text).toContain('schema: "billing"');
      // The pulled model is the model that was upgraded (both as PostgreSQL stores them, which
      // keeps no record of whether a key was declared on its column).
      const stored = async (file: string) => JSON.parse(JSON.stringify(normalizePostgresSchema(schemaFromModel(await importUserModule(file)))));
      expect(await stored(out)).toEqual(await stored(join(dir, "schema.ts")));
    }

    // An explicit `schemas` setting still wins: billing left out means invoices is not seen.
    writeFileSync(join(dir, "public-only.config.ts"), `export default { schema: "./schema.ts", migrations: "./migrations", schemas: ["public"] };\n`);
    const narrowed = run(["-c", join(dir, "public-only.config.ts"), "check"]);
    expect(narrowed.code).toBe(1);
    expect(narrowed.stdout).toContain("create table billing.invoices");
    expect(narrowed.stdout).not.toContain("create schema");

    step(["downgrade", "base"]);
    expect(Object.keys(await catalog(db.url))).toEqual(["schema public", "table public.athanor_version", "table public.athanor_version_log"]);
  }, 120_000);

  it("a model that names the current schema (schema: \"public\") is compared as the tables reflection reports there", async () => {
    const db: TestDatabase = await createTestDatabase("postgres");
    cleanup.push(db.drop);
    const dir = mkdtempSync(join(tmpdir(), "athanor-public-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "migrate.config.ts"), `export default { schema: "./schema.ts", migrations: "./migrations" };\n`);
    writeFileSync(join(dir, "schema.ts"), `import { defineSchema, serial, table } from "athanor";\nexport const notes = table("notes", { id: serial().primaryKey() }, { schema: "public" });\nexport default defineSchema({ tables: [notes] });\n`);
    const run = (args: string[]) => migrate(dir, ["--url", db.url, ...args]);
    expect(run(["revision", "--autogenerate", "-m", "notes"]).code).toBe(0);
    const source = readFileSync(join(dir, "migrations", "versions", readdirSync(join(dir, "migrations", "versions")).find((f) => f.endsWith(".ts"))!), "utf8");
    expect(source).not.toContain("createSchema");
    expect(run(["upgrade", "head"]).code).toBe(0);
    expect(Object.keys(await catalog(db.url))).toContain("table public.notes");
    const check = run(["check"]);
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
  }, 60_000);

  it("pull --schema on a dialect without schemas is a usage error with one message (SQLite)", () => {
    const dir = mkdtempSync(join(tmpdir(), "athanor-noschema-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "migrate.config.ts"), `export default { url: "sqlite:app.db", migrations: "./migrations" };\n`);
    for (const args of [["--schema", "billing"], ["--all-schemas"]]) {
      const r = migrate(dir, ["pull", "--out", "-", ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--schema and --all-schemas choose PostgreSQL schemas; sqlite keeps a database's tables in one namespace.");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
