/**
 * One-line human descriptions of operations ("add column users.email", "drop table orders"),
 * used in warnings, `check` output and error messages. The dispatch table is exhaustive, so a new
 * operation kind cannot be left without a description.
 */
import { tableLabel } from "../catalog/types.js";
import { objectLabel } from "../catalog/objects/types.js";
import { isSqlFragment } from "../core/sql.js";
import type { ColumnPosition, OnTable, Operation, OperationTable } from "./types.js";

const on = (op: OnTable): string => tableLabel({ schema: op.schema, name: op.table });

/** "first" or "after <column>" for messages; `name` spells the column (quoted, in an error). */
export function describePosition(position: ColumnPosition, name: (column: string) => string = (column) => column): string {
  return "first" in position ? "first" : `after ${name(position.after)}`;
}
const enumLabel = (op: { schema?: string | null; name: string }): string => tableLabel(op);

/** The first line of some SQL, shortened for a one-line description. */
function sqlPreview(statement: string | { strings: readonly string[] }): string {
  const text = (isSqlFragment(statement) ? statement.strings.join("?") : String(statement)).replace(/\s+/g, " ").trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "create foreign key fk_name", or without the name when there is none. */
const named = (words: string, name: string | null | undefined): string => (name ? `${words} ${name}` : words);

const CONSTRAINT_WORDS = { primaryKey: "primary key", foreignKey: "foreign key", unique: "unique constraint", check: "check constraint", exclusion: "exclusion constraint" } as const;

/** "fillfactor=70, reset autovacuum_enabled": a storage-parameter change in a few words. */
function storageWords(changes: Record<string, string | null>): string {
  return Object.entries(changes).map(([name, value]) => (value === null ? `reset ${name}` : `${name}=${value}`)).join(", ");
}

const describers: OperationTable<string> = {
  createTable: (op) => `create table ${tableLabel(op.table)}`,
  dropTable: (op) => `drop table ${on(op)}`,
  renameTable: (op) => `rename table ${tableLabel({ schema: op.schema, name: op.from })} to ${op.to}`,
  addColumn: (op) => `add column ${on(op)}.${op.column.name}${op.position ? ` (${describePosition(op.position)})` : ""}`,
  dropColumn: (op) => `drop column ${on(op)}.${op.column}`,
  alterColumn: (op) => {
    const changes = [
      op.type !== undefined ? "type" : "",
      op.nullable === true ? "nullable" : op.nullable === false ? "not null" : "",
      op.default !== undefined ? (op.default === null ? "drop default" : "default") : "",
      op.comment !== undefined ? "comment" : "",
      op.generated !== undefined ? "generated" : "",
      op.collation !== undefined ? `collation ${op.collation ?? "default"}` : "",
      op.onUpdate !== undefined ? (op.onUpdate === null ? "drop on update" : "on update") : "",
      op.newName !== undefined ? `rename to ${op.newName}` : "",
    ].filter(Boolean);
    return `alter column ${on(op)}.${op.column}${changes.length ? ` (${changes.join(", ")})` : ""}`;
  },
  createIndex: (op) => `create ${op.index.unique ? "unique " : ""}index ${op.index.name} on ${on(op)}`,
  dropIndex: (op) => `drop index ${op.name} on ${on(op)}`,
  alterIndexOptions: (op) => `alter index ${op.name} on ${on(op)} (${storageWords(op.storageParameters)})`,
  createPrimaryKey: (op) => `${named("create primary key", op.constraint.name)} on ${on(op)}`,
  replacePrimaryKey: (op) => `replace primary key on ${on(op)} (${op.existing.columns.join(", ")}) with (${op.constraint.columns.join(", ")})`,
  alterTableOptions: (op) =>
    `alter table ${on(op)} (${[
      op.collation !== undefined ? `collation ${op.collation}` : "",
      op.engine !== undefined ? `engine ${op.engine}` : "",
      op.rowLevelSecurity !== undefined ? `row-level security ${op.rowLevelSecurity}` : "",
      op.unlogged !== undefined ? (op.unlogged ? "unlogged" : "logged") : "",
      op.storageParameters !== undefined ? storageWords(op.storageParameters) : "",
    ].filter(Boolean).join(", ")})`,
  createForeignKey: (op) =>
    `${named("create foreign key", op.constraint.name)} on ${on(op)}(${op.constraint.columns.join(", ")}) to ${tableLabel({ schema: op.constraint.referencedSchema, name: op.constraint.referencedTable })}`,
  createUniqueConstraint: (op) => `${named("create unique constraint", op.constraint.name)} on ${on(op)}`,
  createCheckConstraint: (op) => `${named("create check constraint", op.constraint.name)} on ${on(op)}`,
  createExclusionConstraint: (op) => `${named("create exclusion constraint", op.constraint.name)} on ${on(op)}`,
  validateConstraint: (op) => `validate ${CONSTRAINT_WORDS[op.type]} ${op.name} on ${on(op)}`,
  dropConstraint: (op) => `drop ${CONSTRAINT_WORDS[op.type]} ${op.name} on ${on(op)}`,
  createTableComment: (op) => `set comment on table ${on(op)}`,
  dropTableComment: (op) => `drop comment on table ${on(op)}`,
  setComment: (op) => `${op.comment === null ? "drop" : "set"} comment on ${op.on} ${op.table === undefined ? enumLabel(op) : `${op.name} on ${tableLabel({ schema: op.schema, name: op.table })}`}`,
  createEnum: (op) => `create enum ${enumLabel(op.enum)}`,
  dropEnum: (op) => `drop enum ${enumLabel(op)}`,
  addEnumValue: (op) => `add value ${JSON.stringify(op.value)} to enum ${enumLabel(op)}`,
  createSchema: (op) => `create schema ${op.name}`,
  dropSchema: (op) => `drop schema ${op.name}`,
  createObject: (op) => `create ${objectLabel(op.object)}`,
  dropObject: (op) => `drop ${objectLabel(op.object)}`,
  replaceObject: (op) => `replace ${objectLabel(op.object)}`,
  renameEnumValue: (op) => `rename value ${JSON.stringify(op.from)} of enum ${enumLabel(op)} to ${JSON.stringify(op.to)}`,
  execute: (op) => `execute SQL: ${sqlPreview(op.sql)}`,
  bulkInsert: (op) => `insert ${op.rows.length} row${op.rows.length === 1 ? "" : "s"} into ${on(op)}`,
  batchAlterTable: (op) => `batch alter table ${on(op)} (${op.operations.length} operation${op.operations.length === 1 ? "" : "s"})`,
};

/** A one-line description of an operation. */
export function describeOperation(op: Operation): string {
  return (describers[op.kind] as (op: Operation) => string)(op);
}
