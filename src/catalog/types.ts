/**
 * The neutral schema model: one plain-data snapshot of a database's structure. The user's
 * schema.ts and live reflection both produce it, so compare works on like with like. Everything
 * here is JSON-serialisable; no dialect knowledge lives in these types.
 */
import type { DatabaseObject } from "./objects/types.js";
import type { StorageParameters } from "./storage-parameters.js";

/** A portable column type. Dialects map it to native SQL and reflect native SQL back into it. */
export type ColumnType =
  | { kind: "smallint"; unsigned?: boolean }
  | { kind: "integer"; unsigned?: boolean }
  | { kind: "bigint"; unsigned?: boolean }
  | { kind: "numeric"; precision?: number; scale?: number; unsigned?: boolean }
  | { kind: "real" }
  | { kind: "double" }
  | { kind: "boolean" }
  | { kind: "char"; length?: number }
  | { kind: "varchar"; length?: number }
  /** `size` selects MySQL's TINYTEXT/MEDIUMTEXT/LONGTEXT; other dialects have one text type. */
  | { kind: "text"; size?: "tiny" | "medium" | "long" }
  | { kind: "date" }
  | { kind: "time"; withTimezone?: boolean; precision?: number }
  | { kind: "timestamp"; withTimezone?: boolean; precision?: number }
  | { kind: "interval" }
  | { kind: "json" }
  | { kind: "jsonb" }
  | { kind: "uuid" }
  /** Fixed (`fixed: true`) or variable binary; bytea on PostgreSQL, (VAR)BINARY or BLOB on MySQL, BLOB on SQLite. */
  | { kind: "binary"; length?: number; fixed?: boolean; size?: "tiny" | "medium" | "long" }
  /** An enumeration: a named type on PostgreSQL, inline ENUM on MySQL, a CHECK on SQLite. */
  | { kind: "enum"; name: string; values: string[]; schema?: string | null }
  /** A PostgreSQL array of another type. */
  | { kind: "array"; of: ColumnType; dimensions?: number }
  /** Escape hatch: a native type written verbatim. Compared textually after normalisation. */
  | { kind: "raw"; sql: string };

/** The `kind` of a ColumnType. */
export type ColumnTypeKind = ColumnType["kind"];

/** A server default: a literal value (quoted by the dialect) or an SQL expression (verbatim). */
export type DefaultValue =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "sql"; sql: string };

/**
 * Options of the sequence behind a serial or identity column (PostgreSQL), as decimal strings
 * (sequences count past 2^53). Only the options that differ from what the column's integer type
 * implies are held (`catalog/sequence-options.ts`); absent means the default.
 */
export interface ColumnSequenceOptions {
  start?: string;
  increment?: string;
  minValue?: string;
  maxValue?: string;
  cache?: string;
  cycle?: boolean;
}

/** How a column generates its own values. */
export type ColumnGeneration =
  /**
   * serial on PostgreSQL, AUTO_INCREMENT on MySQL, INTEGER PRIMARY KEY AUTOINCREMENT on SQLite.
   * `sequence`: the options of its owned sequence (PostgreSQL only; the others refuse them).
   */
  | { kind: "autoincrement"; sequence?: ColumnSequenceOptions }
  /**
   * GENERATED ALWAYS / BY DEFAULT AS IDENTITY (PostgreSQL); other dialects treat it as
   * autoincrement. `sequence`: the identity's sequence options (`AS IDENTITY (START WITH …)`).
   */
  | { kind: "identity"; always: boolean; sequence?: ColumnSequenceOptions }
  /** A computed column: GENERATED ALWAYS AS (expr) [STORED]. */
  | { kind: "computed"; sql: string; stored: boolean };

/** One column of a table. */
export interface ColumnSchema {
  name: string;
  type: ColumnType;
  nullable: boolean;
  default?: DefaultValue | null;
  generated?: ColumnGeneration | null;
  comment?: string | null;
  /** MySQL `ON UPDATE <expr>` (typically CURRENT_TIMESTAMP). */
  onUpdate?: string | null;
  /** Column collation, when it differs from the table's (its name; see `collationSchema`). */
  collation?: string | null;
  /**
   * PostgreSQL: the schema the collation lives in (`COLLATE s.c`); absent or null: found through
   * the search path (pg_catalog's and the current schema's collations are reported without one).
   */
  collationSchema?: string | null;
}

