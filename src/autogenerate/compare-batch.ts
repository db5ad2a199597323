/**
 * Grouping for databases that cannot alter a table in place (capabilities.alterColumn false,
 * i.e. SQLite): changing a column or a constraint means rebuilding the whole table, so all the
 * changes of one table go into one batchAlterTable and the table is rebuilt once, not once per
 * change. Tables whose changes need no rebuild (adding a column, an index) keep plain operations.
 */
import { isTableLevel, type BatchAlterTableOp, type Operation, type TableLevelOperation } from "../operations/types.js";
import { referencedKey } from "./order.js";
import { refKey } from "./compare-context.js";

const REBUILD_KINDS = new Set<Operation["kind"]>(["alterColumn", "createPrimaryKey", "createForeignKey", "createUniqueConstraint", "createCheckConstraint", "dropConstraint"]);
const DROP_KINDS = new Set<Operation["kind"]>(["dropConstraint", "dropIndex", "dropColumn"]);

function keyOf(op: TableLevelOperation): string {
  return refKey(op.schema, op.table);
}

function referenced(op: TableLevelOperation, kind: "createForeignKey" | "dropConstraint"): string | undefined {
  if (op.kind === "createForeignKey" && kind === "createForeignKey") return referencedKey(op, op.constraint);
  if (op.kind === "dropConstraint" && kind === "dropConstraint" && op.existing?.type === "foreignKey") return referencedKey(op, op.existing.constraint);
  return undefined;
}

function batch(ops: TableLevelOperation[]): BatchAlterTableOp {
  const first = ops[0]!;
  return { kind: "batchAlterTable", ...(first.schema ? { schema: first.schema } : {}), table: first.table, operations: ops, recreate: "auto" };
}

/**
 * Replaces the table-level operations of every table that needs a rebuild with one
 * batchAlterTable. It is split in two only when the rebuild must both drop a key to a table this
 * run drops (before that table goes) and add a key to a table this run creates (after it exists).
 * The result still has to go through orderOperations, which places each batch.
 */
export function batchForRebuild(ops: readonly Operation[]): Operation[] {
  const created = new Set(ops.flatMap((op) => (op.kind === "createTable" ? [refKey(op.table.schema, op.table.name)] : [])));
  const dropped = new Set(ops.flatMap((op) => (op.kind === "dropTable" ? [refKey(op.schema, op.table)] : [])));
  const rebuilt = new Set(ops.filter((op) => isTableLevel(op) && REBUILD_KINDS.has(op.kind)).map((op) => keyOf(op as TableLevelOperation)));
  const groups = new Map<string, TableLevelOperation[]>();
  const out: Operation[] = [];
  for (const op of ops) {
    if (!isTableLevel(op) || !rebuilt.has(keyOf(op))) {
      out.push(op);
      continue;
    }
    const group = groups.get(keyOf(op)) ?? [];
    group.push(op);
    groups.set(keyOf(op), group);
  }
  for (const group of groups.values()) {
    const dropsToDropped = group.some((op) => dropped.has(referenced(op, "dropConstraint") ?? "\u0001"));
    const addsToCreated = group.some((op) => created.has(referenced(op, "createForeignKey") ?? "\u0001"));
    if (dropsToDropped && addsToCreated) {
      out.push(batch(group.filter((op) => DROP_KINDS.has(op.kind))), batch(group.filter((op) => !DROP_KINDS.has(op.kind))));
    } else {
      out.push(batch(group));
    }
  }
  return out;
}
