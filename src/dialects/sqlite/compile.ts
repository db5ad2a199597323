/**
 * Operation -> SQLite statements. The dispatch table is typed OperationTable, so a new operation
 * kind does not build until it is handled here. Table-level changes go through
 * compile-table-ops (native ALTER TABLE or a rebuild); what SQLite cannot express is refused with
 * an UnsupportedOperationError saying what to do instead — nothing is dropped silently.
 * Comments inside definitions (TableSchema.comment, ColumnSchema.comment) are not written:
 * SQLite cannot store them and capabilities.comments is false, so the core does not expect them.
 */
import { createObjectStatements, dropObjectStatements, replaceObjectStatements } from "./compile-objects.js";
import { UnsupportedOperationError } from "../../errors.js";
import { withoutRowLevelSecurity } from "../row-level-security.js";
import { commentsWritten, NO_COMMENTS, refuseComment } from "../object-comments.js";
import { withoutStorage } from "../postgres-only-storage.js";
import type { TableSchema } from "../../catalog/types.js";
import { isSqlFragment, joinFragment } from "../../core/sql.js";
import type { Operation, OperationKind, OperationOf, OperationTable, TableLevelOperation } from "../../operations/types.js";
import type { CompileContext, Statement } from "../dialect.js";
import { bulkInsertStatements } from "./bulk-insert.js";
import { compileTableOperations } from "./compile-table-ops.js";
import { placeholder, quoteIdentifier } from "./quote.js";
import { createIndexSql, createTableSql } from "./table-sql.js";

const ENUM_HINT =
  "SQLite has no enum types: an enum column is stored as TEXT with a CHECK (col IN (...)). Declare the column with an enum type in createTable/addColumn, and change its values with alterColumn (which rebuilds the table).";

function enumUnsupported(kind: OperationKind, name: string, what: string): never {
  throw new UnsupportedOperationError(`SQLite cannot ${what} (${kind} "${name}"): it has no named enum types.`, { hint: ENUM_HINT });
}

function schemaUnsupported(kind: OperationKind, name: string): never {
  throw new UnsupportedOperationError(`${kind} "${name}": only PostgreSQL has schemas; SQLite keeps every table of a database in one namespace.`, {
    hint: "Leave the operation out for SQLite (branch on op.dialect), and the table's schema out of the model.",
  });
}

function commentUnsupported(op: Extract<Operation, { table: string }>): never {
  throw new UnsupportedOperationError(`SQLite has no table comments (${op.kind} on "${op.table}").`, {
    hint: "Remove the comment operation for SQLite (branch on op.dialect if the revision also targets other databases); SQLite cannot store comments.",
  });
}

/** SQLite keeps no comments: an index's, constraint's or enum's is refused before anything compiles. */
function refuseComments(op: Operation): void {
  const [first] = commentsWritten(op);
  if (first) refuseComment("SQLite", first, NO_COMMENTS);
}

function tableOp(op: TableLevelOperation, ctx: CompileContext): Promise<Statement[]> {
  return compileTableOperations({ schema: op.schema, name: op.table }, [op], "auto", ctx);
}

/** The table, when it holds no PostgreSQL partitioning, inheritance or row-level security (which SQLite would silently drop). */
function notPartitioned(table: TableSchema): TableSchema {
  withoutRowLevelSecurity("SQLite", table);
  withoutStorage("SQLite", table);
  if ((table.inherits?.length ?? 0) > 0) {
    throw new UnsupportedOperationError(`Table "${table.name}" is declared with PostgreSQL table inheritance (inherits: ${table.inherits!.map((p) => p.table).join(", ")}), which SQLite does not have.`, {
      hint: "Leave inherits out of the SQLite model, and declare the parent's columns in the table itself.",
    });
  }
  if (!table.partitionBy && !table.partitionOf) return table;
  throw new UnsupportedOperationError(`Table "${table.name}" is declared with PostgreSQL partitioning (partitionBy / partition(...)), which SQLite does not have.`, {
    hint: "Leave partitionBy and partition(...) out of the SQLite model.",
  });
}

function handlers(ctx: CompileContext): OperationTable<Promise<Statement[]>> {
  return {
    createTable: async (op) => [{ sql: createTableSql(notPartitioned(op.table)) }, ...op.table.indexes.map((index) => ({ sql: createIndexSql(op.table.name, index) }))],
    dropTable: async (op) => [{ sql: `DROP TABLE ${quoteIdentifier(op.table)}` }],
    renameTable: async (op) => [{ sql: `ALTER TABLE ${quoteIdentifier(op.from)} RENAME TO ${quoteIdentifier(op.to)}` }],
    addColumn: (op) => tableOp(op, ctx),
    dropColumn: (op) => tableOp(op, ctx),
    alterColumn: (op) => tableOp(op, ctx),
    createIndex: (op) => tableOp(op, ctx),
    dropIndex: (op) => tableOp(op, ctx),
    createPrimaryKey: (op) => tableOp(op, ctx),
    replacePrimaryKey: (op) => tableOp(op, ctx),
    alterTableOptions: (op) => tableOp(op, ctx),
    createForeignKey: (op) => tableOp(op, ctx),
    createUniqueConstraint: (op) => tableOp(op, ctx),
    createCheckConstraint: (op) => tableOp(op, ctx),
    createExclusionConstraint: (op) => tableOp(op, ctx),
    validateConstraint: (op) => tableOp(op, ctx),
    alterIndexOptions: (op) => tableOp(op, ctx),
    dropConstraint: (op) => tableOp(op, ctx),
    createTableComment: async (op) => commentUnsupported(op),
    dropTableComment: async (op) => commentUnsupported(op),
    setComment: async (op) => refuseComment("SQLite", { on: op.on, name: op.name, table: op.table }, NO_COMMENTS),
    createEnum: async (op) => enumUnsupported(op.kind, op.enum.name, "create an enum type"),
    dropEnum: async (op) => enumUnsupported(op.kind, op.name, "drop an enum type"),
    addEnumValue: async (op) => enumUnsupported(op.kind, op.name, "add a value to an enum type"),
    renameEnumValue: async (op) => enumUnsupported(op.kind, op.name, "rename an enum value"),
    createSchema: async (op) => schemaUnsupported(op.kind, op.name),
    dropSchema: async (op) => schemaUnsupported(op.kind, op.name),
    createObject: createObjectStatements,
    dropObject: dropObjectStatements,
    replaceObject: replaceObjectStatements,
    execute: async (op) => [isSqlFragment(op.sql) ? joinFragment(op.sql, placeholder) : { sql: op.sql }],
    bulkInsert: async (op) => bulkInsertStatements(op),
    batchAlterTable: (op) => compileTableOperations({ schema: op.schema, name: op.table }, op.operations, op.recreate ?? "auto", ctx),
  };
}

/** Compiles one operation into SQLite statements, or throws UnsupportedOperationError. */
export function compile(op: Operation, ctx: CompileContext): Promise<Statement[]> {
  const table = handlers(ctx);
  // TypeScript cannot correlate op.kind with the handler's parameter type across the union.
  const handler = table[op.kind] as (op: OperationOf<OperationKind>) => Promise<Statement[]>;
  try {
    refuseComments(op);
  } catch (error) {
    return Promise.reject(error);
  }
  return handler(op);
}
