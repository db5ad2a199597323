/**
 * Operation -> PostgreSQL statements. The dispatch table is typed OperationTable, so a new
 * operation kind fails to build until it is handled here. PostgreSQL alters tables in place, so a
 * batchAlterTable simply compiles its inner operations one by one (its `recreate` setting only
 * matters on SQLite).
 */
import type { Operation, OperationTable, OnTable, TableLevelOperation } from "../../operations/types.js";
import { tableLabel, type TableRef } from "../../catalog/types.js";
import { UnsupportedOperationError } from "../../errors.js";
import { describePosition } from "../../operations/describe.js";
import type { CompileContext, Statement } from "../dialect.js";
import { compileAlterColumn } from "./alter-column.js";
import { commentStatement, constraintCommentStatements, indexCommentStatements } from "./comment-sql.js";
import { columnCommentStatement, columnDefinitionSql, serialSequenceStatements, tableCommentStatement } from "./column-sql.js";
import { addCheckSql, addForeignKeySql, exclusionSql, primaryKeySql, uniqueSql } from "./constraint-sql.js";
import { createTableStatements } from "./create-table.js";
import { bulkInsertStatements, executeStatements } from "./data-sql.js";
import { addEnumValueStatements, createEnumStatements, dropEnumStatements, renameEnumValueStatements } from "./enum-sql.js";
import { createObjectStatements, dropObjectStatements, replaceObjectStatements } from "./compile-objects.js";
import { alterIndexStorageStatement, createIndexStatement, dropIndexStatement } from "./index-sql.js";
import { persistenceStatement, storageParameterActions } from "./storage-sql.js";
import { rowLevelSecurityStatement } from "./policy-sql.js";
import { quoteIdentifier, quoteTable } from "./quote.js";

type Compiled = Statement[] | Promise<Statement[]>;

function ref(op: OnTable): TableRef {
  return { schema: op.schema, name: op.table };
}

function alterTable(op: OnTable, action: string): Statement[] {
  return [{ sql: `ALTER TABLE ${quoteTable(ref(op))} ${action}` }];
}

/** The ALTER TABLE that adds a constraint, and its COMMENT ON CONSTRAINT when it has a comment. */
function addConstraint(op: OnTable & { constraint: { name?: string | null; comment?: string | null } }, action: string): Statement[] {
  return [...alterTable(op, action), ...constraintCommentStatements(ref(op), op.constraint)];
}

