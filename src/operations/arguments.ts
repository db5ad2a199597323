/**
 * Argument checks and conversions shared by the `op` façade and its batch form. A bad argument
 * in a revision file fails with MigrateError("script") naming the operation and the argument.
 */
import { MigrateError } from "../errors.js";
import { isColumnBuilder, toDefaultValue, type ColumnBuilder } from "../model/column-builder.js";
import { sqlTextOf, type SqlText } from "../model/sql-text.js";
import type { ColumnGeneration, ColumnSequenceOptions, ColumnType, DefaultValue } from "../catalog/types.js";
import type { DefaultSpec, GenerationSpec } from "./operations-api.js";
import { sequenceOptionsFromInput, type SequenceOptionsInput } from "../catalog/sequence-options.js";
import type { OnTable } from "./types.js";

/** A MigrateError for a bad argument in a revision file. */
export function argumentError(message: string, hint: string): MigrateError {
  return new MigrateError("script", message, { hint });
}

/** A non-empty string, or an error naming `what` (e.g. "op.addColumn: the column name"). */
export function requireName(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw argumentError(`${what} is ${typeof value === "string" ? "empty" : "missing"}.`, "Pass a non-empty name.");
  }
  return value;
}

/**
 * A constraint's name: a non-empty string, or null for a constraint declared without a name
 * (the database names it, or, on SQLite, keeps it unnamed), which a rebuild never needs.
 */
export function constraintName(value: unknown, what: string): string | null {
  return value === null ? null : requireName(value, what);
}

/** A non-empty list of non-empty column names. */
export function requireColumns(columns: unknown, what: string): string[] {
  if (!Array.isArray(columns) || columns.length === 0) throw argumentError(`${what} lists no columns.`, "Pass an array with at least one column name.");
  return columns.map((c, i) => requireName(c, `${what}: column ${i + 1}`));
}

/** The table an operation targets; `schema` is left out when it is the default. */
export function tableTarget(table: unknown, schema: string | null | undefined, operation: string): OnTable {
  const name = requireName(table, `${operation}: the table name`);
  return schema ? { schema, table: name } : { table: name };
}

/** The object without its undefined fields, so built operations hold only what was given. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A ColumnType from a type factory result or a ColumnType. A builder that carries more than a
 * type (notNull, default, …) is refused: alterColumn takes those as separate options, and
 * silently ignoring them would lose part of what the author wrote.
 */
export function typeArgument(value: ColumnBuilder | ColumnType, what: string): ColumnType {
  if (!isColumnBuilder(value)) {
    if (typeof value !== "object" || value === null || typeof (value as ColumnType).kind !== "string") throw argumentError(`${what} is not a column type.`, "Pass a type such as varchar(100) or { kind: \"varchar\", length: 100 }.");
    return value;
  }
  const d = value.definition;
  const extra =
    d.nullable !== undefined || d.primaryKey || d.unique || d.default !== undefined || d.generated || d.comment !== null || d.onUpdate !== null || d.collation !== null || d.references;
  if (extra) {
    throw argumentError(`${what} carries more than a type (nullability, default, keys or other settings).`, "Pass only the type, e.g. type: varchar(100), and give nullable/default/comment as their own options.");
  }
  return d.type;
}

function isDefaultValue(value: unknown): value is DefaultValue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { kind?: unknown };
  return (v.kind === "literal" && "value" in v) || (v.kind === "sql" && typeof (v as { sql?: unknown }).sql === "string");
}

/** A default option: undefined (unchanged), null (none) or a DefaultValue. */
export function defaultArgument(value: DefaultSpec | null | undefined, what: string): DefaultValue | null | undefined {
  if (value === undefined || value === null) return value;
  if (isDefaultValue(value)) return { ...value };
  const converted = toDefaultValue(value, what);
  // sql`NULL` is how a revision says "DEFAULT NULL" where a bare null means "no default".
  return converted.kind === "sql" && converted.sql.trim().toUpperCase() === "NULL" ? { kind: "literal", value: null } : converted;
}

/** `{ sequence }` for a generation's sequence options, `{}` for none; refuses options that are no whole numbers. */
function sequenceArgument(value: SequenceOptionsInput | undefined, what: string): { sequence?: ColumnSequenceOptions } {
  const parsed = sequenceOptionsFromInput(value);
  if (typeof parsed === "string") throw argumentError(`${what}: sequence ${parsed}.`, "Write sequence options as whole numbers, e.g. sequence: { start: 1000, increment: 5 }.");
  return parsed ? { sequence: parsed } : {};
}

/** A GenerationSpec as the catalog's ColumnGeneration; refuses anything else with the forms it takes. */
export function generationArgument(value: GenerationSpec | null | undefined, what: string): ColumnGeneration | null | undefined {
  if (value === undefined || value === null) return value;
  if (value === "autoincrement") return { kind: "autoincrement" };
  if (typeof value === "object" && "kind" in value) return { ...value };
  if (typeof value === "object" && "autoincrement" in value && value.autoincrement === true) return { kind: "autoincrement", ...sequenceArgument(value.sequence, what) };
  if (typeof value === "object" && "identity" in value && (value.identity === "always" || value.identity === "by default")) {
    return { kind: "identity", always: value.identity === "always", ...sequenceArgument(value.sequence, what) };
  }
  if (typeof value === "object" && "computed" in value) return { kind: "computed", sql: sqlArgument(value.computed, `${what}: computed`), stored: value.stored !== false };
  throw argumentError(`${what} is not a generation.`, 'Write "autoincrement" ({ autoincrement: true, sequence: { … } } with sequence options), { identity: "always" } or { identity: "by default" } (with sequence: { … }), or { computed: sql`…`, stored: true }.');
}

/** The text of an SQL condition or expression option, refusing empty text. */
export function sqlArgument(value: SqlText, what: string): string {
  const text = sqlTextOf(value, what);
  if (text.trim() === "") throw argumentError(`${what} is empty.`, "Write the SQL text.");
  return text;
}
