/**
 * Operation → MySQL statements. The dispatch table is typed `OperationTable`, so a new operation
 * kind does not compile until it is handled here. Nothing is dropped silently: what MySQL cannot
 * express raises UnsupportedOperationError before any statement runs.
 *
 * Table options are kept minimal on purpose: CREATE TABLE writes only COMMENT=, so ENGINE,
 * character set and collation come from the server and database defaults (InnoDB/utf8mb4 on
 * current servers) and a project never fights its DBA's configuration.
 */
import { createObjectStatements, dropObjectStatements, replaceObjectStatements } from "./compile-objects.js";
import type { AlterTableOptionsOp, ColumnPosition, Operation, OperationTable, TableLevelOperation, OnTable } from "../../operations/types.js";
import type { ColumnSchema, TableSchema } from "../../catalog/types.js";
import type { CompileContext, Statement } from "../dialect.js";
import { MigrateError, UnsupportedOperationError } from "../../errors.js";
import { refuseRowLevelSecurity, withoutRowLevelSecurity } from "../row-level-security.js";
import { refuseValidate } from "../postgres-only-constraints.js";
import { refuseOperationComments } from "./comment-refusals.js";
import { refuseStorageOptions, refuseStorageParameters, withoutIndexStorage, withoutStorage } from "../postgres-only-storage.js";
import { quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";
import { columnDefinition } from "./column-sql.js";
import { checkClause, createIndexSql, foreignKeyClause, inlineIndexClause, primaryKeyClause, refuseExclusion, uniqueClause } from "./constraint-sql.js";
import { compileAlterColumn } from "./compile-alter-column.js";
import { compileBulkInsert, compileExecute } from "./compile-data.js";
import { compileDropForeignKey } from "./drop-foreign-key.js";
import { dropIndexStatements, keysNeedingIndex } from "./index-foreign-keys.js";

type Compiled = Promise<Statement[]>;

function tableOf(op: OnTable): string {
  return quoteTable({ schema: op.schema, name: op.table });
}

/** Enums are inline column types on MySQL; standalone enum operations have nothing to act on. */
function noNamedEnums(kind: string, name: string): never {
  throw new UnsupportedOperationError(`MySQL has no named enum types, so ${kind} "${name}" cannot be compiled.`, {
    hint: "MySQL enums are declared inline on each column: use alterColumn with the new enum type instead (and leave this operation out for MySQL).",
  });
}

/** A MySQL "schema" is a database, which athanor does not create or drop. */
function noSchemas(kind: string, name: string): never {
  throw new UnsupportedOperationError(`${kind} "${name}": only PostgreSQL has schemas inside a database; on MySQL a schema is a database, which athanor does not create or drop.`, {
    hint: "Leave the operation out for MySQL (branch on op.dialect), and create the database outside athanor.",
  });
}

/** An engine or collation name, which MySQL takes as a bare word: refused unless it is one. */
function tableOption(value: string, where: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(value)) {
    throw new MigrateError("model", `The ${where} "${value}" is not a valid name.`, { hint: "Use a name MySQL lists in SHOW ENGINES or SHOW COLLATION, e.g. InnoDB or utf8mb4_general_ci." });
  }
  return value;
}

/**
 * The options of an alterTableOptions. A collation sets the table's default character set (its
 * name's prefix: utf8mb4_bin is utf8mb4's) for columns added later; existing columns keep theirs,
 * which is why autogenerate alters each by name instead of CONVERT TO (which also rewrites
 * TEXT as MEDIUMTEXT when the character set widens).
 */
function tableOptionsClause(op: AlterTableOptionsOp): string {
  refuseRowLevelSecurity("MySQL", op.table, op.rowLevelSecurity);
  refuseStorageOptions("MySQL", op);
  const parts: string[] = [];
  if (op.engine !== undefined) parts.push(`ENGINE=${tableOption(op.engine, `${op.table} engine`)}`);
  if (op.collation !== undefined) {
    const collation = tableOption(op.collation, `${op.table} collation`);
    parts.push(`DEFAULT CHARACTER SET ${collation.split("_")[0]} COLLATE ${collation}`);
  }
  return parts.join(" ");
}

