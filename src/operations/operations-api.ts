/**
 * The typed `op` object that revision files receive (`export async function upgrade(op: Operations)`).
 * Argument order follows Alembic's where Alembic has the operation. Every method builds exactly
 * one Operation and hands it to the migration context; see create-operations.ts.
 */
import type { ObjectDefinition } from "../model/objects.js";
import type { DialectName } from "../core/dialect-name.js";
import type { ColumnBuilder, DefaultInput, ReferenceOptions } from "../model/column-builder.js";
import type { CommentOption, ExclusionElementInput, ExclusionOptions, IndexElementInput } from "../model/constraints.js";
import type { CommentedKind } from "./types.js";
import type { SqlText } from "../model/sql-text.js";
import type { StorageParameterChanges } from "./storage-arguments.js";
import type { StorageParameterValue } from "../catalog/storage-parameters.js";
import type { SequenceOptionsInput } from "../catalog/sequence-options.js";
import type { AnyTable, ColumnMap, InheritingExtras, TableExtras } from "../model/table.js";
import type {
  CheckSchema,
  ColumnGeneration,
  ColumnSchema,
  ColumnType,
  ConstraintTiming,
  DefaultValue,
  ExclusionSchema,
  ForeignKeySchema,
  IndexSchema,
  PrimaryKeySchema,
  RowLevelSecurity,
  TableSchema,
  UniqueSchema,
} from "../catalog/types.js";
import type { SqlFragment } from "../core/sql.js";

/** The PostgreSQL schema an operation targets; absent or null for the default. */
export interface SchemaOption {
  schema?: string | null;
}

/** A default as accepted by alterColumn: what `.default()` takes, or a neutral DefaultValue. */
export type DefaultSpec = DefaultInput | DefaultValue;

/** Options of `op.dropTable`. */
export interface DropTableOptions extends SchemaOption {
  /** The table as it was, which makes the drop reversible. */
  existing?: TableSchema;
}

/**
 * Options of `op.addColumn`: `after: "name"` puts the column right after that column, `first: true`
 * before all others; neither adds it last. MySQL places it with AFTER / FIRST, SQLite rebuilds the
 * table to place it; PostgreSQL always adds a column last and refuses both.
 */
export type AddColumnOptions = SchemaOption & ({ after?: string; first?: never } | { first?: true; after?: never });

/** Options of `op.dropColumn`. */
export interface DropColumnOptions extends SchemaOption {
  /** The column as it was (a ColumnSchema or a builder), which makes the drop reversible. */
  existing?: ColumnSchema | ColumnBuilder;
}

/**
 * How a column generates its values, as `op.alterColumn` takes it: `"autoincrement"`,
 * `{ identity: "always" | "by default" }`, or `{ computed: sql\`…\`, stored?: boolean }` (a
 * computed column, stored unless `stored: false`). A serial or identity column's sequence options
 * (PostgreSQL) go beside: `{ autoincrement: true, sequence: { start: 1000 } }`,
 * `{ identity: "by default", sequence: { start: 1000, increment: 5 } }`. The catalog's own
 * ColumnGeneration objects are accepted too, so revisions written by earlier versions keep working.
 */
export type GenerationSpec =
  | "autoincrement"
  | { autoincrement: true; sequence?: SequenceOptionsInput }
  | { identity: "always" | "by default"; sequence?: SequenceOptionsInput }
  | { computed: SqlText; stored?: boolean }
  | ColumnGeneration;

/**
 * Options of `op.alterColumn`. An absent field is left alone. `default: null` and `comment: null`
 * remove them (write sql`NULL` for a literal DEFAULT NULL). The `existing*` fields describe the
 * column before the change: they make it reversible and give MySQL its full MODIFY definition.
 */
