/**
 * Compiles changes to one table (a single table-level operation, or a batchAlterTable): native
 * ALTER TABLE statements where SQLite has them, otherwise one rebuild for the whole group.
 * Operations SQLite cannot express at all are refused before anything is compiled.
 */
import { SqlError, UnsupportedOperationError } from "../../errors.js";
import { refuseRowLevelSecurity } from "../row-level-security.js";
import { refuseValidate } from "../postgres-only-constraints.js";
import { refuseStorageOptions, refuseStorageParameters, withoutIndexStorage } from "../postgres-only-storage.js";
import type { BatchAlterTableOp, TableLevelOperation } from "../../operations/types.js";
import type { ColumnSchema, TableRef, TableSchema } from "../../catalog/types.js";
import type { CompileContext, Statement } from "../dialect.js";
import { isConstantDefault } from "./defaults.js";
import { sameName } from "./names.js";
import { quoteIdentifier } from "./quote.js";
import { rebuildTable } from "./recreate-table.js";
import { applyEdit, columnIsKeyed, startEdit } from "../../operations/table-state.js";
import { describePosition } from "../../operations/describe.js";
import { sqliteIdentifierRules } from "./table-edits.js";
import { assertIndexSupported, columnSql, createIndexSql, refuseExclusion } from "./table-sql.js";

type AlterColumn = Extract<TableLevelOperation, { kind: "alterColumn" }>;

/** Throws for what SQLite cannot do with or without a rebuild. */
function assertExpressible(op: TableLevelOperation, table: string): void {
  const where = `${op.kind} on "${table}"`;
  if ((op.kind === "createIndex" || op.kind === "dropIndex") && op.concurrently) {
    throw new UnsupportedOperationError(`SQLite has no concurrent index builds (${where} with concurrently: true).`, {
      hint: "Drop `concurrently` for SQLite (branch on op.dialect if the revision also targets PostgreSQL); SQLite builds indexes inside the migration transaction.",
    });
  }
  if (op.kind === "createIndex") {
    withoutIndexStorage("SQLite", table, op.index);
    assertIndexSupported(table, op.index);
  }
  if (op.kind === "alterIndexOptions") refuseStorageParameters("SQLite", table, op.name);
  if (op.kind === "createExclusionConstraint") refuseExclusion(table, op.constraint);
  if (op.kind === "validateConstraint") refuseValidate("SQLite", table, op.name);
  if (op.kind === "alterTableOptions") {
    refuseRowLevelSecurity("SQLite", op.table, op.rowLevelSecurity);
    refuseStorageOptions("SQLite", op);
    throw new UnsupportedOperationError(`SQLite has no table collation or engine (${where}).`, {
      hint: "Remove the operation for SQLite (branch on op.dialect if the revision also targets MySQL); table options are MySQL's.",
    });
  }
  if (op.kind === "createTableComment" || op.kind === "dropTableComment") {
    throw new UnsupportedOperationError(`SQLite has no table comments (${where}).`, {
      hint: "Remove the comment operation for SQLite (branch on op.dialect if the revision also targets other databases); SQLite cannot store comments.",
    });
  }
  if (op.kind === "alterColumn" && op.comment !== undefined && !changesBeyondComment(op)) {
    throw new UnsupportedOperationError(`SQLite has no column comments (${where}, column "${op.column}").`, {
      hint: "Remove the comment change for SQLite (branch on op.dialect if the revision also targets other databases); SQLite cannot store comments.",
    });
  }
}

function changesBeyondComment(op: AlterColumn): boolean {
  return op.newName !== undefined || op.type !== undefined || op.nullable !== undefined || op.default !== undefined || op.generated !== undefined || op.using !== undefined;
}

/** Whether the alteration changes anything but the name, judged against the column when known. */
function changesDefinition(op: AlterColumn, column: ColumnSchema | undefined): boolean {
  if (op.using !== undefined) return true;
  const differs = (wanted: unknown, current: unknown): boolean => wanted !== undefined && (column === undefined || JSON.stringify(wanted) !== JSON.stringify(current ?? null));
  return differs(op.type, column?.type) || differs(op.nullable, column?.nullable) || differs(op.default, column?.default) || differs(op.generated, column?.generated);
}

/** ALTER TABLE … ADD COLUMN accepts only nullable-or-defaulted columns with constant defaults, no keys, no stored generation. */
function addableInPlace(column: ColumnSchema): boolean {
  const g = column.generated;
  if (g && (g.kind !== "computed" || g.stored)) return false;
  if (!isConstantDefault(column.default)) return false;
  const hasValue = column.default?.kind === "literal" && column.default.value !== null;
  return column.nullable || hasValue || g?.kind === "computed";
}

/**
 * Whether the column goes where ALTER TABLE … ADD COLUMN puts it, after the last column: no
 * position, or after the column that is last in `state`. Anywhere else takes a rebuild.
 */
