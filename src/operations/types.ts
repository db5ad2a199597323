/**
 * Operations are data: every schema change athanor can make is one of these plain objects.
 * Autogenerate produces them, the `op` façade builds them, dialects compile them, render turns
 * them into TypeScript, and `reverse()` inverts them. Drop and alter operations carry the prior
 * state so that their reverse is known.
 *
 * Adding a kind here must break the build until every dispatch table (reverse, render, each
 * dialect's compile, lint) handles it: those tables are typed `Record<OperationKind, …>`.
 */
import type {
  CheckSchema,
  ExclusionSchema,
  ColumnSchema,
  ColumnType,
  DefaultValue,
  ColumnGeneration,
  EnumSchema,
  ForeignKeySchema,
  IndexSchema,
  PrimaryKeySchema,
  RowLevelSecurity,
  TableSchema,
  UniqueSchema,
} from "../catalog/types.js";
import type { SqlFragment } from "../core/sql.js";
import type { DatabaseObject } from "../catalog/objects/types.js";

/** Every operation that targets one table names it with these two fields. */
export interface OnTable {
  /** PostgreSQL schema; null or absent means the default. */
  schema?: string | null;
  table: string;
}

export interface CreateTableOp {
  kind: "createTable";
  /** The full table, including its indexes (created right after the table). */
  table: TableSchema;
}

export interface DropTableOp extends OnTable {
  kind: "dropTable";
  /** The table as it was, so the drop can be reversed. */
  existing?: TableSchema;
}

export interface RenameTableOp {
  kind: "renameTable";
  schema?: string | null;
  from: string;
  to: string;
}

/**
 * Where a column goes among its table's columns: right after the column named `after`, or first.
 * MySQL places it (ADD COLUMN … AFTER / FIRST), SQLite rebuilds the table to place it;
 * PostgreSQL always adds a column last and refuses a position.
 */
export type ColumnPosition = { after: string } | { first: true };

export interface AddColumnOp extends OnTable {
  kind: "addColumn";
  column: ColumnSchema;
  /** Where the column goes; absent: after the table's last column. */
  position?: ColumnPosition;
}

export interface DropColumnOp extends OnTable {
  kind: "dropColumn";
  column: string;
  existing?: ColumnSchema;
  /** Where the column was (absent: last, or unknown): its reverse adds it back there. */
  existingPosition?: ColumnPosition;
}

/**
 * Changes one column. A field that is `undefined` is left as it is; `default: null` and
 * `comment: null` remove them. The `existing*` fields describe the column before the change:
 * they make the operation reversible and let MySQL emit a complete MODIFY definition.
 */
export interface AlterColumnOp extends OnTable {
  kind: "alterColumn";
  column: string;
  newName?: string;
  type?: ColumnType;
  nullable?: boolean;
  default?: DefaultValue | null;
  comment?: string | null;
  generated?: ColumnGeneration | null;
  /**
   * The column's collation (character columns); null: the table's default. A MySQL collation
   * also fixes the column's character set.
   */
  collation?: string | null;
  /** The PostgreSQL schema of `collation` (absent: found on the search path). */
  collationSchema?: string | null;
  /** MySQL `ON UPDATE <expr>`; null removes it. */
  onUpdate?: string | null;
  existingType?: ColumnType;
  existingNullable?: boolean;
  existingDefault?: DefaultValue | null;
  existingComment?: string | null;
  existingGenerated?: ColumnGeneration | null;
  existingCollation?: string | null;
  existingCollationSchema?: string | null;
  existingOnUpdate?: string | null;
  /** SQL expression to convert existing values (PostgreSQL `USING`). */
  using?: string;
}

export interface CreateIndexOp extends OnTable {
  kind: "createIndex";
  index: IndexSchema;
  /** PostgreSQL CREATE INDEX CONCURRENTLY (cannot run inside a transaction). */
  concurrently?: boolean;
  ifNotExists?: boolean;
}

