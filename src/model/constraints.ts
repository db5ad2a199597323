/**
 * Table-level constraint and index helpers used in a table's extras (and by `op.createTable`).
 * Column lists are typed against the table's columns when written inside `table(...)`, so a
 * misspelt column is a compile error there and a model error at load time everywhere else.
 */
import type { ConstraintTiming, IndexElementOptions } from "../catalog/types.js";
import type { StorageParameterValue } from "../catalog/storage-parameters.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";
import type { ReferenceOptions } from "./column-builder.js";
import { commentField } from "../catalog/types.js";
import type { SqlText } from "./sql-text.js";
import type { TableTarget } from "./table.js";
import { MigrateError } from "../errors.js";

/**
 * The list a definition's first argument must be. A string there is the name written first, as
 * drizzle writes `index("items_name").on(…)`: spread as it is, it would become one column per
 * letter, so it is refused with the form athanor takes.
 */
function listArgument<T>(value: readonly T[], fn: string, example: string): readonly T[] {
  if (Array.isArray(value)) return value;
  throw new MigrateError("model", `${fn}() takes the list of ${fn === "index" || fn === "exclude" ? "its elements" : "its columns"} first${typeof value === "string" ? `, not a name ("${value}")` : ""}.`, {
    hint: `Write ${example}: the list first, then the options (the name among them).`,
  });
}

/**
 * One element of an index: a column name, an `sql` expression, or either with its options —
 * order, `nulls: "first" | "last"`, `collation` (with `collationSchema`), `opclass` (with
 * `opclassSchema`), and for a column a prefix `length` (MySQL).
 */
export type IndexElementInput<N extends string = string> =
  | N
  | SqlFragment
  | ({ column: N; length?: number } & IndexElementOptions)
  | ({ expression: SqlText } & IndexElementOptions);

/**
 * The comment option of an index, a constraint or an enum type: PostgreSQL's COMMENT ON INDEX /
 * CONSTRAINT / TYPE, MySQL's index COMMENT. Absent or empty: no comment.
 */
export interface CommentOption {
  comment?: string;
}

/** Options of `index(...)`. */
export interface IndexOptions extends CommentOption {
  /** Index name; the naming convention supplies `ix_<table>_<columns>` (or `ux_…`) when absent. */
  name?: string;
  unique?: boolean;
  /** Partial-index predicate (PostgreSQL, SQLite). */
  where?: SqlText;
  /** Access method, e.g. "gin" (PostgreSQL). */
  using?: string;
  /** PostgreSQL 15 `NULLS NOT DISTINCT` (a unique index then allows one NULL). */
  nullsNotDistinct?: boolean;
  /** PostgreSQL `INCLUDE (…)`: non-key columns stored in the index (a covering index). */
  include?: readonly string[];
  /**
   * PostgreSQL storage parameters of the index (`CREATE INDEX … WITH (…)`), by the index
   * method's documented names: btree `fillfactor`, `deduplicate_items`; gin `fastupdate`,
   * `gin_pending_list_limit`; gist `fillfactor`, `buffering`; brin `pages_per_range`,
   * `autosummarize`; hash and spgist `fillfactor`. E.g. `with: { fillfactor: 80 }`.
   */
  with?: Readonly<Record<string, StorageParameterValue>>;
}

/** An index declared with `index(...)`. */
export interface IndexDefinition<N extends string = string> {
  readonly athanorKind: "index";
  readonly elements: readonly IndexElementInput<N>[];
  readonly options: IndexOptions;
}

/**
 * The name option of a constraint: a string, absent for the naming convention's name, or `null`
 * for no name at all (the database's own choice; SQLite keeps such a constraint unnamed).
 */
export interface ConstraintNameOption {
  name?: string | null;
}

/** Options of a key's own index (PostgreSQL 11+): columns it stores beside the key. */
export interface KeyIndexOptions {
  /** PostgreSQL `INCLUDE (…)`: non-key columns stored in the key's index (not part of the key). */
  include?: readonly string[];
}

/** Options of `primaryKey(...)` and `.primaryKey()`: its name, when it is checked (PostgreSQL DEFERRABLE), its index's INCLUDE columns. */
export interface PrimaryKeyOptions extends ConstraintNameOption, ConstraintTiming, KeyIndexOptions, CommentOption {}

/** Options of `unique(...)` and `.unique()`: name, timing, PostgreSQL 15 NULLS NOT DISTINCT, INCLUDE columns. */
export interface UniqueOptions extends ConstraintNameOption, ConstraintTiming, KeyIndexOptions, CommentOption {
  nullsNotDistinct?: boolean;
}

/** What a definition keeps of ConstraintTiming and NULLS NOT DISTINCT (only the fields set true). */
export interface ConstraintFlags {
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly nullsNotDistinct?: boolean;
}

