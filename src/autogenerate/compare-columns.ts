/**
 * Column differences of one table: added, dropped and altered columns. An alterColumn names only
 * what changes, but always carries the column as it was (existingType, existingNullable, …):
 * reverse() needs it, and MySQL's MODIFY must restate the whole column.
 */
import type { AlterColumnOp, ColumnPosition, Operation } from "../operations/types.js";
import { describePosition } from "../operations/describe.js";
import type { ColumnSchema, ColumnType, TableSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import { addRequiredColumn, needsBackfill } from "./add-required-column.js";
import { columnKey, onTable, writtenColumn, type DiffContext } from "./compare-context.js";
import { sameComment, sameDefault, sameExpression, sameGeneration, sameType } from "./compare-values.js";

/** Types whose values carry a collation. */
const TEXTUAL = new Set<ColumnType["kind"]>(["char", "varchar", "text", "enum"]);

/** A collation with the PostgreSQL schema it lives in (absent: found on the search path). */
interface Collation {
  name: string | null;
  schema: string | null;
}

/**
 * The collation a column ends up with: its own, else its table's, else the database's (null:
 * unknown or none). A model table that names no collation keeps the one the database holds
 * (`fallback`), as compare.ts reads it.
 */
function effectiveCollation(column: ColumnSchema, table: TableSchema, ctx: DiffContext, fallback?: TableSchema): Collation {
  if (column.collation) return { name: column.collation, schema: column.collationSchema ?? null };
  return { name: table.collation || fallback?.collation || ctx.tableDefaults?.collation || null, schema: null };
}

/**
 * The collation change of a column, or undefined. Collations compare as the column ends up
 * (its own, else its table's), since a table whose collation changes takes only new columns
 * along (the table's DEFAULT COLLATE), so each existing column is changed by name; both values
 * are written out, so the change means the same whichever table default it runs under.
 */
function collationChange(
  tables: { target: TableSchema; actual: TableSchema },
  target: ColumnSchema,
  actual: ColumnSchema,
  ctx: DiffContext,
): Pick<AlterColumnOp, "collation" | "existingCollation" | "collationSchema" | "existingCollationSchema"> | undefined {
  const textual = TEXTUAL.has(target.type.kind) && TEXTUAL.has(actual.type.kind);
  if (!textual && !target.collation) return undefined;
  const next = effectiveCollation(target, tables.target, ctx, tables.actual);
  const before = effectiveCollation(actual, tables.actual, ctx);
  if (next.name === before.name && next.schema === before.schema) return undefined;
  return {
    collation: next.name,
    existingCollation: before.name,
    ...(next.schema || before.schema ? { collationSchema: next.schema, existingCollationSchema: before.schema } : {}),
  };
}

/** The alterColumn that turns `actual` into `target`, or undefined when nothing differs. */
function alterColumn(tables: { target: TableSchema; actual: TableSchema }, target: ColumnSchema, actual: ColumnSchema, ctx: DiffContext): AlterColumnOp | undefined {
  const table = tables.target;
  const label = tableLabel(table);
  const change: Partial<AlterColumnOp> = {};
  if (!sameType(target.type, actual.type, ctx.namedEnums)) {
    // Whether the change can lose values is render-warnings' one judgement (narrowingReason),
    // written above the operation and printed once.
    change.type = target.type;
  }
  if (target.nullable !== actual.nullable) change.nullable = target.nullable;
  // An enum swap already converts the column back with the model's default (DiffContext.swapDefaults).
  const swapped = ctx.swapDefaults?.has(columnKey(table, target.name)) ?? false;
  if (!swapped && !sameDefault(target.default, actual.default, ctx.expressionKey)) change.default = target.default ?? null;
  if (ctx.comments && !sameComment(target.comment, actual.comment)) change.comment = target.comment || null;
  if (!sameGeneration(target.generated, actual.generated, ctx.expressionKey)) {
    change.generated = target.generated ?? null;
    if (target.generated?.kind === "computed" || actual.generated?.kind === "computed") {
      ctx.warnings.push(
        `column ${label}.${target.name} changes its generated expression: most databases cannot alter a computed column in place; if the generated alterColumn fails, drop the column and add it again`,
      );
    }
  }
  const collation = collationChange(tables, target, actual, ctx);
  if (collation) Object.assign(change, collation);
  if (!sameExpression(target.onUpdate, actual.onUpdate, ctx.expressionKey)) {
    change.onUpdate = target.onUpdate ?? null;
    change.existingOnUpdate = actual.onUpdate ?? null;
  }
  if (Object.keys(change).length === 0) return undefined;
  return {
    kind: "alterColumn",
    ...onTable(table),
    column: target.name,
    ...change,
    existingType: actual.type,
    existingNullable: actual.nullable,
    existingDefault: actual.default ?? null,
    existingComment: actual.comment || null,
    existingGenerated: actual.generated ?? null,
    // MySQL's MODIFY restates the whole column: offline, these are known only from here.
    ...(actual.collation && change.collation === undefined ? { existingCollation: actual.collation, ...(actual.collationSchema ? { existingCollationSchema: actual.collationSchema } : {}) } : {}),
    ...(actual.onUpdate && change.onUpdate === undefined ? { existingOnUpdate: actual.onUpdate } : {}),
  };
}

/**
 * Which columns are in the table when the column at `index` is added: `present(c)` for a column
 * after it, `absent(c)` for one before it that is added only later (a new computed column waits
 * for the other column changes, see order.ts).
 */
interface AddTime {
  present(column: ColumnSchema): boolean;
  absent(column: ColumnSchema): boolean;
}

/**
 * Where the column at `index` of `columns` must be placed: nowhere (undefined) when no column
 * after it is in the table yet, since columns added in order after the last one land where they
 * belong; else right after the nearest column before it that is in the table, or first.
 */
function placement(columns: readonly ColumnSchema[], index: number, at: AddTime): ColumnPosition | undefined {
  if (!columns.slice(index + 1).some((c) => at.present(c))) return undefined;
  const before = columns.slice(0, index).reverse().find((c) => !at.absent(c));
  return before ? { after: before.name } : { first: true };
}

/**
 * The position to give an added column (upgrade) or a dropped column's reverse (downgrade), or
 * undefined. Where the dialect cannot place columns (PostgreSQL) the column goes last, and a
 * warning says so: the order then differs from the model's, and nothing pretends it does not.
 */
function position(table: TableSchema, columns: readonly ColumnSchema[], index: number, at: AddTime, ctx: DiffContext, how: "added" | "restored"): ColumnPosition | undefined {
  const wanted = placement(columns, index, at);
  if (!wanted || ctx.columnPositions) return wanted;
  const column = `${tableLabel(table)}.${(columns[index] as ColumnSchema).name}`;
  const where = describePosition(wanted);
  ctx.warnings.push(
    how === "added"
      ? `column ${column} is added after the table's last column: this database cannot place it ${where}, as the model does (put it last in schema.ts to match)`
      : `the downgrade adds column ${column} back after the table's last column, not ${where} where it was: this database cannot place it`,
  );
  return undefined;
}

/**
 * A warning when the columns on both sides are not in the same order: autogenerate adds and
 * restores columns in place, but does not move existing ones.
 */
function orderWarning(target: TableSchema, actual: TableSchema, names: { target: ReadonlySet<string>; actual: ReadonlyMap<string, unknown> }, ctx: DiffContext): void {
  const model = target.columns.map((c) => c.name).filter((n) => names.actual.has(n));
  const database = actual.columns.map((c) => c.name).filter((n) => names.target.has(n));
  if (model.every((name, i) => name === database[i])) return;
  ctx.warnings.push(`table ${tableLabel(target)}: its columns are in another order in the database (${database.join(", ")}) than in the model (${model.join(", ")}); autogenerate does not move existing columns`);
}

/** Operations that turn `actual`'s columns into `target`'s (one table present on both sides). */
export function compareColumns(target: TableSchema, actual: TableSchema, ctx: DiffContext): Operation[] {
  const ops: Operation[] = [];
  const actualByName = new Map(actual.columns.map((c) => [c.name, c]));
  const targetNames = new Set(target.columns.map((c) => c.name));
  // Upgrade: existing columns, then the new ones in the model's order, new computed ones last.
  const newComputed = (c: ColumnSchema): boolean => !actualByName.has(c.name) && c.generated?.kind === "computed";
  const addTime = (column: ColumnSchema): AddTime =>
    newComputed(column) ? { present: (c) => actualByName.has(c.name) || !newComputed(c), absent: () => false } : { present: (c) => actualByName.has(c.name), absent: newComputed };
  // Downgrade: the dropped columns come back in their order, after the upgrade's are gone.
  const restoreTime: AddTime = { present: (c) => targetNames.has(c.name), absent: () => false };
  orderWarning(target, actual, { target: targetNames, actual: actualByName }, ctx);
  target.columns.forEach((column, index) => {
    const existing = actualByName.get(column.name);
    if (!existing) {
      const written = writtenColumn(ctx.written?.target(target), column);
      const at = position(target, target.columns, index, addTime(column), ctx, "added");
      if (needsBackfill(target, written)) {
        const required = addRequiredColumn(target, written, at);
        ops.push(...required.ops);
        ctx.warnings.push(required.warning);
      } else ops.push({ kind: "addColumn", ...onTable(target), column: written, ...(at ? { position: at } : {}) });
      return;
    }
    const alter = alterColumn({ target, actual }, column, existing, ctx);
    if (alter) ops.push(alter);
  });
  // Last column first, so that the downgrade (the reverse, in reverse order) adds them back in order.
  for (let index = actual.columns.length - 1; index >= 0; index--) {
    const column = actual.columns[index] as ColumnSchema;
    if (targetNames.has(column.name)) continue;
    const at = position(actual, actual.columns, index, restoreTime, ctx, "restored");
    ops.push({ kind: "dropColumn", ...onTable(actual), column: column.name, existing: writtenColumn(ctx.written?.actual(actual), column), ...(at ? { existingPosition: at } : {}) });
  }
  return ops;
}
