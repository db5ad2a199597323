/**
 * Changing a collation, which PostgreSQL cannot alter: it is dropped and created again
 * (`replaceObject`), so whatever uses it must let go of it first, as a careful engineer does by
 * hand. Each column that keeps it moves to its type's default collation before the drop and back
 * after the create (ordinary `alterColumn`s, which rebuild the column's indexes and reverse into
 * the swap back); an index element that names it explicitly is dropped and created again. A
 * domain (or another object the database records as using it) cannot let go of a collation, so
 * the change is not made: it is an unmanaged difference that says what to write instead.
 */
import { objectKey, objectLabel, type DatabaseObject } from "../catalog/objects/types.js";
import { type ColumnSchema, type IndexSchema, type TableSchema } from "../catalog/types.js";
import type { AlterColumnOp, Operation } from "../operations/types.js";
import { onTable, refKey } from "./compare-context.js";

type Named = { collation?: string | null; collationSchema?: string | null };

const uses = (item: Named, c: DatabaseObject): boolean => item.collation === c.name && (item.collationSchema ?? null) === (c.schema ?? null);

function columnKey(table: TableSchema, column: ColumnSchema): string {
  return `${refKey(table.schema, table.name)}\u0000${column.name}`;
}

/**
 * The operations around each `replaceObject` of a collation in `ops`, given the tables on both
 * sides (normalised, as compare reads them), and what keeps a collation from changing (its
 * replace is then left out). Columns and indexes that the other operations already change are
 * theirs to handle.
 */
export function collationSwaps(ops: readonly Operation[], target: readonly TableSchema[], actual: readonly TableSchema[], actualObjects: readonly DatabaseObject[]): { ops: Operation[]; unmanaged: string[] } {
  const replaced = ops.flatMap((op) => (op.kind === "replaceObject" && op.object.kind === "collation" ? [op] : []));
  if (replaced.length === 0) return { ops: [...ops], unmanaged: [] };
  const targetColumns = new Map(target.flatMap((t) => t.columns.map((c) => [columnKey(t, c), c] as const)));
  const targetIndexes = new Map<string, IndexSchema>(target.flatMap((t) => t.indexes.map((i) => [`${refKey(t.schema, t.name)}\u0000${i.name}`, i] as const)));
  const touchedIndexes = new Set<string>(ops.flatMap((op) => (op.kind === "dropIndex" ? [`${refKey(op.schema, op.table)}\u0000${op.name}`] : [])));
  const alteredColumns = new Set(ops.flatMap((op) => (op.kind === "alterColumn" && op.collation !== undefined ? [`${refKey(op.schema, op.table)}\u0000${op.column}`] : [])));
  const out: Operation[] = [];
  const unmanaged: string[] = [];
  const blocked = new Set<Operation>();
  for (const op of replaced) {
    const c = op.existing;
    const users = actualObjects.filter((o) => (o.dependsOn ?? []).includes(objectKey(c)));
    if (users.length > 0) {
      blocked.add(op);
      unmanaged.push(
        `${objectLabel(c)}: the model says ${op.object.definition}, the database holds ${c.definition}; PostgreSQL cannot alter a collation, and ${users.map(objectLabel).join(", ")} ${users.length === 1 ? "uses" : "use"} it and cannot let go of it: create a collation under a new name, move ${users.length === 1 ? "it" : "them"} to it (recreating a domain with its columns) in a revision, then drop the old one`,
      );
      continue;
    }
    for (const table of actual) {
      // A partition's columns are its parent's: ALTER on the parent reaches them.
      if (table.partitionOf) continue;
      for (const column of table.columns) {
        const key = columnKey(table, column);
        const kept = targetColumns.get(key);
        if (!uses(column, c) || !kept || !uses(kept, c) || alteredColumns.has(key)) continue;
        const at = { ...onTable(table), column: column.name, existingType: column.type };
        const name = c.schema ? { existingCollationSchema: c.schema } : {};
        // Off the collation (to the type's default) before the drop, back onto it after the create.
        out.push({ kind: "alterColumn", ...at, collation: null, existingCollation: c.name, ...name } satisfies AlterColumnOp);
        out.push({ kind: "alterColumn", ...at, collation: c.name, existingCollation: null, ...(c.schema ? { collationSchema: c.schema } : {}) } satisfies AlterColumnOp);
      }
      for (const index of table.indexes) {
        const key = `${refKey(table.schema, table.name)}\u0000${index.name}`;
        if (!index.elements.some((e) => uses(e, c)) || touchedIndexes.has(key)) continue;
        const next: IndexSchema | undefined = targetIndexes.get(key);
        touchedIndexes.add(key);
        out.push({ kind: "dropIndex", ...onTable(table), name: index.name, existing: index });
        if (next) out.push({ kind: "createIndex", ...onTable(table), index: next });
      }
    }
  }
  return { ops: [...ops.filter((op) => !blocked.has(op)), ...out], unmanaged };
}