export interface AlterColumnOptions extends SchemaOption {
  /** The new type: a type factory result such as `varchar(100)` (type only) or a ColumnType. */
  type?: ColumnBuilder | ColumnType;
  nullable?: boolean;
  default?: DefaultSpec | null;
  comment?: string | null;
  generated?: GenerationSpec | null;
  /** The new collation of a character column (null: the table's default); on MySQL it fixes the character set too. */
  collation?: string | null;
  /** The PostgreSQL schema of `collation`. */
  collationSchema?: string | null;
  /** MySQL `ON UPDATE` expression (null removes it). */
  onUpdate?: string | null;
  newName?: string;
  /** Expression that converts existing values (PostgreSQL `USING`). */
  using?: SqlText;
  existingType?: ColumnBuilder | ColumnType;
  existingNullable?: boolean;
  existingDefault?: DefaultSpec | null;
  existingComment?: string | null;
  existingGenerated?: GenerationSpec | null;
  existingCollation?: string | null;
  existingCollationSchema?: string | null;
  existingOnUpdate?: string | null;
}

/** Options of `op.createIndex`. */
export interface CreateIndexOptions extends SchemaOption, CommentOption {
  unique?: boolean;
  /** Partial-index predicate. */
  where?: SqlText;
  /** Access method, e.g. "gin". */
  using?: string;
  /** PostgreSQL 15 NULLS NOT DISTINCT on a unique index. */
  nullsNotDistinct?: boolean;
  /** PostgreSQL INCLUDE: non-key columns stored in the index. */
  include?: readonly string[];
  /** PostgreSQL storage parameters (`WITH (…)`), by the method's documented names, e.g. `{ fillfactor: 80 }`. */
  with?: Readonly<Record<string, StorageParameterValue>>;
  /** PostgreSQL CREATE INDEX CONCURRENTLY (runs outside the transaction). */
  concurrently?: boolean;
  ifNotExists?: boolean;
}

/** Options of `op.dropIndex`; `table` is required because MySQL drops indexes per table. */
export interface DropIndexOptions extends SchemaOption {
  table: string;
  concurrently?: boolean;
  ifExists?: boolean;
  /** The index as it was, which makes the drop reversible. */
  existing?: IndexSchema;
}

/**
 * Where a key is written: `inline` puts it in its column's definition (`id INTEGER PRIMARY KEY`,
 * `REFERENCES t (id)`) rather than among the table's constraints. Only SQLite keeps the
 * difference (a rebuild writes it so); other dialects ignore it.
 */
export interface InlineOption {
  inline?: boolean;
}

/** Options of `op.createPrimaryKey`: when the key is checked (PostgreSQL DEFERRABLE) and its index's INCLUDE columns. */
export interface CreatePrimaryKeyOptions extends SchemaOption, ConstraintTiming, InlineOption, CommentOption {
  /** PostgreSQL `INCLUDE (…)`: columns the key's index stores beside the key. */
  include?: readonly string[];
  /** SQLite: a one-column PRIMARY KEY DESC. */
  descending?: boolean;
}

/** Options of `op.createUniqueConstraint`: timing, NULLS NOT DISTINCT and INCLUDE columns (PostgreSQL). */
export interface CreateUniqueOptions extends SchemaOption, ConstraintTiming, InlineOption, CommentOption {
  nullsNotDistinct?: boolean;
  /** PostgreSQL `INCLUDE (…)`: columns the constraint's index stores beside the key. */
  include?: readonly string[];
}

/** Options of `op.createForeignKey`. */
export interface CreateForeignKeyOptions extends SchemaOption, Omit<ReferenceOptions, "name">, InlineOption {}

/** Options of `op.createCheckConstraint`. */
export interface CreateCheckOptions extends SchemaOption, CommentOption {
  /** Declared in this column's definition (`pinned INTEGER CHECK (pinned IN (0, 1))`); SQLite keeps the place, MariaDB names it after the column. */
  column?: string;
  /** PostgreSQL `NOT VALID`: the rows already there are not checked (CheckSchema.notValid). */
  notValid?: boolean;
}

/** Options of `op.createExclusionConstraint` (PostgreSQL): those of `exclude(...)` but the name, which is an argument. */
export interface CreateExclusionOptions extends SchemaOption, Omit<ExclusionOptions, "name"> {}

