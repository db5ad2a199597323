/**
 * Literal building blocks for the compare tests: tables, columns and capability sets written out
 * as plain DatabaseSchema data, the way the model and reflection hand them to compare.
 */
import type { DialectCapabilities } from "../../../src/dialects/dialect.js";
import type { Operation } from "../../../src/operations/types.js";
import type { ColumnSchema, ColumnType, DatabaseSchema, TableSchema } from "../../../src/catalog/types.js";

/** PostgreSQL-like capabilities: comments, named enums, in-place ALTER. */
export const PG_CAPS: DialectCapabilities = {
  transactionalDdl: true,
  alterColumn: true,
  concurrentIndex: true,
  schemas: true,
  namedEnums: true,
  partialIndexes: true,
  comments: true,
  schemaWideNames: ["index", "primaryKey", "unique"],
};

/** MySQL-like capabilities: comments, inline enums. */
export const MYSQL_CAPS: DialectCapabilities = { ...PG_CAPS, transactionalDdl: false, concurrentIndex: false, schemas: false, namedEnums: false, partialIndexes: false, schemaWideNames: ["foreignKey"], columnPositions: true };

/** SQLite-like capabilities: no comments, no in-place ALTER. */
export const SQLITE_CAPS: DialectCapabilities = { ...PG_CAPS, alterColumn: false, concurrentIndex: false, schemas: false, namedEnums: false, comments: false, schemaWideNames: ["index"], forwardReferences: true, columnPositions: true };

/** A column; nullable unless said otherwise. */
export function col(name: string, type: ColumnType | ColumnType["kind"] = "integer", extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type: typeof type === "string" ? ({ kind: type } as ColumnType) : type, nullable: true, ...extra };
}

/** A table with the given columns and extras. */
export function tbl(name: string, columns: ColumnSchema[], extra: Partial<TableSchema> = {}): TableSchema {
  return { schema: null, name, columns, primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null, ...extra };
}

/** A table with an integer primary key `id` followed by `columns`. */
export function withId(name: string, columns: ColumnSchema[] = [], extra: Partial<TableSchema> = {}): TableSchema {
  return tbl(name, [col("id", "integer", { nullable: false }), ...columns], { primaryKey: { name: `${name}_pkey`, columns: ["id"] }, ...extra });
}

/** A schema of tables (and enums). */
export function db(tables: TableSchema[], enums: DatabaseSchema["enums"] = []): DatabaseSchema {
  return { tables, enums };
}

/** A short description of each operation: kind and what it acts on, for order assertions. */
export function describeOps(ops: readonly Operation[]): string[] {
  return ops.map((op) => {
    switch (op.kind) {
      case "createTable":
        return `createTable ${op.table.name}`;
      case "createEnum":
        return `createEnum ${op.enum.name}`;
      case "dropEnum":
      case "addEnumValue":
        return `${op.kind} ${op.name}${op.kind === "addEnumValue" ? ` ${op.value}` : ""}`;
      case "addColumn":
        return `addColumn ${op.table}.${op.column.name}`;
      case "dropColumn":
      case "alterColumn":
        return `${op.kind} ${op.table}.${op.column}`;
      case "createIndex":
        return `createIndex ${op.table}.${op.index.name}`;
      case "dropIndex":
      case "dropConstraint":
      case "validateConstraint":
        return `${op.kind} ${op.table}.${op.name}`;
      case "createForeignKey":
      case "createPrimaryKey":
      case "createUniqueConstraint":
      case "createCheckConstraint":
      case "createExclusionConstraint":
        return `${op.kind} ${op.table}.${op.constraint.name ?? "?"}`;
      case "batchAlterTable":
        return `batchAlterTable ${op.table} [${describeOps(op.operations).join("; ")}]`;
      case "dropTable":
      case "createTableComment":
      case "dropTableComment":
        return `${op.kind} ${op.table}`;
      default:
        return op.kind;
    }
  });
}
