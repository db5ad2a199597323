/**
 * What an enum swap (enum-swap.ts) must take down and put back besides the columns: a partial
 * index, an expression index or a CHECK constraint whose text names a swapped column compares it
 * with the enum's own values (`role = 'owner'::member_role`), so `ALTER COLUMN … TYPE text`
 * fails on it ("operator does not exist: text = member_role"). Such an index or check is dropped
 * before the columns leave the type and created again, as it was, once they are back. A plain
 * index on the column needs nothing: ALTER COLUMN TYPE rebuilds it.
 *
 * An index or check the table comparison already drops (changed or gone in the model) is left to
 * it: around the swap it does not exist (leaveToTableDiff).
 */
import type { TableSchema } from "../catalog/types.js";
import type { Operation } from "../operations/types.js";
import { tokenizeSql } from "./compare-sql-tokens.js";
import { onTable, refKey } from "./compare-context.js";

/** True when the SQL text names the column `name` (unquoted words fold to lower case, as PostgreSQL reads them). */
function namesColumn(sql: string, name: string): boolean {
  return tokenizeSql(sql).some((t) => (t.kind === "word" && t.value === name.toLowerCase() && name === name.toLowerCase()) || (t.kind === "ident" && t.value === name));
}

/**
 * The drops (before the swap) and creates (after it) of the indexes and checks of `table` whose
 * predicate, expression elements or expression name one of `columns`.
 */
export function swapDependents(table: TableSchema, columns: readonly string[]): { before: Operation[]; after: Operation[] } {
  const names = (sql: string | null | undefined): boolean => !!sql && columns.some((c) => namesColumn(sql, c));
  const before: Operation[] = [];
  const after: Operation[] = [];
  const at = onTable(table);
  for (const index of table.indexes) {
    if (!names(index.where) && !index.elements.some((e) => "expression" in e && names(e.expression))) continue;
    before.push({ kind: "dropIndex", ...at, name: index.name, existing: index });
    after.push({ kind: "createIndex", ...at, index });
  }
  for (const check of table.checks) {
    if (!check.name || !names(check.expression)) continue;
    before.push({ kind: "dropConstraint", ...at, name: check.name, type: "check", existing: { type: "check", constraint: check } });
    after.push({ kind: "createCheckConstraint", ...at, constraint: check });
  }
  return { before, after };
}

/** "<table key>\0<name>" of an index or check drop, create or constraint drop; undefined for other operations. */
function dependentKey(op: Operation): string | undefined {
  if (op.kind === "dropIndex" || (op.kind === "dropConstraint" && op.type === "check")) return `${refKey(op.schema, op.table)}\u0000${op.name}`;
  if (op.kind === "createIndex") return `${refKey(op.schema, op.table)}\u0000${op.index.name}`;
  if (op.kind === "createCheckConstraint" && op.constraint.name) return `${refKey(op.schema, op.table)}\u0000${op.constraint.name}`;
  return undefined;
}

/**
 * `swapOps` without the index and check drops and creates of names `tableOps` drops: the table
 * comparison already takes those down before the swap and creates the model's after it, and in
 * the downgrade they are absent while the swap back runs.
 */
export function leaveToTableDiff(swapOps: readonly Operation[], tableOps: readonly Operation[]): Operation[] {
  const dropped = new Set(tableOps.flatMap((op) => (op.kind === "dropIndex" || (op.kind === "dropConstraint" && op.type === "check") ? [dependentKey(op)!] : [])));
  return swapOps.filter((op) => {
    const key = dependentKey(op);
    return key === undefined || !dropped.has(key);
  });
}
