/**
 * Builders for the operations that are not about one existing table's parts: whole tables,
 * enums, raw SQL and data. Together with build-table-operations.ts they turn façade arguments
 * into Operation values; nothing here runs anything.
 */
import { commentOf } from "../model/comment-option.js";
import { assignNames } from "../model/assign-names.js";
import { buildColumn } from "../model/build-column.js";
import { buildTable } from "../model/build-table.js";
import { isColumnBuilder, type ColumnBuilder } from "../model/column-builder.js";
import type { NamingConvention } from "../model/naming.js";
import { isTableDefinition, type AnyTable, type ColumnMap, type TableExtras } from "../model/table.js";
import { validateEnum, validateTable } from "../catalog/validate-schema.js";
import type { ColumnType } from "../catalog/types.js";
import { argumentError, compact, requireName, tableTarget, typeArgument } from "./arguments.js";
import type { AddEnumValueOptions, BulkInsertOptions, CreateEnumOptions, DropEnumOptions, DropTableOptions, ExecuteOptions, SchemaOption, SetCommentSpec } from "./operations-api.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";
import type {
  AddEnumValueOp,
  BulkInsertOp,
  CommentedKind,
  CreateEnumOp,
  CreateSchemaOp,
  CreateTableOp,
  DropEnumOp,
  DropSchemaOp,
  DropTableOp,
  ExecuteOp,
  RenameEnumValueOp,
  RenameTableOp,
  SetCommentOp,
} from "./types.js";

/** createTable: the full table, checked and with every constraint and index named. */
export function createTableOp(name: string, columns: ColumnMap, extras: TableExtras | undefined, naming: NamingConvention): CreateTableOp {
  requireName(name, "op.createTable: the table name");
  // A table that inherits may have no columns of its own (they are all its parents').
  const inherits = Array.isArray(extras?.inherits) && extras.inherits.length > 0;
  if (typeof columns !== "object" || columns === null || (Object.keys(columns).length === 0 && !inherits)) {
    throw argumentError(`op.createTable ${name} has no columns.`, "Pass the columns as an object, e.g. { id: serial().primaryKey() }.");
  }
  const table = buildTable({ name, columns, extras });
  validateTable(table);
  assignNames([table], naming);
  return { kind: "createTable", table };
}

/** dropTable. */
export function dropTableOp(name: string, options: DropTableOptions = {}): DropTableOp {
  return compact({ kind: "dropTable", ...tableTarget(name, options.schema, "op.dropTable"), existing: options.existing ? structuredClone(options.existing) : undefined });
}

/** renameTable. */
export function renameTableOp(from: string, to: string, options: SchemaOption = {}): RenameTableOp {
  return compact({
    kind: "renameTable",
    schema: options.schema ?? undefined,
    from: requireName(from, "op.renameTable: the current name"),
    to: requireName(to, "op.renameTable: the new name"),
  });
}

function enumValues(values: unknown, what: string): string[] {
  if (!Array.isArray(values)) throw argumentError(`${what} is not an array of strings.`, 'Pass the values, e.g. ["new", "paid"].');
  return values.map((v, i) => {
    if (typeof v !== "string") throw argumentError(`${what}: value ${i + 1} is not a string.`, "Enum values are strings.");
    return v;
  });
}

/** createEnum. */
export function createEnumOp(name: string, values: readonly string[], options: CreateEnumOptions = {}): CreateEnumOp {
  const enumSchema = { schema: options.schema ?? null, name: requireName(name, "op.createEnum: the enum name"), values: enumValues(values, `op.createEnum ${name}: values`), ...commentOf(options.comment, `op.createEnum ${name}`) };
  validateEnum(enumSchema);
  return { kind: "createEnum", enum: enumSchema };
}

/** dropEnum; `existingValues` makes it reversible. */
export function dropEnumOp(name: string, options: DropEnumOptions = {}): DropEnumOp {
  const enumName = requireName(name, "op.dropEnum: the enum name");
  const schema = options.schema ?? null;
  const existing = options.existingValues === undefined ? undefined : { schema, name: enumName, values: enumValues(options.existingValues, `op.dropEnum ${enumName}: existingValues`) };
  return compact({ kind: "dropEnum", schema: schema ?? undefined, name: enumName, existing });
}

/** addEnumValue. */
export function addEnumValueOp(name: string, value: string, options: AddEnumValueOptions = {}): AddEnumValueOp {
  const enumName = requireName(name, "op.addEnumValue: the enum name");
  if (typeof value !== "string") throw argumentError(`op.addEnumValue ${enumName}: the value is not a string.`, "Enum values are strings.");
  if (options.before !== undefined && options.after !== undefined) throw argumentError(`op.addEnumValue ${enumName}: both before and after were given.`, "Pass at most one of before and after.");
  const existingValues = options.existingValues === undefined ? undefined : enumValues(options.existingValues, `op.addEnumValue ${enumName}: existingValues`);
  if (existingValues?.includes(value)) throw argumentError(`op.addEnumValue ${enumName}: ${JSON.stringify(value)} is already one of existingValues.`, "Add a value the enum does not have yet.");
  return compact({ kind: "addEnumValue", schema: options.schema ?? undefined, name: enumName, value, before: options.before, after: options.after, existingValues });
}

