/**
 * `table(...)`: a table of the user's model. The object keys of `columns` are the column names
 * exactly as in the database. Extras (schema, comment, constraints, indexes) are given as an
 * object or as a callback that receives the column names, typed, and runs when the model loads,
 * so it may mention tables declared further down the file.
 */
import type { ColumnBuilder } from "./column-builder.js";
import type { RowLevelSecurity } from "../catalog/types.js";
import type { StorageParameterValue } from "../catalog/storage-parameters.js";
import type { CheckDefinition, ExclusionDefinition, ForeignKeyDefinition, IndexDefinition, PrimaryKeyDefinition, UniqueDefinition } from "./constraints.js";

/** The columns of a table, keyed by column name. */
export type ColumnMap = Record<string, ColumnBuilder>;

/** The column names of a column map, each typed as its literal name. */
export type ColumnNames<C> = { readonly [K in keyof C & string]: K };

/** Everything about a table besides its columns. */
export interface TableExtras<N extends string = string> {
  /** PostgreSQL schema; absent or null for the default schema. */
  schema?: string | null;
  comment?: string | null;
  /** MySQL/MariaDB table collation, e.g. "utf8mb3_general_ci" (it fixes the character set); ignored elsewhere. */
  collation?: string | null;
  /** MySQL/MariaDB storage engine, e.g. "MyISAM"; ignored elsewhere. */
  engine?: string | null;
  /** PostgreSQL partition key, as pg_get_partkeydef prints it: `"RANGE (happened)"`. */
  partitionBy?: string | null;
  /**
   * PostgreSQL: the table is a partition of `table` with `bound` (`"FOR VALUES FROM (…) TO (…)"`,
   * `"DEFAULT"`); its columns are the parent's. `partition(...)` writes this for you.
   */
  partitionOf?: { table: string; schema?: string | null; bound: string } | null;
  /**
   * PostgreSQL table inheritance: the parents, in order (`CREATE TABLE … INHERITS (…)`), as
   * tables, names, or `{ table, schema }`. The table's columns are then only its own: the
   * parents' columns (and CHECK constraints) are inherited, and its keys, indexes and foreign
   * keys may name them.
   */
  inherits?: readonly InheritsTarget[];
  /**
   * PostgreSQL row-level security: `"enabled"` (ENABLE ROW LEVEL SECURITY: the table's
   * `policy(...)`s decide which rows everyone but the owner sees and writes; with no policy, none),
   * `"forced"` (FORCE ROW LEVEL SECURITY too: the owner as well); absent or `"disabled"`: off.
   */
  rowLevelSecurity?: RowLevelSecurity | null;
  /** PostgreSQL `CREATE UNLOGGED TABLE`: not written to the WAL (faster writes), emptied after a crash, not replicated. */
  unlogged?: boolean;
  /**
   * PostgreSQL storage parameters (`CREATE TABLE … WITH (…)`), by their documented names, the
   * TOAST table's prefixed `toast.`: `with: { fillfactor: 70, autovacuum_enabled: false,
   * "toast.autovacuum_enabled": false }`. Numbers and booleans as such; `vacuum_index_cleanup`
   * also takes "auto".
   */
  with?: Readonly<Record<string, StorageParameterValue>>;
  /** A composite primary key (instead of `.primaryKey()` on columns). */
  primaryKey?: PrimaryKeyDefinition<N>;
  indexes?: readonly IndexDefinition<N>[];
  uniques?: readonly UniqueDefinition<N>[];
  checks?: readonly CheckDefinition[];
  /** PostgreSQL exclusion constraints, declared with `exclude(...)`. */
  exclusions?: readonly ExclusionDefinition<N>[];
  foreignKeys?: readonly ForeignKeyDefinition<N>[];
}

/**
 * A parent table: the table itself, its name (in the current schema), or its name and schema. A
 * string parent in another schema must be written `{ table, schema }` (names may hold dots).
 */
export type InheritsTarget = string | { readonly athanorKind: "table"; readonly name: string; readonly schema: string | null } | { readonly table: string; readonly schema?: string | null };

/** Extras as an object or as a callback receiving the typed column names. */
export type TableExtrasInput<C> = TableExtras<keyof C & string> | ((t: ColumnNames<C>) => TableExtras<keyof C & string>);

/**
 * The extras of a table that inherits: its keys and indexes may name its parents' columns too,
 * which its own column map does not hold, so names are any string (checked when the model loads).
 */
