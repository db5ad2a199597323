/**
 * Foreign keys that hold on to a key the run drops or replaces. Where a foreign key depends on the
 * referenced table's key (PostgreSQL records the dependency on the key's index in pg_depend and
 * refuses `DROP CONSTRAINT` of it), changing that key needs the foreign keys dropped before and
 * created again after. The per-table comparison cannot see them (they live on other tables), so
 * this pass adds the pair for each: a dropConstraint, which order runs before any key changes,
 * and a createForeignKey, which it runs after every key is created. The downgrade reverses the
 * whole list, so there too the foreign keys go first and come back last.
 */
import type { DatabaseSchema, ForeignKeySchema, TableSchema } from "../catalog/types.js";
import type { Operation } from "../operations/types.js";
import { onTable, refKey } from "./compare-context.js";
import { dropConstraint } from "./compare-constraints.js";
import { sameColumns } from "./compare-match.js";
import { referencedKey } from "./order.js";

/** A key the operations remove from a table: the table's key and the key's columns. */
interface KeyGoing {
  table: string;
  columns: readonly string[];
}

const sorted = (columns: readonly string[]): string[] => [...columns].sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => sameColumns(sorted(a), sorted(b));

/** The keys `ops` drop or replace (a primary key, a unique constraint, a unique index on plain columns). */
function keysGoing(ops: readonly Operation[]): KeyGoing[] {
  const out: KeyGoing[] = [];
  for (const op of ops) {
    const table = op.kind === "replacePrimaryKey" || op.kind === "dropConstraint" || op.kind === "dropIndex" ? refKey(op.schema, op.table) : null;
    if (op.kind === "replacePrimaryKey") out.push({ table: table!, columns: op.existing.columns });
    else if (op.kind === "dropConstraint" && (op.existing?.type === "primaryKey" || op.existing?.type === "unique")) out.push({ table: table!, columns: op.existing.constraint.columns });
    else if (op.kind === "dropIndex" && op.existing?.unique && !op.existing.where && op.existing.elements.every((e) => "column" in e)) {
      out.push({ table: table!, columns: op.existing.elements.map((e) => ("column" in e ? e.column : "")) });
    }
  }
  return out;
}

/** The model's version of an unchanged foreign key: the same name, else the same definition. */
function targetForeignKey(table: TableSchema | undefined, fk: ForeignKeySchema): ForeignKeySchema | undefined {
  if (!table) return undefined;
  const byName = fk.name ? table.foreignKeys.find((f) => f.name === fk.name) : undefined;
  return byName ?? table.foreignKeys.find((f) => sameColumns(f.columns, fk.columns) && f.referencedTable === fk.referencedTable && sameColumns(f.referencedColumns, fk.referencedColumns));
}

/**
 * The dropConstraint / createForeignKey pairs for the foreign keys in `actual` that `holds`
 * picks and that `ops` neither drop already nor remove with their table; each comes back as the
 * model's version of it. One the model no longer has is dropped only when `dropUnmatched` (else
 * left to compare, which drops it anyway). Shared by the passes that take foreign keys down
 * around a change the database refuses under them.
 */
export function foreignKeysAround(
  ops: readonly Operation[],
  target: DatabaseSchema,
  actual: DatabaseSchema,
  holds: (table: TableSchema, fk: ForeignKeySchema) => boolean,
  dropUnmatched: boolean,
): Operation[] {
  const droppedTables = new Set(ops.flatMap((op) => (op.kind === "dropTable" ? [refKey(op.schema, op.table)] : [])));
  const droppedKeys = new Set(ops.flatMap((op) => (op.kind === "dropConstraint" && op.type === "foreignKey" ? [`${refKey(op.schema, op.table)}\u0000${op.name}`] : [])));
  const targets = new Map(target.tables.map((t) => [refKey(t.schema, t.name), t]));
  const out: Operation[] = [];
  for (const table of actual.tables) {
    const key = refKey(table.schema, table.name);
    if (droppedTables.has(key)) continue;
    for (const fk of table.foreignKeys) {
      if (!holds(table, fk) || (fk.name && droppedKeys.has(`${key}\u0000${fk.name}`))) continue;
      const again = targetForeignKey(targets.get(key), fk);
      if (!again && !dropUnmatched) continue;
      out.push(dropConstraint(table, { type: "foreignKey", constraint: fk }));
      if (again) out.push({ kind: "createForeignKey", ...onTable(table), constraint: again });
    }
  }
  return out;
}

/**
 * The dropConstraint / createForeignKey pairs for the foreign keys in `actual` that reference a key
 * `ops` drop or replace (same referenced columns, in any order: the database picks the key by
 * its set of columns) and that `ops` neither drop already nor remove with their table. A foreign
 * key the model no longer has is dropped only (compare drops it anyway).
 */
export function keyDependentForeignKeys(ops: readonly Operation[], target: DatabaseSchema, actual: DatabaseSchema): Operation[] {
  const going = keysGoing(ops);
  if (going.length === 0) return [];
  return foreignKeysAround(ops, target, actual, (table, fk) => going.some((k) => k.table === referencedKey(table, fk) && sameSet(k.columns, fk.referencedColumns)), true);
}