/** The constraint kinds `dropConstraint` distinguishes, each with its optional prior state. */
export type DropConstraintSpec =
  | { type: "primaryKey"; existing?: PrimaryKeySchema }
  | { type: "foreignKey"; existing?: ForeignKeySchema }
  | { type: "unique"; existing?: UniqueSchema }
  | { type: "check"; existing?: CheckSchema }
  | { type: "exclusion"; existing?: ExclusionSchema };

/**
 * The constraint `validateConstraint` validates: a foreign key or check added NOT VALID, and
 * optionally that constraint as it stands (NOT VALID), which makes the validation reversible.
 */
export type ValidateConstraintSpec = { type: "foreignKey"; existing?: ForeignKeySchema } | { type: "check"; existing?: CheckSchema };

/** Options of `op.validateConstraint`. */
export type ValidateConstraintOptions = SchemaOption & ValidateConstraintSpec;

/** Options of `op.dropConstraint`. */
export type DropConstraintOptions = SchemaOption & DropConstraintSpec;

/** Options of `op.replacePrimaryKey`. */
export interface ReplacePrimaryKeyOptions extends SchemaOption, ConstraintTiming {
  /** The new key's constraint name (MySQL's is always PRIMARY; PostgreSQL names it table_pkey without one). */
  name?: string;
  /** The new key's INCLUDE columns (PostgreSQL). */
  include?: readonly string[];
  /** SQLite: the new key is a one-column PRIMARY KEY DESC. */
  descending?: boolean;
  /** The key it replaces: its columns, and its name where the dialect drops it by name (PostgreSQL). */
  replaces: PrimaryKeySchema;
}

/**
 * Options of `op.alterTableOptions` (collation and engine: MySQL/MariaDB; rowLevelSecurity,
 * unlogged and storageParameters: PostgreSQL). An absent option is left alone; the `existing*` options make it reversible.
 */
export interface TableOptionsOptions extends SchemaOption {
  /** The table's default collation, e.g. "utf8mb4_bin" (it fixes the default character set); existing columns keep theirs. */
  collation?: string;
  /** The storage engine, e.g. "InnoDB". */
  engine?: string;
  /** PostgreSQL row-level security: "disabled", "enabled" (ENABLE ROW LEVEL SECURITY) or "forced" (also FORCE). */
  rowLevelSecurity?: RowLevelSecurity;
  existingCollation?: string;
  existingEngine?: string;
  existingRowLevelSecurity?: RowLevelSecurity;
  /** PostgreSQL: true for ALTER TABLE … SET UNLOGGED, false for SET LOGGED. */
  unlogged?: boolean;
  existingUnlogged?: boolean;
  /**
   * PostgreSQL storage parameters to change (`ALTER TABLE … SET (…)`; null: `RESET (…)`), the
   * TOAST table's prefixed `toast.`: `{ fillfactor: 70, autovacuum_enabled: null }`.
   */
  storageParameters?: StorageParameterChanges;
  /** The same names as `storageParameters`, each as it was (null: not set), which makes the change reversible. */
  existingStorageParameters?: StorageParameterChanges;
}

/** Options of `op.alterIndexOptions` (PostgreSQL `ALTER INDEX … SET (…)` / `RESET (…)`). */
export interface IndexOptionsOptions extends SchemaOption {
  /** The index's access method, whose parameters are checked (absent: btree). */
  using?: string | null;
  /** The storage parameters to change: a value to SET, null to RESET, e.g. `{ fillfactor: 80 }`. */
  storageParameters: StorageParameterChanges;
  /** The same names, each as it was (null: not set), which makes the change reversible. */
  existingStorageParameters?: StorageParameterChanges;
}

/** Options of `op.createEnum`: its schema and COMMENT ON TYPE. */
export interface CreateEnumOptions extends SchemaOption, CommentOption {}