export interface DropIndexOp extends OnTable {
  kind: "dropIndex";
  name: string;
  existing?: IndexSchema;
  concurrently?: boolean;
  ifExists?: boolean;
}

export interface CreatePrimaryKeyOp extends OnTable {
  kind: "createPrimaryKey";
  constraint: PrimaryKeySchema;
}

/**
 * Replaces a table's primary key in one statement (MySQL: `DROP PRIMARY KEY, ADD PRIMARY KEY`),
 * so an AUTO_INCREMENT column in both keys stays keyed throughout. `existing` is the key it
 * replaces, so the reverse is the same operation the other way.
 */
export interface ReplacePrimaryKeyOp extends OnTable {
  kind: "replacePrimaryKey";
  constraint: PrimaryKeySchema;
  existing: PrimaryKeySchema;
}

/**
 * Changes a table's options: on MySQL/MariaDB its default collation (which fixes its default
 * character set: `ALTER TABLE … DEFAULT CHARACTER SET … COLLATE …`) and its storage engine, on
 * PostgreSQL its row-level security (`ENABLE`/`DISABLE`, `[NO] FORCE ROW LEVEL SECURITY`), its
 * persistence (`SET LOGGED` / `SET UNLOGGED`) and its storage parameters (`SET (…)` / `RESET (…)`).
 * The collation is what columns added later get; existing columns keep theirs (autogenerate
 * alters each character column by name). An absent field is left alone; the `existing*`
 * fields make it reversible.
 */
export interface AlterTableOptionsOp extends OnTable {
  kind: "alterTableOptions";
  collation?: string;
  engine?: string;
  rowLevelSecurity?: RowLevelSecurity;
  existingCollation?: string;
  existingEngine?: string;
  existingRowLevelSecurity?: RowLevelSecurity;
  /** PostgreSQL: true makes the table UNLOGGED (`SET UNLOGGED`), false LOGGED (`SET LOGGED`). */
  unlogged?: boolean;
  existingUnlogged?: boolean;
  /**
   * PostgreSQL storage parameters to change, by lower-case name (`toast.` for the TOAST
   * table's): a value (as reloptions holds it) to `SET (…)`, null to `RESET (…)`.
   */
  storageParameters?: Record<string, string | null>;
  /** The same names, each as it was (null: not set). */
  existingStorageParameters?: Record<string, string | null>;
}

/**
 * PostgreSQL `ALTER INDEX … SET (…)` / `RESET (…)`: an index's storage parameters changed in
 * place (no rebuild; a new fillfactor reaches pages as they are written). `using` is the index's
 * method, whose parameters the values are checked against; `existingStorageParameters` makes it reversible.
 */
export interface AlterIndexOptionsOp extends OnTable {
  kind: "alterIndexOptions";
  name: string;
  using?: string | null;
  storageParameters: Record<string, string | null>;
  existingStorageParameters?: Record<string, string | null>;
}

export interface CreateForeignKeyOp extends OnTable {
  kind: "createForeignKey";
  constraint: ForeignKeySchema;
}

export interface CreateUniqueConstraintOp extends OnTable {
  kind: "createUniqueConstraint";
  constraint: UniqueSchema;
}

export interface CreateCheckConstraintOp extends OnTable {
  kind: "createCheckConstraint";
  constraint: CheckSchema;
}

/** Adds a PostgreSQL exclusion constraint (`ALTER TABLE … ADD … EXCLUDE USING …`). */
export interface CreateExclusionConstraintOp extends OnTable {
  kind: "createExclusionConstraint";
  constraint: ExclusionSchema;
}

/** The constraint removed by a dropConstraint, with its kind so it can be recreated. */
export type ExistingConstraint =
  | { type: "primaryKey"; constraint: PrimaryKeySchema }
  | { type: "foreignKey"; constraint: ForeignKeySchema }
  | { type: "unique"; constraint: UniqueSchema }
  | { type: "check"; constraint: CheckSchema }
  | { type: "exclusion"; constraint: ExclusionSchema };

