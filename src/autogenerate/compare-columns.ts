/**
 * Column differences of one table: added, dropped and altered columns. An alterColumn names only
 * what changes, but always carries the column as it was (existingType, existingNullable, …):
 * reverse() needs it, and MySQL's MODIFY must restate the whole column.
 */
import type { AlterColumnOp, Operation } from "../operations/types.js";
import type { ColumnSchema, TableSchema } from "../catalog/types.js";
import { tableLabel } from "../catalog/types.js";
import { addRequiredColumn, needsBackfill } from "./add-required-column.js";
import { onTable, writtenColumn, type DiffContext } from "./compare-context.js";
import { sameComment, sameDefault, sameExpression, sameGeneration, sameType } from "./compare-values.js";

/** The alterColumn that turns `actual` into `target`, or undefined when nothing differs. */
function alterColumn(table: TableSchema, target: ColumnSchema, actual: ColumnSchema, ctx: DiffContext): AlterColumnOp | undefined {
  const label = tableLabel(table);
  const change: Partial<AlterColumnOp> = {};
  if (!sameType(target.type, actual.type, ctx.namedEnums)) {
    // Whether the change can lose values is render-warnings' one judgement (narrowingReason),
    // written above the operation and printed once.
    change.type = target.type;
  }
  if (target.nullable !== actual.nullable) change.nullable = target.nullable;
  if (!sameDefault(target.default, actual.default, ctx.expressionKey)) change.default = target.default ?? null;
  if (ctx.comments && !sameComment(target.comment, actual.comment)) change.comment = target.comment || null;
  if (!sameGeneration(target.generated, actual.generated, ctx.expressionKey)) {
    change.generated = target.generated ?? null;
    if (target.generated?.kind === "computed" || actual.generated?.kind === "computed") {
      ctx.warnings.push(
        `column ${label}.${target.name} changes its generated expression: most databases cannot alter a computed column in place; if the generated alterColumn fails, drop the column and add it again`,
      );
    }
  }
  if ((target.collation || null) !== (actual.collation || null) && target.collation) {
    ctx.warnings.push(`column ${label}.${target.name} has collation ${target.collation} in the model but ${actual.collation ?? "the table default"} in the database: autogenerate does not change collations; alter it with op.execute`);
  }
  if (!sameExpression(target.onUpdate, actual.onUpdate, ctx.expressionKey)) {
    ctx.warnings.push(`column ${label}.${target.name} has ON UPDATE ${target.onUpdate ?? "(none)"} in the model but ${actual.onUpdate ?? "(none)"} in the database: autogenerate does not change ON UPDATE clauses; alter it with op.execute`);
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
  };
}

/** Operations that turn `actual`'s columns into `target`'s (one table present on both sides). */
export function compareColumns(target: TableSchema, actual: TableSchema, ctx: DiffContext): Operation[] {
  const ops: Operation[] = [];
  const actualByName = new Map(actual.columns.map((c) => [c.name, c]));
  const targetNames = new Set(target.columns.map((c) => c.name));
  for (const column of target.columns) {
    const existing = actualByName.get(column.name);
    if (!existing) {
      const written = writtenColumn(ctx.written?.target(target), column);
      if (needsBackfill(target, written)) {
        const required = addRequiredColumn(target, written);
        ops.push(...required.ops);
        ctx.warnings.push(required.warning);
      } else ops.push({ kind: "addColumn", ...onTable(target), column: written });
      continue;
    }
    const alter = alterColumn(target, column, existing, ctx);
    if (alter) ops.push(alter);
  }
  for (const column of actual.columns) {
    if (!targetNames.has(column.name)) ops.push({ kind: "dropColumn", ...onTable(actual), column: column.name, existing: writtenColumn(ctx.written?.actual(actual), column) });
  }
  return ops;
}
