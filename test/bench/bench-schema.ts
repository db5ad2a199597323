/**
 * A large, deterministic neutral schema for the reflect/compare benchmark: N tables of about
 * eight columns of varied portable types, each with a primary key, and on a regular pattern a
 * foreign key to an earlier table, unique constraints, indexes, checks and literal or
 * CURRENT_TIMESTAMP defaults. Everything stays inside what PostgreSQL, MariaDB and SQLite all
 * support (no index on text/json, varchar lengths MariaDB can index, no partial indexes), and
 * names follow the model's default naming convention, as a schema.ts would produce them.
 */
import type { ColumnSchema, ColumnType, DatabaseSchema, ForeignKeySchema, IndexSchema, ReferentialAction, TableSchema } from "../../src/catalog/types.js";

function col(name: string, type: ColumnType, extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, default: null, generated: null, comment: null, collation: null, ...extra };
}

/** The name of the i-th generated table. */
export function benchTableName(i: number): string {
  return `bench_t${i.toString().padStart(4, "0")}`;
}

/** Even tables get a serial integer key, odd ones a plain bigint, so referencing columns vary too. */
function idType(i: number): ColumnType {
  return i % 2 === 0 ? { kind: "integer" } : { kind: "bigint" };
}

const VARCHAR_LENGTHS = [40, 80, 120, 200];
const DELETE_ACTIONS: (ReferentialAction | null)[] = [null, "CASCADE", "SET NULL", null, "RESTRICT"];

/** An earlier table for table i to reference (i > 0), spread over the whole range rather than always i-1. */
function parentOf(i: number): number {
  return (i * 7919) % i;
}

function columnsOf(i: number, parent: number | null): ColumnSchema[] {
  const columns: ColumnSchema[] = [
    col("id", idType(i), { nullable: false, generated: i % 2 === 0 ? { kind: "autoincrement" } : null }),
    col("name", { kind: "varchar", length: VARCHAR_LENGTHS[i % VARCHAR_LENGTHS.length] }, { nullable: false }),
  ];
  if (parent !== null) columns.push(col("parent_id", idType(parent)));
  columns.push(
    col("amount", { kind: "numeric", precision: 10, scale: 2 }, i % 3 === 0 ? { default: { kind: "literal", value: 0 } } : {}),
    col("active", { kind: "boolean" }, { nullable: false, default: { kind: "literal", value: i % 2 === 0 } }),
    i % 2 === 0 ? col("body", { kind: "text" }) : col("payload", { kind: "json" }),
    col("created_at", { kind: "timestamp" }, i % 4 === 0 ? { nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } } : {}),
    col("born_on", { kind: "date" }),
    col("counter", i % 3 === 1 ? { kind: "bigint" } : { kind: "integer" }, i % 5 === 0 ? { nullable: false, default: { kind: "literal", value: 0 } } : {}),
  );
  if (i % 7 === 0) columns.push(col("status", { kind: "varchar", length: 16 }, { default: { kind: "literal", value: "new" } }));
  return columns;
}

function foreignKeysOf(i: number, t: string, parent: number | null): ForeignKeySchema[] {
  if (parent === null) return [];
  return [
    {
      name: `${t}_parent_id_fkey`,
      columns: ["parent_id"],
      referencedSchema: null,
      referencedTable: benchTableName(parent),
      referencedColumns: ["id"],
      onDelete: DELETE_ACTIONS[i % DELETE_ACTIONS.length] ?? null,
      onUpdate: null,
      deferrable: false,
      initiallyDeferred: false,
    },
  ];
}

function indexesOf(i: number, t: string): IndexSchema[] {
  const indexes: IndexSchema[] = [];
  if (i % 4 === 1) indexes.push({ name: `ix_${t}_created_at`, elements: [{ column: "created_at" }], unique: false, where: null, using: null });
  if (i % 4 === 3) indexes.push({ name: `ix_${t}_born_on_counter`, elements: [{ column: "born_on" }, { column: "counter" }], unique: false, where: null, using: null });
  return indexes;
}

/** Table i of the benchmark schema. */
export function benchTable(i: number): TableSchema {
  const t = benchTableName(i);
  const parent = i > 0 && i % 2 === 1 ? parentOf(i) : null;
  const uniques = i % 6 === 0 ? [{ name: `${t}_name_key`, columns: ["name"] }] : i % 6 === 3 ? [{ name: `${t}_counter_born_on_key`, columns: ["counter", "born_on"] }] : [];
  const checks =
    i % 5 === 0 ? [{ name: `${t}_counter_check`, expression: "counter >= 0" }] : i % 5 === 2 ? [{ name: `${t}_amount_check`, expression: "amount >= 0 AND amount < 100000" }] : [];
  return {
    schema: null,
    name: t,
    columns: columnsOf(i, parent),
    primaryKey: { name: `${t}_pkey`, columns: ["id"] },
    foreignKeys: foreignKeysOf(i, t, parent),
    uniques,
    checks,
    indexes: indexesOf(i, t),
    comment: null,
  };
}

/** The benchmark schema: `count` tables, each referencing only earlier ones, so creating them in order works. */
export function benchSchema(count: number): DatabaseSchema {
  return { tables: Array.from({ length: count }, (_, i) => benchTable(i)), enums: [] };
}
