/**
 * Warnings about operations that destroy data: dropping a table or a column, changing a
 * column to a type that cannot hold every existing value, or dropping a composite type's
 * attribute; and making a PostgreSQL table UNLOGGED, after which a crash destroys its rows. Render writes them as `// WARNING:`
 * comments above the operation; the CLI prints them. The dispatch table is exhaustive, so a new
 * operation kind must decide whether it destroys data.
 */
import { tableLabel } from "../catalog/types.js";
import type { AlterColumnOp, OnTable, Operation, OperationTable } from "../operations/types.js";
import { narrowingReason, typeLabel } from "./render-narrowing.js";
import { compositeAttributesOf, compositeTypeChange } from "../catalog/objects/composite-type.js";

const quoted = (op: OnTable, column?: string): string => JSON.stringify(tableLabel({ schema: op.schema, name: op.table }) + (column === undefined ? "" : `.${column}`));

function alterWarnings(op: AlterColumnOp): string[] {
  if (op.type === undefined) return [];
  const label = quoted(op, op.column);
  if (op.existingType === undefined) return [`changes the type of column ${label} to ${typeLabel(op.type)} without knowing the previous type; check that no values are lost`];
  const reason = narrowingReason(op.existingType, op.type);
  if (reason === null) return [];
  return [`changes column ${label} from ${typeLabel(op.existingType)} to ${typeLabel(op.type)} (${reason}); values that do not fit are rejected or lost`];
}

const none = (): string[] => [];

/** A composite type's DROP ATTRIBUTE takes that attribute's values out of every column typed by it (a renamed attribute is a drop and an add). */
function replaceWarnings(op: Extract<Operation, { kind: "replaceObject" }>): string[] {
  if (op.object.kind !== "compositeType") return [];
  const from = compositeAttributesOf(op.existing.definition);
  const to = compositeAttributesOf(op.object.definition);
  const dropped = from && to ? compositeTypeChange(from, to)?.drop ?? [] : [];
  if (dropped.length === 0) return [];
  const names = dropped.map((a) => JSON.stringify(a)).join(", ");
  return [`drops attribute${dropped.length === 1 ? "" : "s"} ${names} of composite type ${op.object.name} and ${dropped.length === 1 ? "its" : "their"} values in every column of that type`];
}

const warners: OperationTable<string[]> = {
  createTable: none,
  dropTable: (op) => [`drops table ${quoted(op)} and all its rows`],
  renameTable: none,
  addColumn: none,
  dropColumn: (op) => [`drops column ${quoted(op, op.column)} and all its values`],
  alterColumn: alterWarnings,
  createIndex: none,
  dropIndex: none,
  createPrimaryKey: none,
  replacePrimaryKey: none,
  // Not destroyed yet, but no longer safe: an unlogged table is emptied after a crash and is empty on replicas.
  alterTableOptions: (op) => (op.unlogged === true ? [`makes table ${quoted(op)} UNLOGGED: its rows are emptied after a crash and are not replicated to standbys`] : []),
  alterIndexOptions: none,
  createForeignKey: none,
  createUniqueConstraint: none,
  createCheckConstraint: none,
  createExclusionConstraint: none,
  validateConstraint: none,
  dropConstraint: none,
  createTableComment: none,
  dropTableComment: none,
  setComment: none,
  createEnum: none,
  dropEnum: none,
  addEnumValue: none,
  renameEnumValue: none,
  createSchema: none,
  // DROP SCHEMA without CASCADE fails on a schema that holds anything, so it destroys nothing.
  dropSchema: none,
  createObject: none,
  dropObject: (op) => (op.object.kind === "materializedView" ? [`drops materialized view ${op.object.name} and the rows it holds (they are recomputed if it is created again)`] : op.object.kind === "sequence" ? [`drops sequence ${op.object.name} and its current value`] : op.object.kind === "virtualTable" ? [`drops virtual table ${op.object.name} and all its rows`] : []),
  replaceObject: replaceWarnings,
  execute: none,
  bulkInsert: none,
  batchAlterTable: (op) => op.operations.flatMap((inner) => operationWarnings(inner)),
};

/** The destructive-change warnings of one operation (for a batch, of the operations inside it). */
export function operationWarnings(op: Operation): string[] {
  return (warners[op.kind] as (op: Operation) => string[])(op);
}

/** The destructive-change warnings of a list of operations, in order, e.g. `drops table "orders" and all its rows`. */
export function destructiveWarnings(ops: readonly Operation[]): string[] {
  return ops.flatMap((op) => operationWarnings(op));
}