/**
 * The argument of `op.setComment`: which index (`on: "index"`), constraint or enum type, its
 * table (an index's or constraint's), the new comment (null removes it) and the one before,
 * which makes it reversible.
 */
export interface SetCommentSpec extends SchemaOption {
  on: CommentedKind;
  table?: string;
  name: string;
  comment: string | null;
  existingComment?: string | null;
}

/** Options of `op.createTableComment`. */
export interface TableCommentOptions extends SchemaOption {
  /** The comment before the change (null: none), which makes it reversible. */
  existingComment?: string | null;
}

/** Options of `op.addEnumValue`. */
export interface AddEnumValueOptions extends SchemaOption {
  before?: string;
  after?: string;
  /** The values before the addition. */
  existingValues?: string[];
}

/** Options of `op.dropEnum`. */
export interface DropEnumOptions extends SchemaOption {
  /** The values the type had, which makes the drop reversible. */
  existingValues?: string[];
}

/** Options of `op.execute`. */
export interface ExecuteOptions {
  /** SQL that undoes the statement; without it the operation cannot be reversed. */
  reverse?: string | SqlFragment;
}

/** Options of `op.bulkInsert`. */
export interface BulkInsertOptions extends SchemaOption {
  /** Column types, so values are converted for the dialect (booleans, JSON, dates). */
  columns?: Record<string, ColumnBuilder | ColumnType>;
}

/** Options of `op.batchAlterTable`. */
export interface BatchAlterTableOptions extends SchemaOption {
  /** "auto" (default): rebuild the table only where the dialect needs it (SQLite); "always"; "never": fail instead. */
  recreate?: "auto" | "always" | "never";
}

/** The table-level operations inside `op.batchAlterTable`: the same as on `op`, minus the table. */
export interface BatchOperations {
  /** Records an addColumn (see Operations.addColumn). */
  addColumn(name: string, column: ColumnBuilder, options?: Omit<AddColumnOptions, "schema">): void;
  /** Records a dropColumn. */
  dropColumn(name: string, options?: Omit<DropColumnOptions, "schema">): void;
  /** Records an alterColumn. */
  alterColumn(column: string, options: Omit<AlterColumnOptions, "schema">): void;
  /** Records a createIndex. */
  createIndex(name: string, elements: readonly IndexElementInput[], options?: Omit<CreateIndexOptions, "schema">): void;
  /** Records a dropIndex. */
  dropIndex(name: string, options?: Omit<DropIndexOptions, "schema" | "table">): void;
  /** Records a createPrimaryKey. */
  createPrimaryKey(name: string | null, columns: readonly string[], options?: Omit<CreatePrimaryKeyOptions, "schema">): void;
  /** Records a replacePrimaryKey. */
  replacePrimaryKey(columns: readonly string[], options: Omit<ReplacePrimaryKeyOptions, "schema">): void;
  /** Records an alterTableOptions. */
  alterTableOptions(options: Omit<TableOptionsOptions, "schema">): void;
  /** Records an alterIndexOptions on an index of this table. */
  alterIndexOptions(name: string, options: Omit<IndexOptionsOptions, "schema">): void;
  /** Records a createForeignKey from this table to `referencedTable`. */
  createForeignKey(name: string | null, referencedTable: string, localColumns: readonly string[], remoteColumns: readonly string[], options?: Omit<CreateForeignKeyOptions, "schema">): void;
  /** Records a createUniqueConstraint. */
  createUniqueConstraint(name: string | null, columns: readonly string[], options?: Omit<CreateUniqueOptions, "schema">): void;
  /** Records a createCheckConstraint. */
  createCheckConstraint(name: string | null, condition: SqlText, options?: Omit<CreateCheckOptions, "schema">): void;
  /** Records a createExclusionConstraint. */
  createExclusionConstraint(name: string | null, elements: readonly ExclusionElementInput[], options?: Omit<CreateExclusionOptions, "schema">): void;
  /** Records a validateConstraint. */
  validateConstraint(name: string, options: ValidateConstraintSpec): void;
  /** Records a dropConstraint. */
  dropConstraint(name: string, options: DropConstraintSpec): void;
  /** Records a createTableComment. */
  createTableComment(comment: string, options?: Omit<TableCommentOptions, "schema">): void;
  /** Records a dropTableComment. */
  dropTableComment(options?: Omit<TableCommentOptions, "schema">): void;
}

