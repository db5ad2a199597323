/**
 * alterColumn on PostgreSQL. Only the parts that change are emitted: a part counts as changed when
 * the operation sets it and it differs from the `existing*` value (or that value is unknown).
 * Type, default and nullability go in one ALTER TABLE so the table is rewritten at most once;
 * generation changes, the comment and the rename follow as their own statements.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { AlterColumnOp } from "../../operations/types.js";
import type { ColumnGeneration, ColumnType, DefaultValue, TableRef } from "../../catalog/types.js";
import { tableLabel } from "../../catalog/types.js";
import type { CompileContext, Statement } from "../dialect.js";
import { needsExplicitCast } from "./casts.js";
import { columnCommentStatement } from "./column-sql.js";
import { defaultSql } from "./defaults.js";
import { generationChange, serialSequenceTypeChange } from "./generation-sql.js";
import { quoteIdentifier, quoteTable } from "./quote.js";
import { sameValue } from "../../core/same-value.js";
import { columnTypeSql } from "./types.js";

/** True when the operation sets a value that differs from the known prior one. */
function differs<T>(next: T | undefined, existing: T | undefined): next is T {
  if (next === undefined) return false;
  return existing === undefined || !sameValue(next ?? null, existing ?? null);
}

/** The column's generation before the change: from the operation, else from the known table state. */
function priorGeneration(op: AlterColumnOp, table: TableRef, ctx: CompileContext): ColumnGeneration | null {
  if (op.existingGenerated !== undefined) return op.existingGenerated;
  const state = ctx.tableState(table);
  return state?.columns.find((c) => c.name === op.column)?.generated ?? null;
}

/**
 * The conversion of a type change: the operation's own `using`, else `"col"::type` where
 * PostgreSQL has no implicit or assignment cast from the prior type (text → integer), so the
 * change converts the values instead of failing.
 */
function usingClause(op: AlterColumnOp, type: ColumnType, prior: ColumnType | undefined): string {
  if (op.using !== undefined) return ` USING ${op.using}`;
  return prior && needsExplicitCast(prior, type) ? ` USING ${quoteIdentifier(op.column)}::${columnTypeSql(type)}` : "";
}

/** ` COLLATE "x"` for a collation change (null: the type's default collation), else "". */
function collateClause(op: AlterColumnOp): string {
  if (!differs(op.collation, op.existingCollation) && !differs(op.collationSchema, op.existingCollationSchema)) return "";
  return ` COLLATE ${op.collation ? quoteTable({ schema: op.collationSchema ?? null, name: op.collation }) : quoteIdentifier("default")}`;
}

/**
 * The ALTER COLUMN actions for type, collation, default and nullability, in the order PostgreSQL
 * needs. A collation changes only with `TYPE … COLLATE`, so it restates the type (`knownType`:
 * the operation's or the table's).
 */
function columnActions(op: AlterColumnOp, priorType: ColumnType | undefined, knownType: ColumnType | undefined, priorDefault: DefaultValue | null | undefined): string[] {
  const actions: string[] = [];
  const collate = collateClause(op);
  const typeChanges = differs(op.type, op.existingType) || op.using !== undefined || collate !== "";
  const defaultChanges = differs(op.default, op.existingDefault);
  if (typeChanges) {
    const type = op.type ?? op.existingType ?? knownType;
    if (!type) {
      throw new UnsupportedOperationError(`alterColumn on "${op.column}" gives a USING expression or a collation but no type.`, {
        hint: "Pass type (or existingType) together with using or collation.",
      });
    }
    // The old default may not cast to the new type; drop it first when a new one replaces it.
    // A default that stays is set aside and set again on the new type: PostgreSQL would convert
    // the stored expression with an assignment cast, which fails where the values need USING
    // ("default for column … cannot be cast automatically", varchar → enum) and otherwise keeps
    // the old type inside it (enum → varchar leaves `'chore'::kind`, which pins the enum type and
    // is not what a column created with the new type holds).
    const restated = !defaultChanges && priorDefault ? priorDefault : undefined;
    if (defaultChanges || restated) actions.push("DROP DEFAULT");
    actions.push(`TYPE ${columnTypeSql(type)}${collate}${usingClause(op, type, priorType)}`);
    if (restated) actions.push(`SET DEFAULT ${defaultSql(restated)}`);
  }
  if (defaultChanges && op.default !== undefined) {
    if (op.default === null) {
      if (!typeChanges) actions.push("DROP DEFAULT");
    } else actions.push(`SET DEFAULT ${defaultSql(op.default)}`);
  }
  if (differs(op.nullable, op.existingNullable)) actions.push(op.nullable ? "DROP NOT NULL" : "SET NOT NULL");
  return actions.map((action) => `ALTER COLUMN ${quoteIdentifier(op.column)} ${action}`);
}

/**
 * The ALTER SEQUENCE … AS of a column that is serial before and after the change and changes
 * between integer types; null otherwise (a column becoming serial gets a sequence of its new
 * type from generationChange).
 */
function serialTypeChange(op: AlterColumnOp, table: TableRef, ctx: CompileContext): Statement | null {
  if (!differs(op.type, op.existingType)) return null;
  const prior = priorGeneration(op, table, ctx);
  const after = op.generated !== undefined ? op.generated : prior;
  if (prior?.kind !== "autoincrement" || after?.kind !== "autoincrement") return null;
  return serialSequenceTypeChange(table, op.column, op.type);
}

/** Compiles one alterColumn. */
export async function compileAlterColumn(op: AlterColumnOp, ctx: CompileContext): Promise<Statement[]> {
  const table: TableRef = { schema: op.schema, name: op.table };
  const statements: Statement[] = [];
  let generation = { before: [] as Statement[], after: [] as Statement[] };
  if (op.generated !== undefined) {
    const existing = priorGeneration(op, table, ctx);
    if (op.generated?.kind === "autoincrement" && op.default !== undefined && op.default !== null) {
      throw new UnsupportedOperationError(`Column "${op.column}" of "${tableLabel(table)}" cannot become autoincrement and get a default at once.`, {
        hint: "A serial column's default is its sequence; leave default unset.",
      });
    }
    // The column's type sizes a new serial sequence and the defaults of its options.
    generation = generationChange(table, op.column, existing, op.generated, op.type ?? op.existingType ?? ctx.tableState(table)?.columns.find((c) => c.name === op.column)?.type);
  }
  statements.push(...generation.before);
  const priorType = op.type !== undefined && op.using === undefined ? (op.existingType ?? ctx.tableState(table)?.columns.find((c) => c.name === op.column)?.type) : undefined;
  const knownType = op.type ?? op.existingType ?? (op.collation !== undefined ? ctx.tableState(table)?.columns.find((c) => c.name === op.column)?.type : undefined);
  const priorDefault = op.existingDefault !== undefined ? op.existingDefault : ctx.tableState(table)?.columns.find((c) => c.name === op.column)?.default;
  const actions = columnActions(op, priorType, knownType, priorDefault);
  if (actions.length > 0) statements.push({ sql: `ALTER TABLE ${quoteTable(table)} ${actions.join(", ")}` });
  const sequenceType = serialTypeChange(op, table, ctx);
  if (sequenceType) statements.push(sequenceType);
  statements.push(...generation.after);
  if (differs(op.comment, op.existingComment)) statements.push(columnCommentStatement(table, op.column, op.comment ?? null));
  if (op.newName !== undefined && op.newName !== op.column) {
    statements.push({ sql: `ALTER TABLE ${quoteTable(table)} RENAME COLUMN ${quoteIdentifier(op.column)} TO ${quoteIdentifier(op.newName)}` });
  }
  return statements;
}