function landsLast(op: Extract<TableLevelOperation, { kind: "addColumn" }>, state: TableSchema | undefined): boolean {
  const position = op.position;
  if (!position) return true;
  const last = state?.columns.at(-1);
  return "after" in position && last !== undefined && sqliteIdentifierRules.sameName(last.name, position.after);
}

/** Native statements for `op`, or null when it needs a rebuild. `state` is the table before `op`, when known. */
function nativeStatements(op: TableLevelOperation, table: string, state: TableSchema | undefined): Statement[] | null {
  const t = quoteIdentifier(table);
  switch (op.kind) {
    case "addColumn":
      return addableInPlace(op.column) && landsLast(op, state) ? [{ sql: `ALTER TABLE ${t} ADD COLUMN ${columnSql(op.column, { table })}` }] : null;
    case "dropColumn":
      return state && columnIsKeyed(state, op.column, sqliteIdentifierRules) ? null : [{ sql: `ALTER TABLE ${t} DROP COLUMN ${quoteIdentifier(op.column)}` }];
    case "alterColumn": {
      const column = state?.columns.find((c) => sameName(c.name, op.column));
      if (changesDefinition(op, column)) return null;
      if (op.newName === undefined || op.newName === op.column) return [];
      return [{ sql: `ALTER TABLE ${t} RENAME COLUMN ${quoteIdentifier(op.column)} TO ${quoteIdentifier(op.newName)}` }];
    }
    case "createIndex":
      return [{ sql: createIndexSql(table, op.index, op.ifNotExists) }];
    case "dropIndex":
      return [{ sql: `DROP INDEX ${op.ifExists ? "IF EXISTS " : ""}${quoteIdentifier(op.name)}` }];
    case "createPrimaryKey":
    case "replacePrimaryKey":
    case "createForeignKey":
    case "createUniqueConstraint":
    case "createCheckConstraint":
    case "dropConstraint":
      return null;
    // Refused by assertExpressible before any statement.
    case "createExclusionConstraint":
    case "validateConstraint":
    case "alterIndexOptions":
      return [];
    case "createTableComment":
    case "dropTableComment":
    case "alterTableOptions":
      return [];
  }
}

function describe(op: TableLevelOperation): string {
  if (op.kind === "addColumn") return `addColumn "${op.column.name}"${op.position ? ` (${describePosition(op.position, (c) => `"${c}"`)})` : ""}`;
  if (op.kind === "dropColumn" || op.kind === "alterColumn") return `${op.kind} "${op.column}"`;
  return op.kind;
}

/**
 * Applies `op` to a copy of `state`, for judging the operations after it. When the definition
 * cannot take the operation, the state becomes unknown: an in-place statement is left for SQLite
 * to accept or reject, and a rebuild re-applies the operation and reports the error itself.
 */
function afterOp(state: TableSchema, op: TableLevelOperation): TableSchema | undefined {
  try {
    const edit = startEdit(state);
    applyEdit(edit, op, sqliteIdentifierRules);
    return edit.table;
  } catch {
    return undefined;
  }
}

/**
 * Statements for a group of changes to `ref`. `recreate`: "auto" rebuilds only when some change
 * needs it, "always" rebuilds anyway, "never" refuses changes that need a rebuild.
 */
export async function compileTableOperations(ref: TableRef, ops: TableLevelOperation[], recreate: NonNullable<BatchAlterTableOp["recreate"]>, ctx: CompileContext): Promise<Statement[]> {
  for (const op of ops) assertExpressible(op, ref.name);
  // The current definition decides how columns are dropped and whether an alteration is a rename only.
  const state = ctx.tableState(ref);

  let reason = recreate === "always" ? 'recreate: "always"' : undefined;
  const native: Statement[] = [];
  let current = state;
  for (const op of ops) {
    if (reason === undefined) {
      const statements = nativeStatements(op, ref.name, current);
      if (statements === null) reason = describe(op);
      else native.push(...statements);
    }
    if (current) current = afterOp(current, op);
  }
  if (reason === undefined) return native;

  if (recreate === "never") {
    throw new UnsupportedOperationError(`SQLite needs to rebuild table "${ref.name}" for ${reason}, but the batch says recreate: "never".`, {
      hint: 'Use recreate: "auto" to allow the rebuild, or move that operation out of the batch.',
    });
  }
  if (!state) {
    if (ctx.offline) {
      throw new UnsupportedOperationError(`Offline --sql cannot rebuild "${ref.name}" (for ${reason}) because its definition is unknown.`, {
        hint: "Run the migration online, or start the --sql range at a revision the earlier revisions lead to (the definition is worked out from them).",
      });
    }
    throw new SqlError(`Table "${ref.name}" does not exist, so SQLite cannot rebuild it (for ${reason}).`, undefined, {
      hint: "Check the table name, and that the revision creating it has run.",
    });
  }
  const edit = startEdit(state);
  for (const op of ops) applyEdit(edit, op, sqliteIdentifierRules);
  return rebuildTable(state, edit);
}
