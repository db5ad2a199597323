/**
 * alterColumn on MySQL. `MODIFY COLUMN` (or `CHANGE COLUMN` when renaming) replaces the whole
 * column definition, so anything left out is lost. The definition is therefore rebuilt in full:
 * from the live table when the runtime can supply it (ctx.tableState), otherwise from the
 * operation's existing* fields, and the operation is refused when those are incomplete.
 */
import type { AlterColumnOp } from "../../operations/types.js";
import type { ColumnSchema } from "../../catalog/types.js";
import type { CompileContext, Statement } from "../dialect.js";
import { UnsupportedOperationError } from "../../errors.js";
import { quoteIdentifier, quoteTable } from "./quote.js";
import { columnDefinition } from "./column-sql.js";
import { isCharacterType } from "./types.js";

/** True when the operation changes more than the column's name. */
function changesDefinition(op: AlterColumnOp): boolean {
  return op.type !== undefined || op.nullable !== undefined || op.default !== undefined || op.comment !== undefined || op.generated !== undefined || op.collation !== undefined || op.onUpdate !== undefined;
}

/** The column as it is now, from the live table or from the operation's existing* fields. */
function currentColumn(op: AlterColumnOp, ctx: CompileContext, where: string): ColumnSchema {
  const state = ctx.tableState({ schema: op.schema ?? null, name: op.table });
  const live = state?.columns.find((c) => c.name === op.column);
  if (live) return live;

  // A field the operation changes is overridden anyway, so its new value stands in for the old one.
  const type = op.existingType ?? op.type;
  const nullable = op.existingNullable ?? op.nullable;
  const dflt = op.existingDefault !== undefined ? op.existingDefault : op.default;
  const comment = op.existingComment !== undefined ? op.existingComment : op.comment;
  const generated = op.existingGenerated !== undefined ? op.existingGenerated : op.generated;
  if (type === undefined || nullable === undefined || dflt === undefined || comment === undefined || generated === undefined) {
    const missing = [
      type === undefined ? "existingType" : "",
      nullable === undefined ? "existingNullable" : "",
      dflt === undefined ? "existingDefault" : "",
      comment === undefined ? "existingComment" : "",
      generated === undefined ? "existingGenerated" : "",
    ].filter((field) => field !== "");
    throw new UnsupportedOperationError(
      `MySQL cannot alter column ${where} without its complete current definition: MODIFY COLUMN replaces type, nullability, default, comment and AUTO_INCREMENT together, and ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not given.`,
      { hint: `Pass ${missing.join(", ")} to alterColumn (use null where there is none), or run online so the definition can be read from the database.` },
    );
  }
  // ON UPDATE and COLLATE are optional to describe: absent, the column has none of its own.
  const onUpdate = op.existingOnUpdate !== undefined ? op.existingOnUpdate : (op.onUpdate ?? null);
  const collation = op.existingCollation !== undefined ? op.existingCollation : (op.collation ?? null);
  return { name: op.column, type, nullable, default: dflt, comment, generated, onUpdate, collation };
}

/** The column after the change: the operation's new values over the current definition. */
function mergedColumn(op: AlterColumnOp, current: ColumnSchema): ColumnSchema {
  const type = op.type ?? current.type;
  const typeChanged = op.type !== undefined;
  return {
    name: op.newName ?? op.column,
    type,
    nullable: op.nullable ?? current.nullable,
    default: op.default !== undefined ? op.default : (current.default ?? null),
    comment: op.comment !== undefined ? op.comment : (current.comment ?? null),
    generated: op.generated !== undefined ? op.generated : (current.generated ?? null),
    // ON UPDATE only applies to datetime/timestamp columns and COLLATE only to character columns:
    // they are kept unless the new type cannot carry them.
    onUpdate: op.onUpdate !== undefined ? op.onUpdate : !typeChanged || type.kind === "timestamp" ? (current.onUpdate ?? null) : null,
    collation: op.collation !== undefined ? op.collation : !typeChanged || isCharacterType(type) ? (current.collation ?? null) : null,
  };
}

/** Compiles an alterColumn to RENAME COLUMN, MODIFY COLUMN or CHANGE COLUMN. */
export async function compileAlterColumn(op: AlterColumnOp, ctx: CompileContext): Promise<Statement[]> {
  const table = quoteTable({ schema: op.schema, name: op.table });
  const where = `${op.table}.${op.column}`;
  if (op.using !== undefined) {
    throw new UnsupportedOperationError(`MySQL has no USING clause to convert column ${where}.`, {
      hint: "Drop `using`: MySQL converts values itself; convert them first with op.execute(UPDATE …) if its conversion is not what you need.",
    });
  }
  const renamed = op.newName !== undefined && op.newName !== op.column;
  if (!changesDefinition(op)) {
    // A pure rename needs no definition (MySQL 8.0 and MariaDB 10.5.2+).
    return renamed ? [{ sql: `ALTER TABLE ${table} RENAME COLUMN ${quoteIdentifier(op.column)} TO ${quoteIdentifier(op.newName as string)}` }] : [];
  }
  const column = mergedColumn(op, currentColumn(op, ctx, where));
  const definition = columnDefinition(column, where);
  const sql = renamed
    ? `ALTER TABLE ${table} CHANGE COLUMN ${quoteIdentifier(op.column)} ${definition}`
    : `ALTER TABLE ${table} MODIFY COLUMN ${definition}`;
  return [{ sql }];
}