/** Referential actions for foreign keys. */
export type ReferentialAction = "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT";

/**
 * When a key or constraint is checked (PostgreSQL): DEFERRABLE lets a transaction postpone the
 * check with SET CONSTRAINTS, INITIALLY DEFERRED postpones it to COMMIT unless told otherwise
 * (and implies DEFERRABLE). Absent or false: checked after every statement, not deferrable.
 */
export interface ConstraintTiming {
  deferrable?: boolean;
  initiallyDeferred?: boolean;
}

/** A primary key. */
export interface PrimaryKeySchema extends ConstraintTiming {
  name?: string | null;
  columns: string[];
  /** PostgreSQL 11+ `INCLUDE (…)`: columns the key's index stores beside the key; absent or empty: none. */
  include?: string[];
  /** COMMENT ON CONSTRAINT (PostgreSQL); absent or null: none. */
  comment?: string | null;
  /**
   * Declared in its column's definition (`.primaryKey()`, `.unique()`, `.references()` on the
   * column) rather than among the table's constraints. SQLite writes it there and keeps it so
   * in sqlite_schema.sql; the other dialects write every constraint at table level, and compare
   * ignores the placement.
   */
  inline?: boolean;
  /**
   * SQLite: declared `PRIMARY KEY DESC` in its one column's definition. SQLite keeps it in
   * sqlite_schema.sql and treats it apart: an `INTEGER PRIMARY KEY DESC` column is no rowid alias
   * (it gets an index of its own and may hold NULL). The other dialects refuse it when compiling.
   */
  descending?: boolean;
}

/** A foreign key constraint. */
export interface ForeignKeySchema extends ConstraintTiming {
  name?: string | null;
  columns: string[];
  referencedSchema?: string | null;
  referencedTable: string;
  referencedColumns: string[];
  onDelete?: ReferentialAction | null;
  onUpdate?: ReferentialAction | null;
  /**
   * ON UPDATE was written before ON DELETE (`ON UPDATE NO ACTION ON DELETE CASCADE`, as Room
   * writes it). A layout fact SQLite keeps in sqlite_schema.sql; the model takes it from the
   * order of `onUpdate` and `onDelete` in the options object. Compare ignores it.
   */
  updateFirst?: boolean;
  /**
   * PostgreSQL: added `NOT VALID`, so the rows already there were not checked
   * (pg_constraint.convalidated is false); new rows are. Absent: a validated foreign key.
   */
  notValid?: boolean;
  /**
   * PostgreSQL `MATCH FULL`: a row whose key columns are all NULL is not checked, one with only
   * some NULL is refused. Null (or absent) is the default, MATCH SIMPLE.
   */
  match?: "FULL" | null;
  /**
   * PostgreSQL 15 `ON DELETE SET NULL (cols)` / `SET DEFAULT (cols)`: only these referencing
   * columns are set; null (or absent) sets them all.
   */
  onDeleteColumns?: string[] | null;
  /** COMMENT ON CONSTRAINT (PostgreSQL); absent or null: none. */
  comment?: string | null;
  /**
   * Declared in its column's definition (`.primaryKey()`, `.unique()`, `.references()` on the
   * column) rather than among the table's constraints. SQLite writes it there and keeps it so
   * in sqlite_schema.sql; the other dialects write every constraint at table level, and compare
   * ignores the placement.
   */
  inline?: boolean;
}

/** A unique constraint. */
export interface UniqueSchema extends ConstraintTiming {
  name?: string | null;
  columns: string[];
  /** PostgreSQL 15 `UNIQUE NULLS NOT DISTINCT`: two NULLs count as equal (only one row may hold NULL). */
  nullsNotDistinct?: boolean;
  /** PostgreSQL 11+ `INCLUDE (…)`: columns the constraint's index stores beside the key; absent or empty: none. */
  include?: string[];
  /** COMMENT ON CONSTRAINT (PostgreSQL); absent or null: none. */
  comment?: string | null;
  /**
   * Declared in its column's definition (`.primaryKey()`, `.unique()`, `.references()` on the
   * column) rather than among the table's constraints. SQLite writes it there and keeps it so
   * in sqlite_schema.sql; the other dialects write every constraint at table level, and compare
   * ignores the placement.
   */
  inline?: boolean;
}

