/**
 * Small builders for the TableSchemas the PostgreSQL integration tests compile and expect back
 * from reflection, in reflection's canonical shape (every optional field present).
 */
import type { ColumnSchema, DatabaseSchema, TableSchema } from "../../../src/catalog/types.js";

/** A column with every optional field null unless given. */
export function col(name: string, type: ColumnSchema["type"], extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, default: null, generated: null, comment: null, collation: null, ...extra };
}

/** A table in the current schema with no constraints unless given. */
export function table(name: string, columns: ColumnSchema[], extra: Partial<TableSchema> = {}): TableSchema {
  return { schema: null, name, columns, primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null, ...extra };
}

/** The reflected table `name` (in `schema`, null for the current one); throws when it is missing. */
export function findTable(db: DatabaseSchema, name: string, schema: string | null = null): TableSchema {
  const found = db.tables.find((t) => t.name === name && t.schema === schema);
  if (!found) throw new Error(`table ${name} was not reflected`);
  return found;
}

/** The reflected column `table`.`column` in the current schema. */
export function findColumn(db: DatabaseSchema, tableName: string, column: string): ColumnSchema | undefined {
  return findTable(db, tableName).columns.find((c) => c.name === column);
}

/** `orgs`: a referenced table with a composite unique key. */
export const orgs = table("orgs", [col("id", { kind: "integer" }, { nullable: false }), col("region", { kind: "integer" }, { nullable: false })], {
  primaryKey: { name: "orgs_pkey", columns: ["id"] },
  uniques: [{ name: "orgs_id_region_key", columns: ["id", "region"] }],
});

/** `people`: serial key, comments, a computed column and columns to alter. */
export const people = table(
  "people",
  [
    col("id", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } }),
    col("name", { kind: "varchar", length: 20 }, { nullable: false, comment: "display name" }),
    col("age", { kind: "text" }),
    col("org_id", { kind: "integer" }),
    col("region", { kind: "integer" }),
    col("mood", { kind: "text" }),
    col("doubled", { kind: "integer" }, { generated: { kind: "computed", sql: "org_id * 2", stored: true } }),
  ],
  { primaryKey: { name: "people_pkey", columns: ["id"] }, comment: "everyone" },
);

/** The two rows `people` holds in the tests. */
export const peopleRows = [
  { name: "ann", age: "41", org_id: null, mood: "sad" },
  { name: "bob", age: "7", mood: "ok" },
];
