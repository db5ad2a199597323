/**
 * Foreign keys around a column whose type changes, where the database refuses to change a
 * column a foreign key uses. MySQL and MariaDB refuse `MODIFY COLUMN` of a new type or collation
 * on either end of a foreign key ("Cannot change column 'user_id': used in a foreign key
 * constraint"), so `integer` → `bigint` of a key and of the columns pointing at it cannot be
 * written as the alterColumns alone. This pass adds, for each foreign key in the database that
 * has such a column on either side, a dropConstraint (which order runs before the column
 * changes) and a createForeignKey of the model's version (run after them). The downgrade
 * reverses the list, so there too the keys go first and come back last. PostgreSQL converts
 * the columns of a foreign key in place and SQLite rebuilds the table: neither needs it.
 */
import type { DatabaseSchema, ForeignKeySchema, TableSchema } from "../catalog/types.js";
import type { AlterColumnOp, Operation } from "../operations/types.js";
import { sameValue } from "../core/same-value.js";
import { refKey } from "./compare-context.js";
import { foreignKeysAround } from "./compare-key-dependents.js";
import { referencedKey } from "./order.js";

/** True when the alterColumn gives the column another type or collation (what MySQL refuses under a foreign key). */
function changesStorage(op: AlterColumnOp): boolean {
  const typeChanges = op.type !== undefined && (op.existingType === undefined || !sameValue(op.type, op.existingType));
  const collationChanges = op.collation !== undefined && op.collation !== op.existingCollation;
  return typeChanges || collationChanges;
}

/**
 * The dropConstraint / createForeignKey pairs for the foreign keys in `actual` with a column
 * `ops` retype, on the referencing or the referenced side, that `ops` neither drop already nor
 * remove with their table. A foreign key the model no longer has is left to compare, which
 * drops it anyway.
 */
export function typeDependentForeignKeys(ops: readonly Operation[], target: DatabaseSchema, actual: DatabaseSchema): Operation[] {
  const retyped = new Set(ops.flatMap((op) => (op.kind === "alterColumn" && changesStorage(op) ? [`${refKey(op.schema, op.table)}\u0000${op.column}`] : [])));
  if (retyped.size === 0) return [];
  const uses = (table: TableSchema, fk: ForeignKeySchema): boolean => {
    const key = refKey(table.schema, table.name);
    const referenced = referencedKey(table, fk);
    return fk.columns.some((c) => retyped.has(`${key}\u0000${c}`)) || fk.referencedColumns.some((c) => retyped.has(`${referenced}\u0000${c}`));
  };
  return foreignKeysAround(ops, target, actual, uses, false);
}