export type InheritingExtras = TableExtras<string> & { inherits: readonly InheritsTarget[] };

/** Inheriting extras as an object or as a callback receiving the typed names of the table's own columns. */
export type InheritingExtrasInput<C> = InheritingExtras | ((t: ColumnNames<C>) => InheritingExtras);

/** A table declared with `table(...)`. */
export interface TableDefinition<C extends ColumnMap = ColumnMap> {
  /** Brand that identifies tables in a schema module's exports. */
  readonly athanorKind: "table";
  readonly name: string;
  readonly columns: C;
  /** The column names, typed: `users.c.email === "email"`. */
  readonly c: ColumnNames<C>;
  /** PostgreSQL schema (evaluates the extras). */
  readonly schema: string | null;
  /** The extras, evaluated once on first use. */
  extras(): TableExtras<keyof C & string>;
}

/**
 * Any table, whatever its columns. Structural rather than `TableDefinition<ColumnMap>`: the
 * `keyof C` in `extras()` would make the column map invariant, and then a concrete table would
 * not be assignable to it (`defineSchema({ tables: [users] })` failing to type-check).
 */
export interface AnyTable {
  readonly athanorKind: "table";
  readonly name: string;
  readonly columns: ColumnMap;
  readonly c: { readonly [name: string]: string };
  readonly schema: string | null;
  extras(): TableExtras<string>;
}

/** A function returning the referenced table, evaluated when the model loads. */
export type LazyTable = () => AnyTable;

/**
 * What a foreign key points at: the table object, a function returning it (`() => users`, for
 * tables declared later, tables that reference each other, or a table referencing itself), or the
 * table's name.
 *
 * The function member is typed as `Function` on purpose: with `() => AnyTable` TypeScript would
 * need the referenced table's type while it is still inferring the referencing table's, and two
 * tables that point at each other would fail with "implicitly has type 'any'". The loader checks
 * at run time that the function returns a table.
 */
export type TableTarget = string | AnyTable | LazyTable | Function;

/** Declares a table. */
export function table<C extends ColumnMap>(name: string, columns: C, extras?: TableExtrasInput<C>): TableDefinition<C>;
/** Declares a PostgreSQL table that inherits (`inherits: [parent]`): its extras may name the parents' columns. */
export function table<C extends ColumnMap>(name: string, columns: C, extras: InheritingExtrasInput<C>): TableDefinition<C>;
export function table<C extends ColumnMap>(name: string, columns: C, extras?: TableExtrasInput<C> | InheritingExtrasInput<C>): TableDefinition<C> {
  const names = Object.fromEntries(Object.keys(columns).map((key) => [key, key])) as ColumnNames<C>;
  let resolved: TableExtras<keyof C & string> | undefined;
  const resolve = (): TableExtras<keyof C & string> => {
    // An inheriting table's extras name columns beyond C; the model build checks them against the parents'.
    resolved ??= (typeof extras === "function" ? extras(names) : { ...(extras ?? {}) }) as TableExtras<keyof C & string>;
    return resolved;
  };
  return {
    athanorKind: "table",
    name,
    columns,
    c: names,
    get schema() {
      return resolve().schema ?? null;
    },
    extras: resolve,
  };
}

/**
 * A PostgreSQL partition of `parent`: `partition("events_2020", events, "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')")`.
 * Its columns are the parent's (created with `CREATE TABLE … PARTITION OF`); its extras hold what
 * is its own (indexes, foreign keys, checks, comment, or a `partitionBy` of its own), and may
 * name the parent's columns.
 */
export function partition<C extends ColumnMap>(name: string, parent: { readonly name: string; readonly schema: string | null; readonly columns: C }, bound: string, extras?: TableExtrasInput<C>): TableDefinition<C> {
  return table(name, parent.columns, (t) => {
    const own = typeof extras === "function" ? extras(t) : { ...(extras ?? {}) };
    return { ...own, partitionOf: { table: parent.name, schema: parent.schema === (own.schema ?? null) ? null : parent.schema, bound } };
  });
}

/** True for a table definition (also one created by another copy of athanor). */
export function isTableDefinition(value: unknown): value is AnyTable {
  return typeof value === "object" && value !== null && (value as { athanorKind?: unknown }).athanorKind === "table" && typeof (value as AnyTable).extras === "function";
}