/** A check constraint; `expression` is SQL without the surrounding CHECK ( ). */
export interface CheckSchema {
  name?: string | null;
  expression: string;
  /**
   * Declared in this column's definition (`price integer CHECK (price >= 0)`) rather than among
   * the table's constraints. SQLite keeps it there in sqlite_schema.sql; MariaDB reports it with
   * LEVEL Column and names it after the column. Compare ignores the placement, as for `inline` keys.
   */
  column?: string;
  /**
   * PostgreSQL: added `NOT VALID`, so the rows already there were not checked
   * (pg_constraint.convalidated is false); new rows are. Absent: a validated check.
   */
  notValid?: boolean;
  /** COMMENT ON CONSTRAINT (PostgreSQL); absent or null: none. */
  comment?: string | null;
}

/**
 * One element of a PostgreSQL exclusion constraint: what its index holds (a column or an
 * expression, with the index element's options) and the operator two rows' values must not both
 * satisfy (`room_id WITH =`, `during WITH &&`), by name as pg_operator holds it.
 */
export type ExclusionElement = IndexElement & { operator: string };

/**
 * A PostgreSQL exclusion constraint (`EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE
 * (…)`): no two rows may satisfy every element's operator at once. PostgreSQL builds an index
 * of `using` for it, named like the constraint, so its name is index-like (schema-wide).
 */
export interface ExclusionSchema extends ConstraintTiming {
  name?: string | null;
  /** The index access method (pg_am.amname), e.g. "gist"; PostgreSQL's default is "btree". */
  using: string;
  elements: ExclusionElement[];
  /** `INCLUDE (…)`: columns the constraint's index stores beside its elements; absent or empty: none. */
  include?: string[];
  /** `WHERE (predicate)`: only rows satisfying it are constrained; absent or null: every row. */
  where?: string | null;
  /** COMMENT ON CONSTRAINT (PostgreSQL); absent or null: none. */
  comment?: string | null;
}

/**
 * How one element of an index is kept, besides what it indexes. Absent fields are the
 * database's defaults: ascending, NULLs where the order puts them (last ascending, first
 * descending), the element's own collation, the type's default operator class.
 */
export interface IndexElementOptions {
  descending?: boolean;
  /** PostgreSQL NULLS FIRST / NULLS LAST. */
  nulls?: "first" | "last";
  /** COLLATE (PostgreSQL, SQLite): the collation's name. */
  collation?: string;
  /** PostgreSQL: the schema of `collation`; absent: found through the search path. */
  collationSchema?: string;
  /** PostgreSQL operator class, e.g. "text_pattern_ops". */
  opclass?: string;
  /** PostgreSQL: the schema of `opclass`; absent: found through the search path. */
  opclassSchema?: string;
}

/**
 * One indexed element: a column (with an optional prefix length, MySQL) or an SQL expression.
 * `lengthImplied` is reflection's: the prefix is the one the database chose itself because the
 * whole column does not fit in a key (MariaDB cuts `KEY (text_col)` to its maximum key length),
 * so an element naming the column without a length holds the same.
 */
export type IndexElement =
  | ({ column: string; length?: number; lengthImplied?: boolean } & IndexElementOptions)
  | ({ expression: string } & IndexElementOptions);

/** An index. */
export interface IndexSchema {
  name: string;
  elements: IndexElement[];
  unique: boolean;
  /** Partial index predicate (PostgreSQL, SQLite). */
  where?: string | null;
  /** Access method (PostgreSQL `USING gin`, …). */
  using?: string | null;
  /** PostgreSQL 15 `NULLS NOT DISTINCT` on a unique index. */
  nullsNotDistinct?: boolean;
  /** PostgreSQL `INCLUDE (…)`: columns the index stores beside its key, not searched by it; absent or empty: none. */
  include?: string[];
  /** PostgreSQL COMMENT ON INDEX, MySQL/MariaDB `COMMENT '…'` (INDEX_COMMENT); absent or null: none. */
  comment?: string | null;
  /**
   * PostgreSQL `WITH (…)` storage parameters of the index (pg_class.reloptions), e.g.
   * `{ fillfactor: "80" }`, `{ fastupdate: "false" }`; absent or empty: none (the method's defaults).
   */
  storageParameters?: StorageParameters;
}