/**
 * The `op` object of a revision. Each call returns a promise; calls reach the database in the
 * order they were made even when a revision forgets `await`, and a failure stops every later call.
 */
export interface Operations {
  /** The dialect of the target database. */
  readonly dialect: DialectName;
  /** True under `--sql`: statements are printed, not executed, and `query` is unavailable. */
  readonly offline: boolean;

  /** CREATE TABLE with its constraints, then its indexes. Unnamed constraints follow the naming convention. */
  createTable<C extends ColumnMap>(name: string, columns: C, extras?: TableExtras<keyof C & string>): Promise<void>;
  /** CREATE TABLE … INHERITS (…): its constraints and indexes may name the parents' columns. */
  createTable<C extends ColumnMap>(name: string, columns: C, extras: InheritingExtras): Promise<void>;
  /** DROP TABLE; pass `existing` to make it reversible. */
  dropTable(name: string, options?: DropTableOptions): Promise<void>;
  /** ALTER TABLE … RENAME TO. */
  renameTable(from: string, to: string, options?: SchemaOption): Promise<void>;
  /**
   * Adds a column, last unless `after` or `first` places it; add its foreign key, unique or
   * primary key with the create* operations.
   */
  addColumn(table: string, name: string, column: ColumnBuilder, options?: AddColumnOptions): Promise<void>;
  /** Drops a column; pass `existing` to make it reversible. */
  dropColumn(table: string, name: string, options?: DropColumnOptions): Promise<void>;
  /** Changes a column's type, nullability, default, comment, generation or name. */
  alterColumn(table: string, column: string, options: AlterColumnOptions): Promise<void>;
  /** CREATE [UNIQUE] INDEX on columns and/or sql`…` expressions. */
  createIndex(name: string, table: string, elements: readonly IndexElementInput[], options?: CreateIndexOptions): Promise<void>;
  /** DROP INDEX; `table` is required. */
  dropIndex(name: string, options: DropIndexOptions): Promise<void>;
  /** Adds a primary key constraint; a null name leaves the naming to the database. */
  createPrimaryKey(name: string | null, table: string, columns: readonly string[], options?: CreatePrimaryKeyOptions): Promise<void>;
  /**
   * Replaces the primary key in one statement (`DROP PRIMARY KEY, ADD PRIMARY KEY (…)` on MySQL,
   * so an AUTO_INCREMENT column stays keyed); `replaces` is the key it replaces.
   */
  replacePrimaryKey(table: string, columns: readonly string[], options: ReplacePrimaryKeyOptions): Promise<void>;
  /**
   * Changes a table's options: MySQL/MariaDB default collation (and character set) or storage
   * engine; PostgreSQL row-level security, LOGGED/UNLOGGED and storage parameters.
   */
  alterTableOptions(table: string, options: TableOptionsOptions): Promise<void>;
  /** PostgreSQL `ALTER INDEX … SET (…)` / `RESET (…)`: an index's storage parameters, in place. */
  alterIndexOptions(name: string, table: string, options: IndexOptionsOptions): Promise<void>;
  /** Adds a foreign key from `sourceTable(localColumns)` to `referencedTable(remoteColumns)`; a null name leaves the naming to the database. */
  createForeignKey(
    name: string | null,
    sourceTable: string,
    referencedTable: string,
    localColumns: readonly string[],
    remoteColumns: readonly string[],
    options?: CreateForeignKeyOptions,
  ): Promise<void>;
  /** Adds a unique constraint; a null name leaves the naming to the database. */
  createUniqueConstraint(name: string | null, table: string, columns: readonly string[], options?: CreateUniqueOptions): Promise<void>;
  /** Adds a check constraint; `condition` is SQL without CHECK ( ). A null name leaves the naming to the database. */
  createCheckConstraint(name: string | null, table: string, condition: SqlText, options?: CreateCheckOptions): Promise<void>;
  /**
   * Adds a PostgreSQL exclusion constraint: `elements` as in `exclude(...)`, e.g.
   * `[["room_id", "="], ["during", "&&"]]` with `{ using: "gist" }`. A null name leaves the naming to the database.
   */
  createExclusionConstraint(name: string | null, table: string, elements: readonly ExclusionElementInput[], options?: CreateExclusionOptions): Promise<void>;
  /**
   * PostgreSQL `ALTER TABLE … VALIDATE CONSTRAINT`: a foreign key or check added NOT VALID checks
   * the rows already there; pass `existing` (the NOT VALID constraint) to make it reversible.
   */
  validateConstraint(name: string, table: string, options: ValidateConstraintOptions): Promise<void>;
  /** Drops a constraint of the given type; pass `existing` to make it reversible. */
  dropConstraint(name: string, table: string, options: DropConstraintOptions): Promise<void>;
  /** Sets the table comment. */
  createTableComment(table: string, comment: string, options?: TableCommentOptions): Promise<void>;
  /** Removes the table comment. */
  dropTableComment(table: string, options?: TableCommentOptions): Promise<void>;
  /**
   * Sets or removes (`comment: null`) the comment of an index, a constraint or an enum type:
   * `op.setComment({ on: "index", table: "orders", name: "ix_orders_placed", comment: "…", existingComment: null })`.
   */
  setComment(spec: SetCommentSpec): Promise<void>;
  /** CREATE TYPE … AS ENUM (PostgreSQL; other dialects keep enums inline), with its comment if given. */
  createEnum(name: string, values: readonly string[], options?: CreateEnumOptions): Promise<void>;
  /** Drops an enum type; pass `existingValues` to make it reversible. */
  dropEnum(name: string, options?: DropEnumOptions): Promise<void>;
  /** Adds a value to an enum type, optionally before or after an existing one. */
  addEnumValue(name: string, value: string, options?: AddEnumValueOptions): Promise<void>;
  /** Renames one value of an enum type. */
  renameEnumValue(name: string, from: string, to: string, options?: SchemaOption): Promise<void>;
  /** CREATE SCHEMA (PostgreSQL only): where tables declared with `schema: name` live. */
  createSchema(name: string): Promise<void>;
  /** DROP SCHEMA (PostgreSQL only), which the database refuses while the schema holds anything. */
  dropSchema(name: string): Promise<void>;
  /** Creates a view, function, trigger, extension, sequence…: ``op.createObject(view("v", sql`…`))``. */
  createObject(definition: ObjectDefinition): Promise<void>;
  /** Drops one; the full definition makes the drop reversible. */
  dropObject(definition: ObjectDefinition): Promise<void>;
  /** Changes an object's definition (CREATE OR REPLACE where allowed, else drop and create). */
  replaceObject(definition: ObjectDefinition, options: { existing: ObjectDefinition }): Promise<void>;
  /** Raw SQL; values interpolated with the `sql` tag are bound, never spliced. */
  execute(statement: string | SqlFragment, options?: ExecuteOptions): Promise<void>;
  /** Inserts rows (values are bound). Passing the table object supplies the column types. */
  bulkInsert(table: string | AnyTable, rows: readonly Record<string, unknown>[], options?: BulkInsertOptions): Promise<void>;
  /** Several changes to one table as one operation (one rebuild on SQLite). The callback must be synchronous. */
  batchAlterTable(table: string, build: (batch: BatchOperations) => void, options?: BatchAlterTableOptions): Promise<void>;
  /** Runs a query after every earlier operation and returns its rows (not available under `--sql`). */
  query<T = Record<string, unknown>>(statement: string | SqlFragment): Promise<T[]>;
}
