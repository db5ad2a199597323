/**
 * Awkward identifiers everywhere: spaces, quotes, mixed case, unicode, dots and reserved words as
 * schema, table, column, index, constraint, enum and enum value names. Everything must compile,
 * run, and reflect back under exactly the same names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import type { ColumnSchema, EnumSchema, TableSchema } from "../../../src/catalog/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");

const SCHEMA = 'Sch "é" ma.x';
const ENUM: EnumSchema = { schema: SCHEMA, name: 'Mood "Ring"', values: ["it's", 'say "hi"', "back\\slash", "ünï"] };

function col(name: string, type: ColumnSchema["type"], extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, default: null, generated: null, comment: null, collation: null, ...extra };
}

const group: TableSchema = {
  schema: SCHEMA,
  name: "group",
  columns: [col("user", { kind: "integer" }, { nullable: false }), col("Order", { kind: "text" }, { nullable: false })],
  primaryKey: { name: "group pk", columns: ["user", "Order"] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [],
  comment: "it's the group",
};

const awkward: TableSchema = {
  schema: SCHEMA,
  name: 'Ta"ble ü\'s "order"',
  columns: [
    col("user", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } }),
    col("Mixed Case", { kind: "varchar", length: 30 }, { default: { kind: "literal", value: "o'k \"q\"" }, comment: "c'mnt" }),
    col("名前", { kind: "text" }, { nullable: false }),
    col("a.b", { kind: "enum", name: ENUM.name, values: ENUM.values, schema: SCHEMA }, { default: { kind: "literal", value: "it's" } }),
    col("order", { kind: "integer" }),
    col("$x", { kind: "text" }),
  ],
  primaryKey: { name: 'p"k "pk', columns: ["user"] },
  foreignKeys: [
    {
      name: "fk → group",
      columns: ["order", "名前"],
      referencedSchema: SCHEMA,
      referencedTable: "group",
      referencedColumns: ["user", "Order"],
      onDelete: "CASCADE",
      onUpdate: null,
      deferrable: false,
      initiallyDeferred: false,
    },
  ],
  uniques: [{ name: "uq '名前'", columns: ["名前", "Mixed Case"] }],
  checks: [{ name: 'ck "order"', expression: '"order" > 0' }],
  indexes: [{ name: 'ix "Mixed" lower', elements: [{ expression: 'lower("Mixed Case"::text)' }, { column: "a.b", descending: true }], unique: false, where: '"$x" IS NOT NULL', using: null }],
  comment: "tbl \\ comment",
};

describe.skipIf(!available)("postgres awkward identifiers", () => {
  let kit: PgKit;
  const q = postgresDialect.quoteIdentifier;
  beforeAll(async () => {
    kit = await openKit();
    await kit.conn.query(`CREATE SCHEMA ${q(SCHEMA)}`);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("creates enums and tables under awkward names and reflects them back exactly", async () => {
    await kit.apply({ kind: "createEnum", enum: ENUM }, { kind: "createTable", table: group }, { kind: "createTable", table: awkward });
    const db = await postgresDialect.reflect(kit.conn, { schemas: [SCHEMA] });
    expect(db.enums).toEqual([ENUM]);
    // Sorted by name in code-unit order: "T" sorts before "g".
    expect(db.tables).toEqual([awkward, group]);
  });

  it("filters by awkward schema-qualified names inside the catalog queries", async () => {
    const only = await postgresDialect.reflect(kit.conn, { schemas: [SCHEMA], includeTables: [`${SCHEMA}.group`] });
    expect(only.tables.map((t) => t.name)).toEqual(["group"]);
    const without = await postgresDialect.reflect(kit.conn, { schemas: [SCHEMA], excludeTables: [awkward.name] });
    expect(without.tables.map((t) => t.name)).toEqual(["group"]);
  });

  it("stores and reads rows through bound values", async () => {
    await kit.apply({ kind: "bulkInsert", schema: SCHEMA, table: "group", rows: [{ user: 1, Order: "x" }] });
    await kit.apply({ kind: "bulkInsert", schema: SCHEMA, table: awkward.name, rows: [{ order: 1, 名前: "x", "a.b": 'say "hi"', $x: "$1" }] });
    const rows = await kit.conn.query(`SELECT ${q("user")}, ${q("Mixed Case")}, ${q("a.b")}, ${q("$x")} FROM ${postgresDialect.quoteTable(awkward)}`);
    expect(rows).toEqual([{ user: 1, "Mixed Case": "o'k \"q\"", "a.b": 'say "hi"', $x: "$1" }]);
  });

  it("renames, alters, adds enum values and drops under awkward names", async () => {
    const t = { schema: SCHEMA, table: awkward.name };
    await kit.apply(
      { kind: "addEnumValue", schema: SCHEMA, name: ENUM.name, value: "new 'one'", after: "it's" },
      { kind: "renameEnumValue", schema: SCHEMA, name: ENUM.name, from: "ünï", to: "Ünï 2" },
      { kind: "alterColumn", ...t, column: "Mixed Case", newName: "select", nullable: false, existingNullable: true, comment: null, existingComment: "c'mnt" },
      { kind: "dropIndex", schema: SCHEMA, table: awkward.name, name: 'ix "Mixed" lower' },
      { kind: "dropConstraint", ...t, name: 'ck "order"', type: "check" },
      { kind: "dropConstraint", ...t, name: "fk → group", type: "foreignKey" },
      { kind: "createIndex", ...t, index: { name: "ix 2 ☃", unique: true, elements: [{ column: "select" }], where: null, using: null } },
      { kind: "createTableComment", ...t, comment: "new 'comment'" },
      { kind: "renameTable", schema: SCHEMA, from: awkward.name, to: "where" },
    );
    const renamed = await postgresDialect.reflectTable(kit.conn, { schema: SCHEMA, name: "where" });
    expect(renamed?.columns[1]).toEqual(col("select", { kind: "varchar", length: 30 }, { nullable: false, default: { kind: "literal", value: "o'k \"q\"" } }));
    expect(renamed?.columns[3]?.type).toEqual({ kind: "enum", name: ENUM.name, values: ["it's", "new 'one'", 'say "hi"', "back\\slash", "Ünï 2"], schema: SCHEMA });
    expect(renamed?.indexes).toEqual([{ name: "ix 2 ☃", elements: [{ column: "select" }], unique: true, where: null, using: null }]);
    expect(renamed?.checks).toEqual([]);
    expect(renamed?.foreignKeys).toEqual([]);
    expect(renamed?.comment).toBe("new 'comment'");

    await kit.apply({ kind: "dropTable", schema: SCHEMA, table: "where" }, { kind: "dropTable", schema: SCHEMA, table: "group" }, { kind: "dropEnum", schema: SCHEMA, name: ENUM.name });
    expect(await postgresDialect.reflect(kit.conn, { schemas: [SCHEMA] })).toMatchObject({ tables: [], enums: [], schemas: [{ name: SCHEMA, tables: 0, read: true }, { name: "public", read: false }] });
    // The schema itself, an awkward name too, drops and comes back.
    await kit.apply({ kind: "dropSchema", name: SCHEMA });
    expect((await postgresDialect.reflect(kit.conn)).schemas?.map((s) => s.name)).toEqual(["public"]);
    await kit.apply({ kind: "createSchema", name: SCHEMA });
    expect((await postgresDialect.reflect(kit.conn)).schemas?.map((s) => s.name)).toEqual([SCHEMA, "public"]);
  });
});
