/**
 * Reflection: the live PostgreSQL schema as a neutral DatabaseSchema, in six catalog queries
 * whatever the number of tables (the schemas there are, which decides the ones to read, then five). The result is normalised so that a table compiled from a
 * TableSchema reflects back equal to it: serial columns (a nextval default of a sequence OWNED BY
 * the column) come back as autoincrement without a default; a nextval default of a sequence the
 * column does not own stays the default it is, beside that sequence as a free sequence object (a
 * serial would not reproduce it: it would own a new one), domain-typed columns as the domain
 * (a raw type naming it; the domain is an object), identity columns as identity, literal defaults without PostgreSQL's casts (see
 * defaults.ts), a serial's or identity's sequence options where they are not the defaults, NO ACTION foreign key actions as null, btree (the default method) as null, and
 * every optional field present (null when unset). Lists are sorted by name.
 */
import { reflectObjects } from "./reflect-objects.js";
import { reflectUnmanaged } from "./reflect-unmanaged.js";
import { essentialSequenceOptions } from "../../catalog/sequence-options.js";
import type { StorageParameters } from "../../catalog/storage-parameters.js";
import { commentField, type ColumnSchema, type ColumnSequenceOptions, type ColumnType, type ConstraintTiming, type DatabaseSchema, type EnumSchema, type ExclusionSchema, type ExistingSchema, type IndexElement, type IndexElementOptions, type ParentTable, type ReferentialAction, type TableRowLevelSecurity, type TableRef, type TableSchema } from "../../catalog/types.js";
import type { Connection, ReflectOptions } from "../dialect.js";
import { isNextvalDefault, reflectedDefault } from "./defaults.js";
import { COLUMNS_SQL, CONSTRAINTS_SQL, ENUMS_SQL, INDEXES_SQL, SCHEMAS_SQL, TABLES_SQL } from "./reflect-queries.js";
import { reflectColumnType } from "./types.js";

interface TableKeyRow {
  schema: string | null;
  table_name: string;
}

interface TableRow extends TableKeyRow {
  comment: string | null;
  partition_by: string | null;
  parent_schema: string | null;
  parent_table: string | null;
  partition_bound: string | null;
  inherits: ParentTable[] | null;
  row_security: TableRowLevelSecurity | null;
  unlogged: boolean;
  /** reloptions of the table and of its TOAST table: `name=value` each. */
  options: string[] | null;
  toast_options: string[] | null;
}

interface ColumnRow extends TableKeyRow {
  schema_name: string;
  name: string;
  not_null: boolean;
  typmod: number;
  identity: string;
  generated: string;
  dimensions: number;
  typname: string;
  typtype: string;
  builtin: boolean;
  formatted: string;
  enum_schema: string | null;
  enum_values: string[] | null;
  default_expr: string | null;
  owns_sequence: boolean;
  /** The owned sequence (a serial's or an identity's): its type and options as pg_sequence holds them. */
  seq_type: string | null;
  seq_start: string | null;
  seq_increment: string | null;
  seq_min: string | null;
  seq_max: string | null;
  seq_cache: string | null;
  seq_cycle: boolean | null;
  comment: string | null;
  collation: string | null;
  collation_schema: string | null;
}

interface ConstraintRow extends TableKeyRow {
  name: string;
  type: "p" | "u" | "f" | "c";
  columns: string[];
  expression: string | null;
  ref_table: string | null;
  ref_schema: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
  match_type: string;
  on_delete_columns: string[];
  deferrable: boolean;
  deferred: boolean;
  /** pg_constraint.convalidated is false: added NOT VALID. */
  not_valid: boolean;
  nulls_not_distinct: boolean;
  /** A key's INCLUDE columns (empty for other constraints). */
  include: string[];
  /** COMMENT ON CONSTRAINT (obj_description). */
  comment: string | null;
}