/** A table. `schema` is the PostgreSQL schema (null or absent: the default search path). */
export interface TableSchema {
  schema?: string | null;
  name: string;
  columns: ColumnSchema[];
  primaryKey?: PrimaryKeySchema | null;
  foreignKeys: ForeignKeySchema[];
  uniques: UniqueSchema[];
  checks: CheckSchema[];
  /** PostgreSQL exclusion constraints; absent or empty: none (the other dialects have none). */
  exclusions?: ExclusionSchema[];
  indexes: IndexSchema[];
  comment?: string | null;
  /**
   * MySQL/MariaDB table collation (which fixes the table's character set); absent or null: the
   * database default (DatabaseSchema.tableDefaults). Compared only when the model names one.
   */
  collation?: string | null;
  /** MySQL/MariaDB storage engine; absent or null: the server default. Compared only when the model names one. */
  engine?: string | null;
  /**
   * PostgreSQL declarative partitioning: the partition key as pg_get_partkeydef prints it
   * (`RANGE (happened)`, `LIST (region)`, `HASH (id)`); absent or null: not partitioned.
   */
  partitionBy?: string | null;
  /**
   * PostgreSQL: this table is a partition of `table`, with its bound as pg_get_expr prints
   * relpartbound (`FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')`, `DEFAULT`). Its columns are
   * the parent's (compare leaves them to the parent); its own constraints and indexes are its own.
   */
  partitionOf?: PartitionOf | null;
  /**
   * PostgreSQL table inheritance (`INHERITS (…)`): the parents in their order (pg_inherits.inhseqno);
   * absent or empty: none. `columns` and `checks` hold only what is the table's own (attislocal,
   * conislocal): inherited columns and checks belong to the parents.
   */
  inherits?: ParentTable[];
  /**
   * PostgreSQL row-level security (pg_class relrowsecurity, relforcerowsecurity): `enabled`
   * (ALTER TABLE … ENABLE ROW LEVEL SECURITY: the table's policies apply to everyone but its
   * owner) or `forced` (also FORCE ROW LEVEL SECURITY: to its owner too); absent: disabled.
   */
  rowLevelSecurity?: TableRowLevelSecurity;
  /** PostgreSQL `CREATE UNLOGGED TABLE` (pg_class.relpersistence 'u'): not written to the WAL, emptied after a crash. Absent: logged. */
  unlogged?: boolean;
  /**
   * PostgreSQL `WITH (…)` storage parameters (pg_class.reloptions, and the TOAST table's as
   * `toast.`-prefixed names): lower-case name → value as reloptions holds it, e.g.
   * `{ fillfactor: "70", "toast.autovacuum_enabled": "false" }`; absent or empty: none.
   */
  storageParameters?: StorageParameters;
}

/** What a table's row-level security may be set to; `disabled` is what an absent option means. */
export type RowLevelSecurity = "disabled" | TableRowLevelSecurity;

/** Row-level security a table holds (TableSchema.rowLevelSecurity): on, or on for the owner too. */
export type TableRowLevelSecurity = "enabled" | "forced";

/** The allowed values of a row-level security setting, for checking what a model or a revision gives. */
export const ROW_LEVEL_SECURITY_VALUES: readonly RowLevelSecurity[] = ["disabled", "enabled", "forced"];

/** A parent a table inherits from. */
export interface ParentTable {
  /** The parent's PostgreSQL schema; null or absent: the current schema (as a foreign key's). */
  schema?: string | null;
  table: string;
}

/** The parent and bound of a partition. */
export interface PartitionOf {
  /** The parent's PostgreSQL schema; null or absent: the partition's own. */
  schema?: string | null;
  table: string;
  bound: string;
}

/** A named enum type (PostgreSQL `CREATE TYPE … AS ENUM`). */
export interface EnumSchema {
  schema?: string | null;
  name: string;
  values: string[];
  /** COMMENT ON TYPE; absent or null: none. */
  comment?: string | null;
}

/**
 * A PostgreSQL schema (namespace) the database holds, as reflection reports it: every one but the
 * system's, whether or not it was read, so autogenerate knows which exist and pull can name the
 * ones it left out.
 */