/** The constraints that can be added NOT VALID and validated later (PostgreSQL). */
export type ValidatableConstraint = Extract<ExistingConstraint, { type: "foreignKey" | "check" }>;

/**
 * PostgreSQL `ALTER TABLE … VALIDATE CONSTRAINT`: a foreign key or check added NOT VALID checks
 * the rows already there and becomes valid, without being dropped (a SHARE UPDATE EXCLUSIVE
 * lock, so writes go on). `existing` is the constraint as it stands, NOT VALID, which the reverse
 * needs: PostgreSQL cannot make a valid constraint NOT VALID again but by dropping and adding it.
 */
export interface ValidateConstraintOp extends OnTable {
  kind: "validateConstraint";
  name: string;
  type: ValidatableConstraint["type"];
  existing?: ValidatableConstraint;
}

export interface DropConstraintOp extends OnTable {
  kind: "dropConstraint";
  name: string;
  /** Needed by MySQL (DROP FOREIGN KEY vs DROP INDEX vs DROP CHECK) and for reverse. */
  type: ExistingConstraint["type"];
  existing?: ExistingConstraint;
}

export interface CreateTableCommentOp extends OnTable {
  kind: "createTableComment";
  comment: string;
  existingComment?: string | null;
}

export interface DropTableCommentOp extends OnTable {
  kind: "dropTableComment";
  existingComment?: string | null;
}

/** What setComment comments: an index, a table's constraint, or an enum type. */
export type CommentedKind = "index" | "constraint" | "enum";

/**
 * Sets or removes the comment of an index, a constraint or an enum type (PostgreSQL
 * `COMMENT ON INDEX | CONSTRAINT … ON table | TYPE … IS …`; a null comment is `IS NULL`). `table`
 * names the table of an index or constraint (an enum has none). `existingComment` is the comment
 * before (null: none), which makes the reverse the same operation the other way. Creating an
 * index, constraint or enum writes its comment itself; this is the change of one that exists.
 */
export interface SetCommentOp {
  kind: "setComment";
  on: CommentedKind;
  schema?: string | null;
  table?: string;
  name: string;
  comment: string | null;
  existingComment?: string | null;
}

export interface CreateEnumOp {
  kind: "createEnum";
  enum: EnumSchema;
}

export interface DropEnumOp {
  kind: "dropEnum";
  schema?: string | null;
  name: string;
  existing?: EnumSchema;
}

export interface AddEnumValueOp {
  kind: "addEnumValue";
  schema?: string | null;
  name: string;
  value: string;
  before?: string;
  after?: string;
  /** The full value list before the change, so the addition can be reversed by rebuilding the type. */
  existingValues?: string[];
}

export interface RenameEnumValueOp {
  kind: "renameEnumValue";
  schema?: string | null;
  name: string;
  from: string;
  to: string;
}

/** CREATE SCHEMA (PostgreSQL): the namespace tables, enums and objects with `schema: name` live in. */
export interface CreateSchemaOp {
  kind: "createSchema";
  name: string;
}

/**
 * DROP SCHEMA (PostgreSQL), without CASCADE: the database refuses while anything is left in it,
 * so a drop never takes unmodelled objects along. Reversed by createSchema.
 */
export interface DropSchemaOp {
  kind: "dropSchema";
  name: string;
}

/** Creates a view, function, trigger, extension, sequence… (see catalog/objects). */
export interface CreateObjectOp {
  kind: "createObject";
  object: DatabaseObject;
}

/** Drops one; `object` is the object as it was, so the drop is always reversible. */
export interface DropObjectOp {
  kind: "dropObject";
  object: DatabaseObject;
}

/**
 * Changes an object's definition: CREATE OR REPLACE where the dialect allows it for the kind,
 * else a drop and a create. `existing` is the definition before, for the reverse.
 */
export interface ReplaceObjectOp {
  kind: "replaceObject";
  object: DatabaseObject;
  existing: DatabaseObject;
}