/** The dispatch table for one compile context. */
function handlers(ctx: CompileContext): OperationTable<Compiled> {
  return {
    createTable: (op) => createTableStatements(op.table),
    dropTable: (op) => [{ sql: `DROP TABLE ${quoteTable(ref(op))}` }],
    renameTable: (op) => [{ sql: `ALTER TABLE ${quoteTable({ schema: op.schema, name: op.from })} RENAME TO ${quoteIdentifier(op.to)}` }],
    addColumn: (op) => {
      if (op.position) {
        throw new UnsupportedOperationError(`PostgreSQL cannot place column "${op.column.name}" ${describePosition(op.position, (c) => `"${c}"`)} in "${op.table}": ADD COLUMN always adds it after the table's last column.`, {
          hint: "Remove after/first from addColumn (the column goes last), or create the table anew in the order you want and copy the rows over.",
        });
      }
      const serial = serialSequenceStatements(ref(op), [op.column]);
      const statements = [...serial.before, ...alterTable(op, `ADD COLUMN ${columnDefinitionSql(op.column, ref(op))}`), ...serial.after];
      if (op.column.comment !== undefined && op.column.comment !== null) statements.push(columnCommentStatement(ref(op), op.column.name, op.column.comment));
      return statements;
    },
    dropColumn: (op) => alterTable(op, `DROP COLUMN ${quoteIdentifier(op.column)}`),
    alterColumn: (op) => compileAlterColumn(op, ctx),
    createIndex: (op) => [createIndexStatement(ref(op), op.index, { concurrently: op.concurrently, ifNotExists: op.ifNotExists }), ...indexCommentStatements(ref(op), op.index)],
    dropIndex: (op) => [dropIndexStatement(op.schema, op.name, { concurrently: op.concurrently, ifExists: op.ifExists })],
    createPrimaryKey: (op) => addConstraint(op, `ADD ${primaryKeySql(op.constraint)}`),
    replacePrimaryKey: (op) => {
      if (!op.existing.name) {
        throw new UnsupportedOperationError(`PostgreSQL drops a primary key by its name, and the key replaced on "${op.table}" has none.`, { hint: "Pass replaces: { name, columns } to replacePrimaryKey (the name is usually <table>_pkey)." });
      }
      // One statement: the table is never without a key in between.
      return addConstraint(op, `DROP CONSTRAINT ${quoteIdentifier(op.existing.name)}, ADD ${primaryKeySql(op.constraint)}`);
    },
    alterTableOptions: (op) => {
      if (op.collation !== undefined || op.engine !== undefined) {
        throw new UnsupportedOperationError(`PostgreSQL has no table collation or engine (alterTableOptions on "${op.table}").`, { hint: "Remove collation and engine for PostgreSQL; they are MySQL's. Column collations change with alterColumn." });
      }
      const statements: Statement[] = [];
      // Persistence first: SET LOGGED rewrites the table, and the parameters then reach the new file.
      if (op.unlogged !== undefined) statements.push(persistenceStatement(ref(op), op.unlogged));
      if (op.rowLevelSecurity) statements.push(rowLevelSecurityStatement(ref(op), op.rowLevelSecurity));
      const storage = storageParameterActions(op.storageParameters ?? {}, { of: "table" }, `Table ${tableLabel(ref(op))}`);
      if (storage.length > 0) statements.push(...alterTable(op, storage.join(", ")));
      return statements;
    },
    alterIndexOptions: (op) => alterIndexStorageStatement(op.schema, op.name, op.using, op.storageParameters, ref(op)),
    createForeignKey: (op) => addConstraint(op, addForeignKeySql(op.constraint)),
    createUniqueConstraint: (op) => addConstraint(op, `ADD ${uniqueSql(op.constraint)}`),
    createCheckConstraint: (op) => addConstraint(op, addCheckSql(op.constraint)),
    createExclusionConstraint: (op) => addConstraint(op, `ADD ${exclusionSql(op.constraint)}`),
    validateConstraint: (op) => alterTable(op, `VALIDATE CONSTRAINT ${quoteIdentifier(op.name)}`),
    dropConstraint: (op) => alterTable(op, `DROP CONSTRAINT ${quoteIdentifier(op.name)}`),
    createTableComment: (op) => [tableCommentStatement(ref(op), op.comment)],
    dropTableComment: (op) => [tableCommentStatement(ref(op), null)],
    setComment: (op) => [commentStatement(op, op.comment)],
    createEnum: createEnumStatements,
    dropEnum: dropEnumStatements,
    addEnumValue: addEnumValueStatements,
    renameEnumValue: renameEnumValueStatements,
    createSchema: (op) => [{ sql: `CREATE SCHEMA ${quoteIdentifier(op.name)}` }],
    // No CASCADE: PostgreSQL refuses to drop a schema that still holds anything.
    dropSchema: (op) => [{ sql: `DROP SCHEMA ${quoteIdentifier(op.name)}` }],
    createObject: createObjectStatements,
    dropObject: dropObjectStatements,
    replaceObject: replaceObjectStatements,
    execute: executeStatements,
    bulkInsert: bulkInsertStatements,
    batchAlterTable: async (op) => {
      const statements: Statement[] = [];
      for (const inner of op.operations) {
        // The batch names the table; its inner operations act on that table.
        const targeted: TableLevelOperation = { ...inner, schema: op.schema, table: op.table };
        statements.push(...(await compile(targeted, ctx)));
      }
      return statements;
    },
  };
}

/** Compiles one operation into PostgreSQL statements, or throws UnsupportedOperationError. */
export async function compile(op: Operation, ctx: CompileContext): Promise<Statement[]> {
  const handler = handlers(ctx)[op.kind] as (op: Operation) => Compiled;
  return handler(op);
}