export interface ExistingSchema {
  name: string;
  /** The connection's current schema (tables in it are reported with `schema: null`). */
  current: boolean;
  /** Tables (plain and partitioned) in it, athanor's own left out. */
  tables: number;
  /** Whether this reflection read its tables, enums and objects. */
  read: boolean;
}

/** A whole database: the unit compare works on. */
export interface DatabaseSchema {
  tables: TableSchema[];
  enums: EnumSchema[];
  /** Views, functions, triggers, extensions, sequences (see catalog/objects); absent: none. */
  objects?: DatabaseObject[];
  /**
   * Reflection only: what a table gets when it names no collation or engine (MySQL's database
   * collation and default storage engine). Reflection reports a table's own collation and engine
   * only when they differ from these (so pull leaves them out), and compare reads an absent one
   * as these.
   */
  tableDefaults?: { collation?: string | null; engine?: string | null };
  /**
   * Reflection only (PostgreSQL): the schemas the database holds. A model names its schemas
   * through its tables, enums and objects instead (see `namedSchemas`). Absent: unknown.
   */
  schemas?: ExistingSchema[];
  /**
   * Reflection only: what the database holds that athanor does not manage (PostgreSQL
   * FORCE ROW LEVEL SECURITY on a table whose row-level security is off, aggregates other than plain ones, a child's own NOT NULL or
   * default on a column it inherits, CHECK … NO INHERIT,
   * foreign tables, storage parameters of a key's or exclusion constraint's index, composite and range
   * types; MySQL events and partitioning; SQLite virtual tables, WITHOUT ROWID and STRICT), so
   * pull lists it and check reports it instead of leaving it out silently.
   */
  unmanagedObjects?: UnmanagedObject[];
}

/** Something a database holds that the model cannot say: its kind, name and, where it has one, its table. */
export interface UnmanagedObject {
  /** "aggregate" (an ordered-set or hypothetical-set one), "foreign table", "inherited column override", …. */
  kind: string;
  schema?: string | null;
  name: string;
  /** The table it is on; the table filter keeps or drops it with that table. */
  table?: string | null;
  /** Its definition as the database prints it, where there is one to show (a NO INHERIT check's, a table's options). */
  detail?: string | null;
}

/** "exclusion constraint no_overlap on bookings", "foreign table remote_orders": for messages. */
export function unmanagedLabel(o: UnmanagedObject): string {
  const name = o.schema ? `${o.schema}.${o.name}` : o.name;
  return `${o.kind} ${name}${o.table && o.table !== o.name ? ` on ${o.table}` : ""}`;
}

/** What an unmanaged kind is called in "athanor does not manage …": "exclusion constraints", "forced-but-disabled row-level security". */
export function unmanagedKinds(kind: string): string {
  if (/(s|security)$/.test(kind)) return kind;
  return /[^aeiou]y$/.test(kind) ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

/** Addresses a table: its name and optional PostgreSQL schema. */
export interface TableRef {
  schema?: string | null;
  name: string;
}

/** A short "schema.table" label for messages. */
export function tableLabel(ref: TableRef): string {
  return ref.schema ? `${ref.schema}.${ref.name}` : ref.name;
}

/** An empty table with the given name: a starting point for builders and tests. */
export function emptyTable(name: string, schema?: string | null): TableSchema {
  return { schema: schema ?? null, name, columns: [], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null };
}

/** The kinds of named constraints and indexes a table holds. */
export type NamedObjectKind = "primaryKey" | "unique" | "foreignKey" | "check" | "exclusion" | "index";

/** A constraint of any kind a table holds. */
export type TableConstraint = PrimaryKeySchema | UniqueSchema | CheckSchema | ExclusionSchema | ForeignKeySchema;

/**
 * `{ comment }` when there is a comment, else nothing: an index, constraint or enum type without
 * one has no such field (an empty comment is none, as compare reads it).
 */
export function commentField(comment: string | null | undefined): { comment?: string } {
  return comment ? { comment } : {};
}

/** Every constraint of `table`: its primary key, unique, check, exclusion and foreign-key constraints, in that order. */
export function tableConstraints(table: TableSchema): TableConstraint[] {
  return [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques, ...table.checks, ...(table.exclusions ?? []), ...table.foreignKeys];
}
