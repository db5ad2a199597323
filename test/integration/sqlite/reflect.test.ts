/**
 * Reflection: a rich schema compiled by athanor reflects back deep-equal; SQL written by other
 * tools reflects sensibly; filters apply; and the number of queries does not grow with tables.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { ColumnType, TableSchema } from "../../../src/catalog/types.js";
import { column, foreignKey, index, table } from "./fixtures.js";
import { openHarness, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const everyType: ColumnType[] = [
  { kind: "smallint" },
  { kind: "integer", unsigned: true },
  { kind: "bigint" },
  { kind: "numeric", precision: 12, scale: 3 },
  { kind: "real" },
  { kind: "double" },
  { kind: "boolean" },
  { kind: "char", length: 2 },
  { kind: "varchar", length: 40 },
  { kind: "text", size: "medium" },
  { kind: "date" },
  { kind: "time", precision: 3 },
  { kind: "timestamp", withTimezone: true },
  { kind: "interval" },
  { kind: "json" },
  { kind: "jsonb" },
  { kind: "uuid" },
  { kind: "binary", length: 16, fixed: true },
  { kind: "enum", name: "mood", values: ["happy", "it's ok"] },
  { kind: "raw", sql: "GEOMETRY" },
];

const parent = table("parent", {
  columns: [column("a", { kind: "integer" }, false), column("b", { kind: "varchar", length: 10 }, false)],
  primaryKey: { name: "pk_parent", columns: ["a", "b"] },
});

const rich = table("rich", {
  columns: [
    column("id", { kind: "integer" }, false, { generated: { kind: "autoincrement" } }),
    ...everyType.map((type, i) => column(`c${i}_${type.kind}`, type, i % 2 === 0)),
    column("d_text", { kind: "text" }, false, { default: { kind: "literal", value: "it's" }, collation: "NOCASE" }),
    column("d_num", { kind: "real" }, true, { default: { kind: "literal", value: -2.5 } }),
    column("d_bool", { kind: "boolean" }, false, { default: { kind: "literal", value: true } }),
    column("d_null", { kind: "integer" }, true, { default: { kind: "literal", value: null } }),
    column("d_now", { kind: "timestamp" }, false, { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } }),
    column("d_expr", { kind: "text" }, true, { default: { kind: "sql", sql: "strftime('%Y', 'now')" } }),
    column("d_paren", { kind: "integer" }, true, { default: { kind: "sql", sql: "1" } }),
    column("g_virtual", { kind: "text" }, true, { generated: { kind: "computed", sql: "upper(d_text)", stored: false } }),
    column("g_stored", { kind: "real" }, true, { generated: { kind: "computed", sql: "d_num * 2", stored: true } }),
    column("pa", { kind: "integer" }, true),
    column("pb", { kind: "varchar", length: 10 }, true),
  ],
  primaryKey: { name: "pk_rich", columns: ["id"] },
  foreignKeys: [
    foreignKey({ name: "fk_rich_parent", columns: ["pa", "pb"], referencedTable: "parent", referencedColumns: ["a", "b"], onDelete: "SET NULL", onUpdate: "CASCADE", deferrable: true, initiallyDeferred: true }),
    foreignKey({ name: null, columns: ["pa"], referencedTable: "rich", referencedColumns: ["id"], onDelete: "RESTRICT" }),
  ],
  uniques: [
    { name: "uq_rich_pair", columns: ["pa", "pb"] },
    { name: null, columns: ["d_text"] },
  ],
  checks: [
    { name: "ck_rich_num", expression: "d_num < 100" },
    { name: null, expression: "length(d_text) <= 50 AND (pa IS NULL OR pa > 0)" },
  ],
  indexes: [
    index("ix_rich_expr", [{ expression: "lower(d_text)" }, { column: "d_num", descending: true }], { unique: true, where: "d_bool = 1" }),
    index("ix_rich_pb", [{ column: "pb" }]),
  ],
});

describe("round trip", () => {
  it("a rich table compiled by athanor reflects back deep-equal", async () => {
    await h.run({ kind: "createTable", table: parent }, { kind: "createTable", table: rich });
    expect(await sqliteDialect.reflect(h.conn)).toEqual({ tables: [parent, rich], enums: [] });
  });

  it("stays deep-equal through a rebuild", async () => {
    await h.run({ kind: "createTable", table: parent }, { kind: "createTable", table: rich });
    await h.run({ kind: "batchAlterTable", table: "rich", recreate: "always", operations: [] });
    expect(await h.table("rich")).toEqual(rich);
  });
});

describe("SQL written by other tools", () => {
  it("reads column-level constraints (where they are declared), implicit references and aliases", async () => {
    await h.rows(`CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      email varchar(120) NOT NULL UNIQUE,
      status TEXT CHECK (status IN ('a', 'b')),
      kind VARCHAR(5) CONSTRAINT kind_ck CHECK (kind IN ('x')),
      created DATETIME DEFAULT (datetime('now')),
      boss INT REFERENCES people ON DELETE SET NULL,
      blob_col,
      price DECIMAL(10, 2) DEFAULT 0.5 CHECK (price >= 0)
    )`);
    await h.rows("CREATE INDEX people_boss ON people (boss) WHERE boss IS NOT NULL");
    const expected: TableSchema = table("people", {
      columns: [
        // Declared without NOT NULL: reflected so (pull writes it back); compare folds the rowid alias as NOT NULL.
        column("id", { kind: "integer" }, true),
        // Declared types athanor would spell differently are kept as declared (pull writes them back).
        column("email", { kind: "raw", sql: "varchar(120)" }, false),
        // An unnamed CHECK (col IN (…)) stays a check: only a named one can be an enum (its name is the enum's).
        column("status", { kind: "text" }, true),
        column("kind", { kind: "varchar", length: 5 }, true),
        column("created", { kind: "raw", sql: "DATETIME" }, true, { default: { kind: "sql", sql: "datetime('now')" } }),
        column("boss", { kind: "raw", sql: "INT" }, true),
        column("blob_col", { kind: "raw", sql: "" }, true),
        column("price", { kind: "raw", sql: "DECIMAL(10, 2)" }, true, { default: { kind: "literal", value: 0.5 } }),
      ],
      primaryKey: { name: null, columns: ["id"], inline: true },
      foreignKeys: [foreignKey({ name: null, columns: ["boss"], referencedTable: "people", referencedColumns: ["id"], onDelete: "SET NULL", inline: true })],
      uniques: [{ name: null, columns: ["email"], inline: true }],
      // Each declared in its column's definition, which SQLite keeps (and a rebuild writes back).
      checks: [
        { name: null, expression: "status IN ('a', 'b')", column: "status" },
        { name: "kind_ck", expression: "kind IN ('x')", column: "kind" },
        { name: null, expression: "price >= 0", column: "price" },
      ],
      indexes: [index("people_boss", [{ column: "boss" }], { where: "boss IS NOT NULL" })],
    });
    expect(await h.table("people")).toEqual(expected);
  });

  it("writes constraints declared in a column back into the column, and keeps explicit NO ACTION", async () => {
    const placed = table("placed", {
      columns: [column("id", { kind: "text" }, false), column("code", { kind: "text" }, true), column("boss", { kind: "text" }, true)],
      primaryKey: { name: null, columns: ["id"], inline: true },
      uniques: [{ name: "uq_code", columns: ["code"], inline: true }, { name: null, columns: ["id"] }],
      foreignKeys: [
        foreignKey({ name: null, columns: ["boss"], referencedTable: "placed", referencedColumns: ["id"], onDelete: "NO ACTION", inline: true }),
        foreignKey({ name: "fk_code", columns: ["code"], referencedTable: "placed", referencedColumns: ["id"], onUpdate: "CASCADE" }),
      ],
    });
    await h.run({ kind: "createTable", table: placed });
    const [row] = await h.rows("SELECT sql FROM sqlite_schema WHERE name = 'placed'");
    expect(String(row!.sql).replace(/\s+/g, " ")).toBe(
      'CREATE TABLE "placed" ( "id" TEXT PRIMARY KEY NOT NULL, "code" TEXT CONSTRAINT "uq_code" UNIQUE, "boss" TEXT REFERENCES "placed" ("id") ON DELETE NO ACTION, UNIQUE ("id"), CONSTRAINT "fk_code" FOREIGN KEY ("code") REFERENCES "placed" ("id") ON UPDATE CASCADE )',
    );
    // The UNIQUE over the key's own columns has no index of its own; it is read from the text.
    expect(await h.table("placed")).toEqual(placed);
  });

  it("skips internal, virtual and shadow tables and applies include/exclude filters", async () => {
    await h.run(
      { kind: "createTable", table: table("keep", { columns: [column("id", { kind: "integer" }, false, { generated: { kind: "autoincrement" } })], primaryKey: { name: null, columns: ["id"] } }) },
      { kind: "createTable", table: table("skip", { columns: [column("x", { kind: "text" }, true)] }) },
    );
    await h.rows("CREATE VIRTUAL TABLE docs USING fts5(body)");
    await h.rows("CREATE VIEW v AS SELECT * FROM keep");
    expect((await sqliteDialect.reflect(h.conn)).tables.map((t) => t.name)).toEqual(["keep", "skip"]);
    expect((await sqliteDialect.reflect(h.conn, { excludeTables: ["SKIP"] })).tables.map((t) => t.name)).toEqual(["keep"]);
    expect((await sqliteDialect.reflect(h.conn, { includeTables: ["skip", "nope"] })).tables.map((t) => t.name)).toEqual(["skip"]);
    expect(await sqliteDialect.reflectTable(h.conn, { name: "nope" })).toBeUndefined();
  });
});

describe("query count", () => {
  async function queriesToReflect(tableCount: number): Promise<{ queries: number; tables: number }> {
    const statements = ["CREATE TABLE IF NOT EXISTS hub (id INTEGER PRIMARY KEY)"];
    for (let i = 0; i < tableCount; i++) {
      statements.push(`CREATE TABLE IF NOT EXISTS t${i} (id INTEGER PRIMARY KEY, hub_id INTEGER REFERENCES hub (id), name TEXT UNIQUE, CHECK (length(name) < 9))`);
      statements.push(`CREATE INDEX IF NOT EXISTS ix_t${i} ON t${i} (hub_id)`);
      statements.push(`CREATE TRIGGER IF NOT EXISTS tr_t${i} AFTER INSERT ON t${i} BEGIN SELECT 1; END`);
    }
    await h.rows(`BEGIN; ${statements.join(";\n")}; COMMIT;`);
    const before = h.conn.queryCount;
    const schema = await sqliteDialect.reflect(h.conn);
    return { queries: h.conn.queryCount - before, tables: schema.tables.length };
  }

  it("is the same for 10 and 500 tables", async () => {
    const small = await queriesToReflect(10);
    const large = await queriesToReflect(500);
    expect(small.tables).toBe(11);
    expect(large.tables).toBe(501);
    expect(large.queries).toBe(small.queries);
  });
});

describe("virtual tables", () => {
  it("are objects with their own CREATE VIRTUAL TABLE text; their shadow tables are no tables", async () => {
    const fts4 = { kind: "virtualTable" as const, schema: null, name: "docs", definition: "CREATE VIRTUAL TABLE docs USING fts4 ( title, body )" };
    const fts5 = { kind: "virtualTable" as const, schema: null, name: "notes_fts", definition: `CREATE VIRTUAL TABLE "notes_fts" USING fts5(text, tokenize = 'porter')` };
    await h.run({ kind: "createObject", object: fts4 }, { kind: "createObject", object: fts5 });
    await h.rows("INSERT INTO docs (title, body) VALUES ('a', 'hello world')");
    const schema = await sqliteDialect.reflect(h.conn);
    expect(schema.tables).toEqual([]);
    expect(schema.objects).toEqual([fts4, fts5]);
    expect((await h.rows("SELECT count(*) AS n FROM docs WHERE docs MATCH 'hello'"))[0]!.n).toBe(1);
    await h.run({ kind: "dropObject", object: fts4 }, { kind: "dropObject", object: fts5 });
    expect(await h.rows("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")).toEqual([]);
  });
});
