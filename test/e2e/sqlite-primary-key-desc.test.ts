/**
 * SQLite's `INTEGER PRIMARY KEY DESC`, live. SQLite keeps the DESC in sqlite_schema.sql and treats
 * the column apart: it is no rowid alias (the key gets an automatic index of its own). A table
 * written by hand that way pulls as `.primaryKey({ descending: true })`, and the pulled model,
 * upgraded into an empty database, stores the same CREATE TABLE text; check is clean on both.
 * Taking the DESC away is a change: check exits 1, autogenerate writes it, the table is rebuilt
 * as a rowid alias, check exits 0. PostgreSQL refuses the option with one message.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/databases.js";
import { TestProject } from "../helpers/project.js";
import { useTestProject } from "../helpers/use-test-project.js";

const HAND_WRITTEN = `CREATE TABLE "events" ("id" INTEGER PRIMARY KEY DESC, "note" TEXT)`;

/** The stored CREATE TABLE text and the automatic indexes of `events`. */
function stored(file: string): { sql: string; autoIndexes: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'").get() as { sql: string };
    const indexes = (db.prepare("PRAGMA index_list(events)").all() as { name: string; origin: string }[]).filter((i) => i.origin === "pk").map((i) => i.name);
    return { sql: row.sql.replace(/\s+/g, " "), autoIndexes: indexes };
  } finally {
    db.close();
  }
}

describe("SQLite INTEGER PRIMARY KEY DESC", () => {
  const ctx = useTestProject("sqlite", {
    configExtra: `schema: "./schema.ts"`,
    setup: (_project, db) => {
      const conn = new Database(db.file as string);
      conn.exec(HAND_WRITTEN);
      conn.close();
    },
  });

  it("pulls as descending, and the pulled model upgrades an empty database to the same stored text", async ({ skip }) => {
    if (!ctx.available) skip();
    const source = stored(ctx.db.file!);
    // SQLite's own record: DESC kept, and a key index of its own (no rowid alias).
    expect(source.autoIndexes).toEqual(["sqlite_autoindex_events_1"]);
    const pulled = ctx.project.run(["pull"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    // As SQLite holds it: no NOT NULL declared (no rowid alias, so NULL is allowed), the key unnamed.
    expect(readFileSync(join(ctx.project.dir, "schema.ts"), "utf8")).toContain(`id: integer().nullable().primaryKey({ name: null, descending: true }),`);
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const empty = await createTestDatabase("sqlite");
    const other = new TestProject(empty.url, `schema: "./schema.ts"`);
    try {
      copyFileSync(join(ctx.project.dir, "schema.ts"), join(other.dir, "schema.ts"));
      expect(other.run(["revision", "--autogenerate", "-m", "events"]).code).toBe(0);
      const up = other.run(["upgrade", "head"]);
      expect(up.code, up.stderr).toBe(0);
      const migrated = stored(empty.file!);
      expect(migrated.sql).toBe(`CREATE TABLE "events" ( "id" INTEGER PRIMARY KEY DESC, "note" TEXT )`);
      expect(migrated.autoIndexes).toEqual(source.autoIndexes);
      expect(other.run(["check"]).code).toBe(0);
    } finally {
      other.remove();
      await empty.drop();
    }
  });

  it("taking the DESC away is a change autogenerate writes: the key becomes a rowid alias", async ({ skip }) => {
    if (!ctx.available) skip();
    const file = join(ctx.project.dir, "schema.ts");
    const edited = readFileSync(file, "utf8").replace("primaryKey({ name: null, descending: true })", "primaryKey({ name: null })");
    expect(edited).not.toContain("descending");
    writeFileSync(file, edited);
    const before = ctx.project.run(["check"]);
    expect(before.code, before.stdout + before.stderr).toBe(1);
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "rowid key"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const after = stored(ctx.db.file!);
    // The rebuild writes the key among the constraints; on an INTEGER column that is the rowid too.
    expect(after.sql).toMatch(/PRIMARY KEY( \("id"\))?[ ,)]/);
    expect(after.sql).not.toContain("DESC");
    expect(after.autoIndexes).toEqual([]);
    const clean = ctx.project.run(["check"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    // And back: the downgrade restores the stored DESC.
    const down = ctx.project.run(["downgrade", "-1"]);
    expect(down.code, down.stderr).toBe(0);
    expect(stored(ctx.db.file!).sql).toContain(`"id" INTEGER PRIMARY KEY DESC`);
  });
});

describe("PRIMARY KEY DESC on PostgreSQL", () => {
  const ctx = useTestProject("postgres", {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) => writeFileSync(join(project.dir, "schema.ts"), `import { integer, table } from "athanor";\nexport const events = table("events", { id: integer().primaryKey({ descending: true }) });\n`),
  });

  it("is refused with one message", async ({ skip }) => {
    if (!ctx.available) skip();
    expect(ctx.project.run(["revision", "--autogenerate", "-m", "events"]).code).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain("PostgreSQL has no PRIMARY KEY DESC (the primary key on id)");
    expect(up.stderr).not.toMatch(/\n\s+at /);
  });
});
