/**
 * The `batch` object passed to `op.batchAlterTable`'s callback: it collects table-level
 * operations for one table instead of running them, so they can be applied as one unit.
 */
import type { ColumnBuilder } from "../model/column-builder.js";
import type { IndexElementInput } from "../model/constraints.js";
import type { SqlText } from "../model/sql-text.js";
import { argumentError } from "./arguments.js";
import {
  addColumnOp,
  alterColumnOp,
  alterTableOptionsOp,
  alterIndexOptionsOp,
  replacePrimaryKeyOp,
  createCheckOp,
  createForeignKeyOp,
  createIndexOp,
  createPrimaryKeyOp,
  createTableCommentOp,
  createUniqueOp,
  dropColumnOp,
  dropConstraintOp,
  createExclusionOp,
  validateConstraintOp,
  dropIndexOp,
  dropTableCommentOp,
} from "./build-table-operations.js";
import type { BatchAlterTableOptions, BatchOperations } from "./operations-api.js";
import type { BatchAlterTableOp, OnTable, TableLevelOperation } from "./types.js";

/**
 * Runs `build` with a collecting batch object and returns the batchAlterTable operation. The
 * callback must be synchronous: an async one could await `op` calls that are queued behind this
 * very batch, which would never finish.
 */
export function batchAlterTableOp(target: OnTable, build: (batch: BatchOperations) => void, options: Omit<BatchAlterTableOptions, "schema"> = {}): BatchAlterTableOp {
  const what = `op.batchAlterTable ${target.table}`;
  if (typeof build !== "function") throw argumentError(`${what}: the second argument is not a function.`, "Pass (batch) => { batch.addColumn(...); … }.");
  const operations: TableLevelOperation[] = [];
  let open = true;
  const push = (op: TableLevelOperation): void => {
    if (!open) throw argumentError(`${what}: the batch was used after its callback returned.`, "Call batch methods only inside the callback.");
    operations.push(op);
  };
  const batch: BatchOperations = {
    addColumn: (name: string, column: ColumnBuilder, opts) => push(addColumnOp(target, name, column, opts)),
    dropColumn: (name, opts) => push(dropColumnOp(target, name, opts)),
    alterColumn: (column, opts) => push(alterColumnOp(target, column, opts)),
    createIndex: (name: string, elements: readonly IndexElementInput[], opts) => push(createIndexOp(target, name, elements, opts)),
    dropIndex: (name, opts) => push(dropIndexOp(target, name, opts)),
    createPrimaryKey: (name, columns, opts) => push(createPrimaryKeyOp(target, name, columns, opts)),
    replacePrimaryKey: (columns, opts) => push(replacePrimaryKeyOp(target, columns, opts)),
    alterTableOptions: (opts) => push(alterTableOptionsOp(target, opts)),
    alterIndexOptions: (name, opts) => push(alterIndexOptionsOp(target, name, opts)),
    createForeignKey: (name, referencedTable, local, remote, opts) => push(createForeignKeyOp(target, name, referencedTable, local, remote, opts)),
    createUniqueConstraint: (name, columns, opts) => push(createUniqueOp(target, name, columns, opts)),
    createCheckConstraint: (name: string | null, condition: SqlText, opts) => push(createCheckOp(target, name, condition, opts)),
    createExclusionConstraint: (name, elements, opts) => push(createExclusionOp(target, name, elements, opts)),
    validateConstraint: (name, spec) => push(validateConstraintOp(target, name, spec)),
    dropConstraint: (name, spec) => push(dropConstraintOp(target, name, spec)),
    createTableComment: (comment, opts) => push(createTableCommentOp(target, comment, opts)),
    dropTableComment: (opts) => push(dropTableCommentOp(target, opts)),
  };
  let returned: unknown;
  try {
    returned = build(batch);
  } finally {
    open = false;
  }
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then === "function") {
    // The promise may still reject (e.g. batch use after return); that is reported here instead.
    Promise.resolve(returned).catch(() => undefined);
    throw argumentError(`${what}: the callback returned a promise.`, "Make the callback synchronous: batch methods only record operations, so there is nothing to await.");
  }
  const recreate = options.recreate ?? "auto";
  if (!["auto", "always", "never"].includes(recreate)) throw argumentError(`${what}: recreate must be "auto", "always" or "never".`, 'Leave it out for "auto".');
  if (operations.length === 0 && recreate !== "always") {
    throw argumentError(`${what}: the batch contains no operations.`, 'Call batch methods in the callback, or pass { recreate: "always" } to rebuild the table on purpose.');
  }
  return { kind: "batchAlterTable", ...target, operations, recreate };
}