interface IndexRow extends TableKeyRow {
  name: string;
  /** The exclusion constraint this index backs, by name; null for a plain index. */
  exclusion: string | null;
  /** An exclusion constraint's operators (pg_operator.oprname), one per element; null for a plain index. */
  operators: string[] | null;
  /** An exclusion constraint's DEFERRABLE / INITIALLY DEFERRED (false for a plain index). */
  deferrable: boolean;
  deferred: boolean;
  is_unique: boolean;
  method: string;
  predicate: string | null;
  nulls_not_distinct: boolean;
  include: string[];
  /** COMMENT ON INDEX, or for an exclusion constraint's index COMMENT ON CONSTRAINT. */
  comment: string | null;
  /** reloptions: `name=value` each. */
  options: string[] | null;
  elements: {
    column: string | null;
    expression: string | null;
    descending: boolean;
    nulls_first: boolean;
    collation: string | null;
    collation_schema: string | null;
    opclass: string | null;
    opclass_schema: string | null;
  }[];
}

interface EnumRow {
  schema: string | null;
  name: string;
  values: string[];
  comment: string | null;
}

/** pg_constraint action codes; `a` (NO ACTION, the default) is reported as null. */
const ACTIONS: Record<string, ReferentialAction | null> = { a: null, r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function key(row: { schema?: string | null; table_name?: string; name?: string }): string {
  return `${row.schema ?? ""}\u0000${row.table_name ?? row.name}`;
}

function byName<T extends { name?: string | null }>(a: T, b: T): number {
  const x = a.name ?? "";
  const y = b.name ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

function bySchemaAndName(a: { schema?: string | null; name: string }, b: { schema?: string | null; name: string }): number {
  const x = `${a.schema ?? ""}\u0000${a.name}`;
  const y = `${b.schema ?? ""}\u0000${b.name}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The options of the sequence a serial or identity column owns that differ from the defaults of
 * the sequence's own type (a sequence whose type is not the column's is listed as unmanaged by
 * reflect-unmanaged.ts).
 */
function ownedSequenceOptions(row: ColumnRow): ColumnSequenceOptions | undefined {
  if (row.seq_type === null || row.seq_increment === null) return undefined;
  const type: ColumnType = { kind: row.seq_type === "smallint" ? "smallint" : row.seq_type === "integer" ? "integer" : "bigint" };
  const held: ColumnSequenceOptions = { start: row.seq_start ?? undefined, increment: row.seq_increment, minValue: row.seq_min ?? undefined, maxValue: row.seq_max ?? undefined, cache: row.seq_cache ?? undefined, cycle: row.seq_cycle ?? false };
  return essentialSequenceOptions(held, type);
}

function toColumn(row: ColumnRow): ColumnSchema {
  const type = reflectColumnType({
    typname: row.typname,
    typtype: row.typtype,
    builtin: row.builtin,
    typmod: row.typmod,
    formatted: row.formatted,
    enumSchema: row.enum_schema,
    enumValues: row.enum_values,
    dimensions: row.dimensions,
  });
  let generated: ColumnSchema["generated"] = null;
  const defaultExpr = row.default_expr;
  let defaultValue: ColumnSchema["default"] = defaultExpr === null ? null : reflectedDefault(defaultExpr, type);
  if (row.identity === "a" || row.identity === "d") {
    generated = { kind: "identity", always: row.identity === "a" };
  } else if (row.generated === "s" || row.generated === "v") {
    generated = { kind: "computed", sql: row.default_expr ?? "", stored: row.generated === "s" };
    defaultValue = null;
  } else if (row.default_expr !== null && isNextvalDefault(row.default_expr) && row.owns_sequence) {
    generated = { kind: "autoincrement" };
    defaultValue = null;
  }
  if (generated && (generated.kind === "identity" || generated.kind === "autoincrement")) {
    const sequence = ownedSequenceOptions(row);
    if (sequence) generated = { ...generated, sequence };
  }
  const nullable = !row.not_null;
  return { name: row.name, type, nullable, default: defaultValue, generated, comment: row.comment, collation: row.collation, ...(row.collation_schema ? { collationSchema: row.collation_schema } : {}) };
}

/** A key's timing, only where it is deferrable (so the usual key has no such fields). */
function timing(row: { deferrable: boolean; deferred: boolean }): ConstraintTiming {
  return { ...(row.deferrable ? { deferrable: true } : {}), ...(row.deferred ? { initiallyDeferred: true } : {}) };
}

function addConstraint(table: TableSchema, row: ConstraintRow): void {
  const include = row.include.length > 0 ? { include: row.include } : {};
  const comment = commentField(row.comment);
  if (row.type === "p") table.primaryKey = { name: row.name, columns: row.columns, ...timing(row), ...include, ...comment };
  else if (row.type === "u") table.uniques.push({ name: row.name, columns: row.columns, ...timing(row), ...(row.nulls_not_distinct ? { nullsNotDistinct: true } : {}), ...include, ...comment });
  else if (row.type === "c") table.checks.push({ name: row.name, expression: row.expression ?? "", ...(row.not_valid ? { notValid: true } : {}), ...comment });
  else {
    table.foreignKeys.push({
      name: row.name,
      columns: row.columns,
      referencedSchema: row.ref_schema,
      referencedTable: row.ref_table ?? "",
      referencedColumns: row.ref_columns,
      onDelete: ACTIONS[row.on_delete] ?? null,
      onUpdate: ACTIONS[row.on_update] ?? null,
      ...(row.match_type === "f" ? { match: "FULL" as const } : {}),
      ...(row.on_delete_columns.length > 0 ? { onDeleteColumns: row.on_delete_columns } : {}),
      deferrable: row.deferrable,
      initiallyDeferred: row.deferred,
      ...(row.not_valid ? { notValid: true } : {}),
      ...comment,
    });
  }
}

/**
 * An element's options as the catalog holds them; NULLS FIRST/LAST only where it is not what
 * the order implies (last ascending, first descending), as pg_get_indexdef prints it.
 */
function elementOptions(element: IndexRow["elements"][number]): IndexElementOptions {
  const out: IndexElementOptions = {};
  if (element.descending) out.descending = true;
  if (element.nulls_first !== element.descending) out.nulls = element.nulls_first ? "first" : "last";
  if (element.collation) out.collation = element.collation;
  if (element.collation && element.collation_schema) out.collationSchema = element.collation_schema;
  if (element.opclass) out.opclass = element.opclass;
  if (element.opclass && element.opclass_schema) out.opclassSchema = element.opclass_schema;
  return out;
}

function toIndexElement(element: IndexRow["elements"][number]): IndexElement {
  const options = elementOptions(element);
  return element.column !== null ? { column: element.column, ...options } : { expression: element.expression ?? "", ...options };
}

/** An exclusion constraint from the row of its index: each element with its operator, the method always named. */
function toExclusion(row: IndexRow, name: string): ExclusionSchema {
  const operators = row.operators ?? [];
  return {
    name,
    using: row.method,
    elements: (row.elements ?? []).map((element, i) => ({ ...toIndexElement(element), operator: operators[i] ?? "" })),
    ...(row.include.length > 0 ? { include: row.include } : {}),
    ...(row.predicate !== null ? { where: row.predicate } : {}),
    ...timing(row),
    ...commentField(row.comment),
  };
}

interface SchemaRow {
  name: string;
  current: boolean;
  tables: number;
}

/**
 * The schemas to read: all with `allSchemas`; `schemas` when given; else the current one plus `alsoSchemas` (those the
 * model names, when they exist); undefined means the current one alone.
 */
function schemasToRead(options: ReflectOptions, rows: readonly SchemaRow[]): string[] | undefined {
  if (options.allSchemas) return rows.map((row) => row.name);
  if (options.schemas) return options.schemas;
  const also = (options.alsoSchemas ?? []).filter((name) => rows.some((row) => row.name === name && !row.current));
  if (also.length === 0) return undefined;
  const current = rows.find((row) => row.current);
  return [...(current ? [current.name] : []), ...also];
}

/** Reads the live schema. Filters run inside the catalog queries as bound array parameters. */
export async function reflect(conn: Connection, options: ReflectOptions = {}): Promise<DatabaseSchema> {
  const schemaRows = await conn.query<SchemaRow>(SCHEMAS_SQL, [options.excludeTables ?? []]);
  const read = schemasToRead(options, schemaRows);
  const scoped: ReflectOptions = { ...options, schemas: read };
  const tables = await readTables(conn, scoped);
  const enumRows = await conn.query<EnumRow>(ENUMS_SQL, [read ?? null]);
  const enums: EnumSchema[] = enumRows.map((row) => ({ schema: row.schema, name: row.name, values: row.values, ...commentField(row.comment) }));
  const { objects, unmanaged } = await reflectObjects(conn, scoped);
  const schemas: ExistingSchema[] = schemaRows.map((row) => ({ name: row.name, current: row.current, tables: row.tables, read: read ? read.includes(row.name) : row.current }));
  const own = await reflectUnmanaged(conn, scoped);
  const all = [...unmanaged, ...own];
  return { tables, enums: enums.sort(bySchemaAndName), ...(objects.length > 0 ? { objects } : {}), ...(all.length > 0 ? { unmanagedObjects: all } : {}), schemas };
}

/**
 * reloptions (`fillfactor=70`, each as PostgreSQL stores it) as storage parameters, names
 * prefixed with `prefix` (`toast.` for the TOAST table's). A value may itself hold `=`, so only the first one splits.
 */
function storageParameters(options: string[] | null, prefix: string): StorageParameters {
  const out: StorageParameters = {};
  for (const option of options ?? []) {
    const at = option.indexOf("=");
    if (at > 0) out[`${prefix}${option.slice(0, at).toLowerCase()}`] = option.slice(at + 1);
  }
  return out;
}

/** The tables (four catalog queries), sorted; enums are read only by reflect(). */
async function readTables(conn: Connection, options: ReflectOptions): Promise<TableSchema[]> {
  const params = [options.schemas ?? null, options.includeTables ?? null, options.excludeTables ?? []];
  const tableRows = await conn.query<TableRow>(TABLES_SQL, params);
  const columnRows = await conn.query<ColumnRow>(COLUMNS_SQL, params);
  const constraintRows = await conn.query<ConstraintRow>(CONSTRAINTS_SQL, params);
  const indexRows = await conn.query<IndexRow>(INDEXES_SQL, params);

  const tables = new Map<string, TableSchema>();
  for (const row of tableRows) {
    const table: TableSchema = { schema: row.schema, name: row.table_name, columns: [], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: row.comment };
    if (row.partition_by) table.partitionBy = row.partition_by;
    if (row.parent_table) table.partitionOf = { schema: row.parent_schema, table: row.parent_table, bound: row.partition_bound ?? "" };
    if (row.inherits && row.inherits.length > 0) table.inherits = row.inherits.map((p) => ({ schema: p.schema, table: p.table }));
    if (row.row_security) table.rowLevelSecurity = row.row_security;
    if (row.unlogged) table.unlogged = true;
    const storage = { ...storageParameters(row.options, ""), ...storageParameters(row.toast_options, "toast.") };
    if (Object.keys(storage).length > 0) table.storageParameters = storage;
    tables.set(key(row), table);
  }
  for (const row of columnRows) tables.get(key(row))?.columns.push(toColumn(row));
  for (const row of constraintRows) {
    const table = tables.get(key(row));
    if (table) addConstraint(table, row);
  }
  for (const row of indexRows) {
    const table = tables.get(key(row));
    if (table && row.exclusion !== null) {
      (table.exclusions ??= []).push(toExclusion(row, row.exclusion));
      continue;
    }
    table?.indexes.push({
      name: row.name,
      elements: (row.elements ?? []).map(toIndexElement),
      unique: row.is_unique,
      where: row.predicate,
      using: row.method === "btree" ? null : row.method,
      ...(row.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
      ...(row.include.length > 0 ? { include: row.include } : {}),
      ...commentField(row.comment),
      ...(row.options && row.options.length > 0 ? { storageParameters: storageParameters(row.options, "") } : {}),
    });
  }
  for (const table of tables.values()) {
    table.foreignKeys.sort(byName);
    table.uniques.sort(byName);
    table.checks.sort(byName);
    table.exclusions?.sort(byName);
    table.indexes.sort(byName);
  }
  return [...tables.values()].sort(bySchemaAndName);
}

/** Reads one table, or undefined when it does not exist. */
export async function reflectTable(conn: Connection, ref: TableRef): Promise<TableSchema | undefined> {
  const tables = await readTables(conn, { schemas: ref.schema ? [ref.schema] : undefined, includeTables: [ref.name] });
  return tables.find((t) => t.name === ref.name);
}