/** What a key's definition keeps besides its columns and name: its flags and, when it lists any, its INCLUDE columns. */
export interface KeyDefinitionOptions extends ConstraintFlags {
  readonly include?: readonly string[];
  readonly comment?: string;
}

/** A unique constraint declared with `unique(...)`. */
export interface UniqueDefinition<N extends string = string> extends KeyDefinitionOptions {
  readonly athanorKind: "unique";
  readonly columns: readonly N[];
  readonly name: string | null;
  /** `{ name: null }` was given: leave it without a name. */
  readonly unnamed?: boolean;
}

/** A check constraint declared with `check(...)`. */
export interface CheckDefinition {
  readonly athanorKind: "check";
  readonly expression: SqlText;
  readonly name: string | null;
  /** Declared in this column's definition (see CheckConstraintOptions.column). */
  readonly column?: string;
  /** PostgreSQL `NOT VALID` (see CheckConstraintOptions.notValid). */
  readonly notValid?: boolean;
  /** PostgreSQL COMMENT ON CONSTRAINT (see CommentOption). */
  readonly comment?: string;
  /** `{ name: null }` was given: leave it without a name. */
  readonly unnamed?: boolean;
}

/** A primary key declared with `primaryKey(...)`. */
export interface PrimaryKeyDefinition<N extends string = string> extends KeyDefinitionOptions {
  readonly athanorKind: "primaryKey";
  readonly columns: readonly N[];
  readonly name: string | null;
  /** `{ name: null }` was given: leave it without a name. */
  readonly unnamed?: boolean;
}

/** A foreign key declared with `foreignKey(...)`. */
export interface ForeignKeyDefinition<N extends string = string> {
  readonly athanorKind: "foreignKey";
  readonly columns: readonly N[];
  readonly target: TableTarget;
  readonly referencedColumns: readonly string[];
  readonly options: ReferenceOptions;
}

/** The column names an index's element list mentions (for typing against the table's columns). */
export type IndexColumnsOf<E extends readonly IndexElementInput[]> = E[number] extends infer X
  ? X extends string
    ? X
    : X extends { column: infer C extends string }
      ? C
      : never
  : never;

/** An index on columns and/or expressions: `index(["user_id"])`, `index([sql\`lower(email)\`], { unique: true })`. */
export function index<const E extends readonly IndexElementInput[]>(elements: E, options: IndexOptions = {}): IndexDefinition<IndexColumnsOf<E>> {
  const list = listArgument(elements, "index", 'index(["name"], { name: "items_name" })');
  return { athanorKind: "index", elements: [...list] as IndexElementInput<IndexColumnsOf<E>>[], options: { ...options } };
}

/** `name` and, for `{ name: null }`, the `unnamed` flag of a definition. */
function nameFields(options: ConstraintNameOption): { name: string | null; unnamed?: boolean } {
  return options.name === null ? { name: null, unnamed: true } : { name: options.name ?? null };
}