/** CREATE TABLE with every column, key, constraint and index in one statement (DDL is not transactional). */
export function createTableSql(table: TableSchema): string {
  const where = table.name;
  for (const exclusion of table.exclusions ?? []) refuseExclusion(where, exclusion);
  // A check declared in its column is written there, where no name can be given: MariaDB names it
  // after the column. A check named otherwise stays a table constraint, so it keeps its name.
  const inline = new Set(table.checks.filter((check) => check.column !== undefined && (!check.name || check.name === check.column) && table.columns.some((c) => c.name === check.column)));
  // checkClause refuses what MySQL cannot hold (NOT VALID); the column form then drops the name it cannot carry.
  const inColumn = (c: ColumnSchema) => [...inline].filter((check) => check.column === c.name).map((check) => ` ${checkClause({ ...check, name: null })}`).join("");
  const lines = table.columns.map((c) => columnDefinition(c, `${table.name}.${c.name}`) + inColumn(c));
  if (table.primaryKey && table.primaryKey.columns.length > 0) lines.push(primaryKeyClause(table.primaryKey));
  for (const unique of table.uniques) lines.push(uniqueClause(unique));
  for (const index of table.indexes) lines.push(inlineIndexClause(index, `${where}.${index.name}`));
  for (const fk of table.foreignKeys) lines.push(foreignKeyClause(fk, where));
  for (const check of table.checks) if (!inline.has(check)) lines.push(checkClause(check));
  // COLLATE alone fixes the table's character set too (the collation names it).
  const engine = table.engine ? ` ENGINE=${tableOption(table.engine, `${where} engine`)}` : "";
  const collation = table.collation ? ` COLLATE=${tableOption(table.collation, `${where} collation`)}` : "";
  const comment = table.comment ? ` COMMENT=${quoteLiteral(table.comment)}` : "";
  return `CREATE TABLE ${quoteTable(table)} (\n  ${lines.join(",\n  ")}\n)${engine}${collation}${comment}`;
}

/** The ALTER TABLE clause that drops a constraint of the given type. */
function dropConstraintClause(type: "primaryKey" | "unique" | "check" | "exclusion", name: string): string {
  switch (type) {
    case "primaryKey":
      return "DROP PRIMARY KEY";
    case "unique":
      // A unique constraint is a unique index in MySQL.
      return `DROP INDEX ${quoteIdentifier(name)}`;
    case "check":
    // MySQL holds no exclusion constraint, so dropping one fails as an unknown constraint would.
    case "exclusion":
      // DROP CONSTRAINT works for checks on MariaDB 10.2+ and MySQL 8.0.19+.
      return `DROP CONSTRAINT ${quoteIdentifier(name)}`;
  }
}

/** Whether the live table (when known) has an index or unique constraint called `name`. */
function knownIndex(op: OnTable, name: string, ctx: CompileContext): boolean | undefined {
  const state = ctx.tableState({ schema: op.schema ?? null, name: op.table });
  if (!state) return undefined;
  return state.indexes.some((i) => i.name === name) || state.uniques.some((u) => u.name === name);
}

function concurrentlyUnsupported(what: string): never {
  throw new UnsupportedOperationError(`MySQL has no ${what} CONCURRENTLY.`, {
    hint: "Remove `concurrently` for MySQL: InnoDB builds and drops secondary indexes online (ALGORITHM=INPLACE, LOCK=NONE) by default.",
  });
}

/** The table, when it holds no PostgreSQL partitioning, inheritance or row-level security (which MySQL would silently drop). */
function notPartitioned(table: TableSchema): TableSchema {
  withoutRowLevelSecurity("MySQL", table);
  withoutStorage("MySQL", table);
  if ((table.inherits?.length ?? 0) > 0) {
    throw new UnsupportedOperationError(`Table "${table.name}" is declared with PostgreSQL table inheritance (inherits: ${table.inherits!.map((p) => p.table).join(", ")}), which MySQL does not have.`, {
      hint: "Leave inherits out of the MySQL model, and declare the parent's columns in the table itself.",
    });
  }
  if (!table.partitionBy && !table.partitionOf) return table;
  throw new UnsupportedOperationError(`Table "${table.name}" is declared with PostgreSQL partitioning (partitionBy / partition(...)), which MySQL does not have.`, {
    hint: "Leave partitionBy and partition(...) out of the MySQL model.",
  });
}

/** ` AFTER col` / ` FIRST` for a placed column; nothing for one added last. */
function positionSql(position: ColumnPosition | undefined): string {
  if (!position) return "";
  return "first" in position ? " FIRST" : ` AFTER ${quoteIdentifier(position.after)}`;
}