/**
 * Raw SQL. A plain string runs verbatim; a SqlFragment (from the `sql` tagged template) binds its
 * values through the dialect's placeholders, never splicing them into the text.
 */
export interface ExecuteOp {
  kind: "execute";
  sql: string | SqlFragment;
  /** SQL that undoes it, if the author supplied one; without it the operation is irreversible. */
  reverse?: string | SqlFragment;
}

export interface BulkInsertOp extends OnTable {
  kind: "bulkInsert";
  rows: Record<string, unknown>[];
  /** Column types, when known, so values can be converted (booleans, JSON, dates). */
  columns?: Pick<ColumnSchema, "name" | "type">[];
}

/**
 * Several changes to one table applied together. On SQLite they become one table rebuild where
 * any of them needs it; elsewhere they compile one by one.
 */
export interface BatchAlterTableOp extends OnTable {
  kind: "batchAlterTable";
  operations: TableLevelOperation[];
  /** "auto": rebuild only when needed (SQLite); "always": rebuild anyway; "never": refuse to rebuild. */
  recreate?: "auto" | "always" | "never";
}

/** Every operation. */
export type Operation =
  | CreateTableOp
  | DropTableOp
  | RenameTableOp
  | AddColumnOp
  | DropColumnOp
  | AlterColumnOp
  | CreateIndexOp
  | DropIndexOp
  | CreatePrimaryKeyOp
  | ReplacePrimaryKeyOp
  | AlterTableOptionsOp
  | AlterIndexOptionsOp
  | CreateForeignKeyOp
  | CreateUniqueConstraintOp
  | CreateCheckConstraintOp
  | CreateExclusionConstraintOp
  | ValidateConstraintOp
  | DropConstraintOp
  | CreateTableCommentOp
  | DropTableCommentOp
  | SetCommentOp
  | CreateEnumOp
  | DropEnumOp
  | AddEnumValueOp
  | RenameEnumValueOp
  | CreateSchemaOp
  | DropSchemaOp
  | CreateObjectOp
  | DropObjectOp
  | ReplaceObjectOp
  | ExecuteOp
  | BulkInsertOp
  | BatchAlterTableOp;

/** The discriminant of Operation: the keys of every exhaustive dispatch table. */
export type OperationKind = Operation["kind"];

/** The operation with the given kind. */
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/** Operations that can sit inside a batchAlterTable (they all act on that one table). */
export type TableLevelOperation =
  | AddColumnOp
  | DropColumnOp
  | AlterColumnOp
  | CreateIndexOp
  | DropIndexOp
  | CreatePrimaryKeyOp
  | ReplacePrimaryKeyOp
  | AlterTableOptionsOp
  | AlterIndexOptionsOp
  | CreateForeignKeyOp
  | CreateUniqueConstraintOp
  | CreateCheckConstraintOp
  | CreateExclusionConstraintOp
  | ValidateConstraintOp
  | DropConstraintOp
  | CreateTableCommentOp
  | DropTableCommentOp;

const TABLE_LEVEL_KINDS: ReadonlySet<OperationKind> = new Set<OperationKind>([
  "addColumn",
  "dropColumn",
  "alterColumn",
  "createIndex",
  "dropIndex",
  "createPrimaryKey",
  "replacePrimaryKey",
  "alterTableOptions",
  "alterIndexOptions",
  "createForeignKey",
  "createUniqueConstraint",
  "createCheckConstraint",
  "createExclusionConstraint",
  "validateConstraint",
  "dropConstraint",
  "createTableComment",
  "dropTableComment",
]);

/** True for the operations that can sit inside a batchAlterTable. */
export function isTableLevel(op: Operation): op is TableLevelOperation {
  return TABLE_LEVEL_KINDS.has(op.kind);
}

/** A dispatch table over every operation kind; missing a kind is a compile error. */
export type OperationTable<R> = { [K in OperationKind]: (op: OperationOf<K>) => R };