/** createSchema (PostgreSQL). */
export function createSchemaOp(name: string): CreateSchemaOp {
  return { kind: "createSchema", name: requireName(name, "op.createSchema: the schema name") };
}

/** dropSchema (PostgreSQL); always reversible, since a schema is only its name. */
export function dropSchemaOp(name: string): DropSchemaOp {
  return { kind: "dropSchema", name: requireName(name, "op.dropSchema: the schema name") };
}

/** renameEnumValue. */
export function renameEnumValueOp(name: string, from: string, to: string, options: SchemaOption = {}): RenameEnumValueOp {
  const enumName = requireName(name, "op.renameEnumValue: the enum name");
  if (typeof from !== "string" || typeof to !== "string") throw argumentError(`op.renameEnumValue ${enumName}: from and to must be strings.`, "Pass the old and the new value.");
  return compact({ kind: "renameEnumValue", schema: options.schema ?? undefined, name: enumName, from, to });
}

function statementArgument(statement: unknown, what: string): string | SqlFragment {
  if (isSqlFragment(statement)) {
    if (statement.strings.join("").trim() === "") throw argumentError(`${what} is empty.`, "Write the SQL to run.");
    return { strings: [...statement.strings], values: [...statement.values] };
  }
  if (typeof statement !== "string" || statement.trim() === "") throw argumentError(`${what} is empty.`, "Pass SQL text or an sql`…` fragment.");
  return statement;
}

/** execute. */
export function executeOp(statement: string | SqlFragment, options: ExecuteOptions = {}): ExecuteOp {
  return compact({
    kind: "execute",
    sql: statementArgument(statement, "op.execute: the SQL"),
    reverse: options.reverse === undefined ? undefined : statementArgument(options.reverse, "op.execute: the reverse SQL"),
  });
}

/** The SQL of a query, checked like execute's. */
export function queryStatement(statement: string | SqlFragment): string | SqlFragment {
  return statementArgument(statement, "op.query: the SQL");
}

function columnTypes(columns: Record<string, ColumnBuilder | ColumnType>, table: string): { name: string; type: ColumnType }[] {
  return Object.entries(columns).map(([name, spec]) => ({
    name,
    type: isColumnBuilder(spec) ? buildColumn(name, spec, table).type : typeArgument(spec, `op.bulkInsert ${table}: the type of ${name}`),
  }));
}

/** bulkInsert; a table object supplies the table name, schema and column types. */
export function bulkInsertOp(table: string | AnyTable, rows: readonly Record<string, unknown>[], options: BulkInsertOptions = {}): BulkInsertOp {
  const definition = isTableDefinition(table) ? table : undefined;
  const name = definition ? definition.name : table;
  const target = tableTarget(name, options.schema !== undefined ? options.schema : definition?.schema, "op.bulkInsert");
  if (!Array.isArray(rows) || rows.some((row) => typeof row !== "object" || row === null || Array.isArray(row))) {
    throw argumentError(`op.bulkInsert ${target.table}: rows must be an array of objects.`, "Pass rows such as [{ id: 1, name: \"a\" }].");
  }
  const columns = options.columns ? columnTypes(options.columns, target.table) : definition ? columnTypes(definition.columns, target.table) : undefined;
  return compact({ kind: "bulkInsert", ...target, rows: rows.map((row) => ({ ...row })), columns });
}

const COMMENTED_KINDS: readonly CommentedKind[] = ["index", "constraint", "enum"];

/** setComment: `on` and `name` say what is commented, `table` its table (an index's or constraint's); `existingComment` makes it reversible. */
export function setCommentOp(spec: SetCommentSpec): SetCommentOp {
  const what = "op.setComment";
  if (!spec || typeof spec !== "object" || !COMMENTED_KINDS.includes(spec.on)) {
    throw argumentError(`${what}: on must be one of ${COMMENTED_KINDS.map((k) => `"${k}"`).join(", ")}.`, 'Pass { on: "index", table, name, comment } (or "constraint" with its table, or "enum").');
  }
  const name = requireName(spec.name, `${what}: the ${spec.on} name`);
  const label = `${what} ${name}`;
  if (spec.on === "enum" && spec.table !== undefined) throw argumentError(`${label}: an enum type has no table.`, "Leave table out for an enum type; give its schema instead if it has one.");
  if (spec.on !== "enum" && spec.table === undefined) throw argumentError(`${label}: the ${spec.on}'s table is missing.`, `Pass table: the table the ${spec.on} is on.`);
  const comment = (value: unknown, field: string): string | null => {
    if (value !== null && typeof value !== "string") throw argumentError(`${label}: ${field} is not a string.`, `Pass the text, or null for no comment.`);
    return value === "" ? null : value;
  };
  return compact({
    kind: "setComment",
    on: spec.on,
    schema: spec.schema ?? undefined,
    table: spec.table === undefined ? undefined : requireName(spec.table, `${label}: table`),
    name,
    comment: comment(spec.comment, "comment"),
    existingComment: spec.existingComment === undefined ? undefined : comment(spec.existingComment, "existingComment"),
  } as SetCommentOp);
}