/** The dispatch table for one compilation context. */
function handlers(ctx: CompileContext): OperationTable<Compiled> {
  return {
    createTable: async (op) => [{ sql: createTableSql(notPartitioned(op.table)) }],
    dropTable: async (op) => [{ sql: `DROP TABLE ${tableOf(op)}` }],
    renameTable: async (op) => [{ sql: `RENAME TABLE ${quoteTable({ schema: op.schema, name: op.from })} TO ${quoteTable({ schema: op.schema, name: op.to })}` }],
    addColumn: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} ADD COLUMN ${columnDefinition(op.column, `${op.table}.${op.column.name}`)}${positionSql(op.position)}` }],
    dropColumn: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} DROP COLUMN ${quoteIdentifier(op.column)}` }],
    alterColumn: (op) => compileAlterColumn(op, ctx),
    createIndex: async (op) => {
      withoutIndexStorage("MySQL", op.table, op.index);
      if (op.concurrently) concurrentlyUnsupported("CREATE INDEX");
      if (op.ifNotExists) {
        const exists = knownIndex(op, op.index.name, ctx);
        if (exists) return [];
        // Unknown table state (offline): MariaDB's IF NOT EXISTS; MySQL 8 lacks it and will say so.
        if (exists === undefined) return [{ sql: createIndexSql(op.index, tableOf(op), `${op.table}.${op.index.name}`, true) }];
      }
      return [{ sql: createIndexSql(op.index, tableOf(op), `${op.table}.${op.index.name}`, false) }];
    },
    dropIndex: async (op) => {
      if (op.concurrently) concurrentlyUnsupported("DROP INDEX");
      if (op.ifExists) {
        const exists = knownIndex(op, op.name, ctx);
        if (exists === false) return [];
        if (exists === undefined) return [{ sql: `DROP INDEX IF EXISTS ${quoteIdentifier(op.name)} ON ${tableOf(op)}` }];
      }
      // A foreign key that needs the index is dropped before and added back with the drop (index-foreign-keys.ts).
      const state = ctx.tableState({ schema: op.schema ?? null, name: op.table });
      if (state && keysNeedingIndex(state, op.name).length > 0) return dropIndexStatements(tableOf(op), state, op.name, `DROP INDEX ${quoteIdentifier(op.name)}`);
      return [{ sql: `DROP INDEX ${quoteIdentifier(op.name)} ON ${tableOf(op)}` }];
    },
    createPrimaryKey: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} ADD ${primaryKeyClause(op.constraint)}` }],
    // One ALTER: an AUTO_INCREMENT column must stay keyed, so the table is never without its key.
    replacePrimaryKey: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} DROP PRIMARY KEY, ADD ${primaryKeyClause(op.constraint)}` }],
    alterTableOptions: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} ${tableOptionsClause(op)}` }],
    createForeignKey: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} ADD ${foreignKeyClause(op.constraint, op.table)}` }],
    createUniqueConstraint: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} ADD ${uniqueClause(op.constraint)}` }],
    createCheckConstraint: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} ADD ${checkClause(op.constraint)}` }],
    createExclusionConstraint: async (op) => refuseExclusion(op.table, op.constraint),
    validateConstraint: async (op) => refuseValidate("MySQL", op.table, op.name),
    alterIndexOptions: async (op) => refuseStorageParameters("MySQL", op.table, op.name),
    // A foreign key may take the index InnoDB made for it along (drop-foreign-key.ts).
    dropConstraint: async (op) => {
      if (op.type === "foreignKey") return compileDropForeignKey(op, ctx);
      // A unique key is an index, which a foreign key may need as much as any other.
      const state = op.type === "unique" ? ctx.tableState({ schema: op.schema ?? null, name: op.table }) : undefined;
      return dropIndexStatements(tableOf(op), state, op.name, dropConstraintClause(op.type, op.name));
    },
    createTableComment: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} COMMENT = ${quoteLiteral(op.comment)}` }],
    // MySQL has no "no comment": an empty comment is how it stores none.
    dropTableComment: async (op) => [{ sql: `ALTER TABLE ${tableOf(op)} COMMENT = ''` }],
    // An index's comment is part of its definition: MySQL has no statement that changes it alone.
    setComment: async (op) => {
      throw new UnsupportedOperationError(`MySQL cannot change the comment of index ${op.name} on ${op.table ?? "its table"} in place: the comment is part of the index's definition.`, {
        hint: "Drop the index and create it again with the new comment (op.dropIndex, then op.createIndex with comment), as autogenerate writes it.",
      });
    },
    createEnum: async (op) => noNamedEnums("createEnum", op.enum.name),
    dropEnum: async (op) => noNamedEnums("dropEnum", op.name),
    addEnumValue: async (op) => noNamedEnums("addEnumValue", op.name),
    renameEnumValue: async (op) => noNamedEnums("renameEnumValue", op.name),
    createSchema: async (op) => noSchemas(op.kind, op.name),
    dropSchema: async (op) => noSchemas(op.kind, op.name),
    createObject: createObjectStatements,
    dropObject: dropObjectStatements,
    replaceObject: replaceObjectStatements,
    execute: async (op) => compileExecute(op),
    bulkInsert: async (op) => compileBulkInsert(op),
    batchAlterTable: async (op) => {
      // MySQL alters in place, so `recreate` (a SQLite rebuild strategy) has nothing to choose.
      const statements: Statement[] = [];
      for (const inner of op.operations) {
        assertSameTable(op, inner);
        statements.push(...(await compile(inner, ctx)));
      }
      return statements;
    },
  };
}

/** An operation inside batchAlterTable must act on the batch's table. */
function assertSameTable(batch: OnTable, inner: TableLevelOperation): void {
  if (inner.table !== batch.table || (inner.schema ?? null) !== (batch.schema ?? null)) {
    throw new UnsupportedOperationError(`A ${inner.kind} inside batchAlterTable("${batch.table}") targets "${inner.table}".`, {
      hint: "Put operations on other tables outside the batch.",
    });
  }
}

/** Compiles one operation into MySQL statements, or throws UnsupportedOperationError. */
export function compile(op: Operation, ctx: CompileContext): Compiled {
  const table = handlers(ctx);
  const handler = table[op.kind] as (op: Operation) => Compiled;
  try {
    refuseOperationComments(op);
  } catch (error) {
    return Promise.reject(error);
  }
  return handler(op);
}