/** The flags of `options` that are set, so an unset one is absent (not `false`) in the definition. */
export function constraintFlags(options: UniqueOptions): ConstraintFlags {
  return {
    ...(options.deferrable ? { deferrable: true } : {}),
    ...(options.initiallyDeferred ? { initiallyDeferred: true } : {}),
    ...(options.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  };
}

/** constraintFlags, `include` when `options` lists INCLUDE columns, and the comment when given. */
export function keyDefinitionOptions(options: UniqueOptions): KeyDefinitionOptions {
  return { ...constraintFlags(options), ...(options.include && options.include.length > 0 ? { include: [...options.include] } : {}), ...commentField(options.comment) };
}

/** A unique constraint over one or more columns; `{ deferrable, initiallyDeferred, nullsNotDistinct }` are PostgreSQL's. */
export function unique<N extends string = never>(columns: readonly N[], options: UniqueOptions = {}): UniqueDefinition<NoInfer<N>> {
  const list = listArgument(columns, "unique", 'unique(["email"], { name: "users_email_key" })');
  return { athanorKind: "unique", columns: [...list], ...nameFields(options), ...keyDefinitionOptions(options) };
}

/** Options of `check(...)`: its name, and the column whose definition it is written in. */
export interface CheckConstraintOptions extends ConstraintNameOption, CommentOption {
  /**
   * Write the check in this column's definition (`"qty" integer CHECK (qty > 0)`) instead of
   * among the table's constraints, as SQLite and MariaDB keep it. Absent: a table constraint.
   */
  column?: string;
  /**
   * PostgreSQL: the check was added `NOT VALID`, so rows already in the table were never checked
   * (new and updated rows are). athanor adds it that way; the other dialects refuse it.
   */
  notValid?: boolean;
}

/** A check constraint; `expression` is the SQL condition without `CHECK ( )`. */
export function check(expression: SqlText, options: CheckConstraintOptions = {}): CheckDefinition {
  if (typeof options === "string" || isSqlFragment(options)) {
    // check("price_positive", sql`price > 0`), drizzle's order: the name would become the expression.
    throw new MigrateError("model", "check() takes the expression first, then its options; it was given a name and then an expression.", {
      hint: 'Write check(sql`price > 0`, { name: "price_positive" }).',
    });
  }
  return { athanorKind: "check", expression, ...nameFields(options), ...(options.column !== undefined ? { column: options.column } : {}), ...(options.notValid ? { notValid: true } : {}), ...commentField(options.comment) };
}

/**
 * One element of `exclude(...)`: `[element, operator]`, the element written as in `index(...)`
 * (a column name, sql`expr`, or `{ column | expression, …options }`), or the element's object
 * with its `operator` in it: `{ expression: "tstzrange(starts, ends)", operator: "&&" }`.
 */
export type ExclusionElementInput<N extends string = string> =
  | readonly [IndexElementInput<N>, string]
  | ({ column: N; operator: string } & IndexElementOptions)
  | ({ expression: SqlText; operator: string } & IndexElementOptions);

/** Options of `exclude(...)`: name, index method, predicate, INCLUDE columns and timing (all PostgreSQL's). */
export interface ExclusionOptions extends ConstraintNameOption, ConstraintTiming, CommentOption {
  /** The index access method, e.g. "gist" (needed for range overlap `&&`); PostgreSQL's default is "btree". */
  using?: string;
  /** `WHERE (…)`: only rows satisfying it are constrained, e.g. "NOT cancelled". */
  where?: SqlText;
  /** `INCLUDE (…)`: non-key columns stored in the constraint's index. */
  include?: readonly string[];
}

/** An exclusion constraint declared with `exclude(...)`. */
export interface ExclusionDefinition<N extends string = string> {
  readonly athanorKind: "exclusion";
  readonly elements: readonly ExclusionElementInput<N>[];
  readonly options: ExclusionOptions;
}

/** The column names an exclusion's element list mentions (for typing against the table's columns). */
export type ExclusionColumnsOf<E extends readonly ExclusionElementInput[]> = E[number] extends infer X
  ? X extends readonly [infer I, string]
    ? I extends string
      ? I
      : I extends { column: infer C extends string }
        ? C
        : never
    : X extends { column: infer C extends string }
      ? C
      : never
  : never;

/**
 * A PostgreSQL exclusion constraint: no two rows may match on every element's operator at once.
 * `exclude([["room_id", "="], ["during", "&&"]], { using: "gist", where: "NOT cancelled" })` is
 * `EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled)`; `=` on a scalar
 * column under gist needs the btree_gist extension (`extension("btree_gist")`). MySQL and
 * SQLite have no exclusion constraints and refuse it.
 */
export function exclude<const E extends readonly ExclusionElementInput[]>(elements: E, options: ExclusionOptions = {}): ExclusionDefinition<ExclusionColumnsOf<E>> {
  const list = listArgument(elements, "exclude", 'exclude([{ column: "room", operator: "=" }, { column: "during", operator: "&&" }], { name: "no_overlap", using: "gist" })');
  return { athanorKind: "exclusion", elements: [...list] as ExclusionElementInput<ExclusionColumnsOf<E>>[], options: { ...options } };
}

/** A (composite) primary key; its columns are NOT NULL unless marked `.nullable()` (which only SQLite honours). */
export function primaryKey<N extends string = never>(columns: readonly N[], options: PrimaryKeyOptions = {}): PrimaryKeyDefinition<NoInfer<N>> {
  const list = listArgument(columns, "primaryKey", 'primaryKey(["order_id", "line"], { name: "order_lines_pkey" })');
  return { athanorKind: "primaryKey", columns: [...list], ...nameFields(options), ...keyDefinitionOptions({ deferrable: options.deferrable, initiallyDeferred: options.initiallyDeferred, include: options.include, comment: options.comment }) };
}

/**
 * A (composite) foreign key: `foreignKey(["user_id"], () => users, ["id"], { onDelete: "CASCADE" })`.
 * The target is a table object, a function returning one, or a table name.
 */
export function foreignKey<N extends string = never>(
  columns: readonly N[],
  target: TableTarget,
  referencedColumns: readonly string[],
  options: ReferenceOptions = {},
): ForeignKeyDefinition<NoInfer<N>> {
  const list = listArgument(columns, "foreignKey", 'foreignKey(["customer_id"], () => customers, ["id"], { name: "orders_customer_fkey" })');
  return { athanorKind: "foreignKey", columns: [...list], target, referencedColumns: [...referencedColumns], options: { ...options } };
}
