/**
 * ColumnBuilder: the fluent, immutable description of one column that `schema.ts` files and
 * revision files write (`varchar(255).notNull().unique()`). Every method returns a new builder,
 * so a builder kept in a variable can be reused in several tables without surprises.
 */
import { MigrateError } from "../errors.js";
import type { ColumnGeneration, ColumnSequenceOptions, ColumnType, DefaultValue, ReferentialAction } from "../catalog/types.js";
import { sequenceOptionsFromInput, type SequenceOptionsInput } from "../catalog/sequence-options.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";
import { keyDefinitionOptions, type KeyDefinitionOptions, type PrimaryKeyOptions, type UniqueOptions } from "./constraints.js";
import { sqlTextOf, type SqlText } from "./sql-text.js";
import type { TableTarget } from "./table.js";

/** A default as written by users: a literal (quoted by the dialect) or an `sql` expression. */
export type DefaultInput = string | number | boolean | null | SqlFragment;

/** A JSON document a json or jsonb column may take as its default. */
export type JsonDocument = { readonly [key: string]: unknown } | readonly unknown[];

/** Column types that accept `.unsigned()` (MySQL). */
export type UnsignableType = Extract<ColumnType, { kind: "smallint" | "integer" | "bigint" | "numeric" }>;

/** Options of a column-level or table-level foreign key. */
export interface ReferenceOptions {
  /**
   * Constraint name; the naming convention supplies one when absent. `null` declares the
   * constraint without a name, leaving the choice to the database (SQLite keeps it unnamed).
   */
  name?: string | null;
  /** ON DELETE; written before or after ON UPDATE in the order these two keys are given (SQLite keeps it). */
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  /** PostgreSQL `MATCH FULL` (all key columns NULL, or none); the default is MATCH SIMPLE. */
  match?: "FULL" | "SIMPLE";
  /** PostgreSQL 15: the columns `onDelete: "SET NULL"` / `"SET DEFAULT"` sets (default: every referencing column). */
  onDeleteColumns?: readonly string[];
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  /**
   * PostgreSQL: the foreign key is added `NOT VALID`, so rows already in the table are not
   * checked (new and updated rows are) until `VALIDATE CONSTRAINT`, which autogenerate writes
   * when the option is taken away. The other dialects refuse it.
   */
  notValid?: boolean;
  /** Schema of the referenced table when it is given by name; defaults to the referencing table's schema. */
  referencedSchema?: string | null;
  /** PostgreSQL COMMENT ON CONSTRAINT; MySQL and SQLite refuse it. */
  comment?: string;
}

/** Options of an identity column: GENERATED ALWAYS (else BY DEFAULT) and its sequence's options. */
export interface IdentityOptions extends SequenceOptionsInput {
  always?: boolean;
}

/** Sequence options as the catalog holds them; a value that is no whole number is a model error. */
function modelSequenceOptions(options: SequenceOptionsInput | undefined, what: string): ColumnSequenceOptions | undefined {
  const parsed = sequenceOptionsFromInput(options && Object.keys(options).length > 0 ? options : undefined);
  if (typeof parsed === "string") throw new MigrateError("model", `${what}: ${parsed}.`, { hint: "Pass sequence options as whole numbers, e.g. { start: 1000, increment: 5 }." });
  return parsed;
}

/** A column-level `.references(...)`. */
export interface ColumnReference {
  readonly target: TableTarget;
  readonly column: string;
  readonly options: ReferenceOptions;
}

/** Everything a builder has recorded; read by the model loader and the `op` façade. */
export interface ColumnDefinition<T extends ColumnType = ColumnType> {
  readonly type: T;
  /** Explicit nullability: undefined when neither notNull() nor nullable() was called. */
  readonly nullable: boolean | undefined;
  readonly primaryKey: boolean;
  /**
   * The options given to `.primaryKey({ … })`: its name (`unnamed` when `{ name: null }` asked for
   * none) and the PostgreSQL ones (deferrable, initially deferred, INCLUDE columns) when set.
   */
  readonly primaryKeyOptions?: ({ readonly name: string | null; readonly unnamed?: boolean } & KeyDefinitionOptions) | null;
  /** `.primaryKey({ descending: true })`: SQLite's `PRIMARY KEY DESC` in the column's definition. */
  readonly primaryKeyDescending?: boolean;
  /**
   * The comment of the enum type a column made by `enumType(…).column()` uses, so that a model
   * that only uses the enum in its columns (without listing it) keeps the type's comment too.
   */
  readonly enumComment?: string;
  /**
   * A column-level unique constraint, with its explicit name if one was given; `unnamed` when
   * `{ name: null }` asked for none; the PostgreSQL flags (deferrable, NULLS NOT DISTINCT) when set.
   */
  readonly unique: ({ readonly name: string | null; readonly unnamed?: boolean } & KeyDefinitionOptions) | null;
  /** undefined: no default. */
  readonly default: DefaultValue | undefined;
  readonly generated: ColumnGeneration | null;
  readonly comment: string | null;
  readonly onUpdate: string | null;
  readonly collation: string | null;
  /** The schema of `collation` (PostgreSQL `COLLATE s.c`); null: found through the search path. */
  readonly collationSchema: string | null;
  readonly references: ColumnReference | null;
}

/** Converts a user-written default into the neutral DefaultValue. */
export function toDefaultValue(value: DefaultInput, what = "a column default"): DefaultValue {
  if (isSqlFragment(value)) return { kind: "sql", sql: sqlTextOf(value, what) };
  if (value !== null && typeof value === "object") {
    throw new MigrateError("model", `The default of ${what} is an object or array, which only a json or jsonb column takes as a default.`, {
      hint: "Give a json/jsonb column its document (.default({ theme: \"dark\" })); elsewhere pass a string, number, boolean, null or an sql`…` expression.",
    });
  }
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean" && value !== null) {
    throw new MigrateError("model", `The default of ${what} is a ${typeof value}, not a value a column can hold as its default.`, {
      hint: "Pass a string, number, boolean, null or an sql`…` expression.",
    });
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new MigrateError("model", `The default ${String(value)} for ${what} is not a finite number.`, {
      hint: "Use a finite number, or an sql`…` expression if the database has a special value for it.",
    });
  }
  return { kind: "literal", value };
}

function requireText(value: string, method: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new MigrateError("model", `${method} needs a non-empty string.`, { hint: `Pass the text to ${method}, e.g. ${method.replace("()", '("…")')}.` });
  }
  return value;
}

/** The fluent column description. Create one with a type factory such as `integer()` or `varchar(255)`. */
export class ColumnBuilder<T extends ColumnType = ColumnType> {
  /** Brand that identifies builders even across duplicated copies of athanor. */
  readonly athanorKind = "column" as const;
  /** What this builder has recorded. */
  readonly definition: ColumnDefinition<T>;

  /** Prefer the type factories (`integer()`, `text()`, `column(type)`); this is their common base. */
  constructor(type: T, definition?: Partial<ColumnDefinition<T>>) {
    this.definition = {
      type,
      nullable: undefined,
      primaryKey: false,
      unique: null,
      default: undefined,
      generated: null,
      comment: null,
      onUpdate: null,
      collation: null,
      collationSchema: null,
      references: null,
      ...definition,
    };
  }

  private with(patch: Partial<ColumnDefinition<T>>): ColumnBuilder<T> {
    return new ColumnBuilder<T>(this.definition.type, { ...this.definition, ...patch });
  }

  /** NOT NULL. */
  notNull(): ColumnBuilder<T> {
    return this.with({ nullable: false });
  }

  /** Explicitly nullable (the default for columns outside the primary key). */
  nullable(): ColumnBuilder<T> {
    return this.with({ nullable: true });
  }

  /**
   * Part of the primary key (several columns marked this way form a composite key, in column
   * order). Implies NOT NULL unless `.nullable()` (only SQLite honours that). On one column the
   * key is declared in the column's definition and takes the options of `primaryKey([...])`:
   * `name` (`null`: no name at all), and PostgreSQL's `deferrable`, `initiallyDeferred` and
   * `include`. A composite key takes its options in `primaryKey([...])` instead. `descending` is
   * SQLite's `PRIMARY KEY DESC` (on an INTEGER column: no rowid alias), a one-column key's only;
   * the other dialects refuse it.
   */
  primaryKey(options: PrimaryKeyOptions & { descending?: boolean } = {}): ColumnBuilder<T> {
    const flags = keyDefinitionOptions({ deferrable: options.deferrable, initiallyDeferred: options.initiallyDeferred, include: options.include, comment: options.comment });
    const given = options.name !== undefined || Object.keys(flags).length > 0;
    const named = given ? { name: options.name ?? null, ...(options.name === null ? { unnamed: true } : {}), ...flags } : null;
    return this.with({ primaryKey: true, primaryKeyOptions: named, ...(options.descending ? { primaryKeyDescending: true } : {}) });
  }

  /**
   * A single-column unique constraint, named `<table>_<column>_key` unless `name` is given
   * (`null`: no name at all); `deferrable`, `initiallyDeferred` and `nullsNotDistinct` are PostgreSQL's.
   */
  unique(options: UniqueOptions = {}): ColumnBuilder<T> {
    return this.with({ unique: { name: options.name ?? null, ...(options.name === null ? { unnamed: true } : {}), ...keyDefinitionOptions(options) } });
  }

  /**
   * Server default: a literal (quoted by the dialect) or an expression written with `sql`; a
   * json or jsonb column also takes its document as an object or array (`.default({})`).
   */
  default(value: DefaultInput | JsonDocument): ColumnBuilder<T> {
    const type = this.definition.type.kind;
    if ((type === "json" || type === "jsonb") && value !== null && typeof value === "object" && !isSqlFragment(value)) {
      return this.with({ default: { kind: "literal", value: JSON.stringify(value) } });
    }
    return this.with({ default: toDefaultValue(value as DefaultInput) });
  }

  /** Column comment (ignored by SQLite, which has none). */
  comment(text: string): ColumnBuilder<T> {
    return this.with({ comment: text });
  }

  /**
   * A foreign key to `column` of another table. The target is the table object, a function
   * returning it (for tables defined later or referencing each other), or its name.
   */
  references(target: TableTarget, column: string, options: ReferenceOptions = {}): ColumnBuilder<T> {
    if (column === undefined) {
      // Written as drizzle writes it (`() => users.id`): say how athanor's form goes.
      throw new MigrateError("model", "references() names the target table and then its column; no column was given.", {
        hint: 'Write .references(() => users, "id") (or .references("users", "id")): the table, then the name of the column it points to.',
      });
    }
    return this.with({ references: { target, column: requireText(column, "references()"), options: { ...options } } });
  }

  /**
   * Database-generated increasing values: serial on PostgreSQL, AUTO_INCREMENT on MySQL,
   * AUTOINCREMENT on SQLite. PostgreSQL also keeps options of the serial's sequence
   * (`autoIncrement({ start: 1000, increment: 5 })`); the other databases refuse them.
   */
  autoIncrement(options?: SequenceOptionsInput): ColumnBuilder<T> {
    const sequence = modelSequenceOptions(options, "autoIncrement()");
    return this.with({ generated: { kind: "autoincrement", ...(sequence ? { sequence } : {}) } });
  }

  /**
   * An identity column (PostgreSQL GENERATED ALWAYS/BY DEFAULT AS IDENTITY, with its sequence
   * options: `identity({ start: 1000, increment: 5 })`); other dialects use autoincrement.
   */
  identity(options: IdentityOptions = {}): ColumnBuilder<T> {
    const { always, ...rest } = options;
    const sequence = modelSequenceOptions(rest, "identity()");
    return this.with({ generated: { kind: "identity", always: always ?? false, ...(sequence ? { sequence } : {}) } });
  }

  /** A computed column `GENERATED ALWAYS AS (expression)`; stored by default because PostgreSQL supports only stored ones. */
  generated(expression: SqlText, options: { stored?: boolean } = {}): ColumnBuilder<T> {
    const sqlText = requireText(sqlTextOf(expression, "a generated column"), "generated()");
    return this.with({ generated: { kind: "computed", sql: sqlText, stored: options.stored ?? true } });
  }

  /** MySQL `ON UPDATE <expression>` (typically CURRENT_TIMESTAMP); ignored elsewhere. */
  onUpdate(expression: SqlText): ColumnBuilder<T> {
    return this.with({ onUpdate: requireText(sqlTextOf(expression, "an ON UPDATE clause"), "onUpdate()") });
  }

  /** Column collation; `{ schema }` names the PostgreSQL schema it lives in (`COLLATE s.c`). */
  collate(collation: string, options: { schema?: string | null } = {}): ColumnBuilder<T> {
    const schema = options.schema === undefined || options.schema === null ? null : requireText(options.schema, "collate() schema");
    return this.with({ collation: requireText(collation, "collate()"), collationSchema: schema });
  }

  /** MySQL UNSIGNED for integer and numeric types; ignored by other dialects. */
  unsigned(this: ColumnBuilder<UnsignableType>): ColumnBuilder<T> {
    const type = this.definition.type;
    if (!["smallint", "integer", "bigint", "numeric"].includes(type.kind)) {
      throw new MigrateError("model", `unsigned() applies to integer and numeric columns, not ${type.kind}.`, {
        hint: "Remove .unsigned() or use smallint(), integer(), bigint() or numeric().",
      });
    }
    return new ColumnBuilder(type, { ...this.definition, type: { ...type, unsigned: true } }) as unknown as ColumnBuilder<T>;
  }
}

/** True for a column builder (also one created by another copy of athanor). */
export function isColumnBuilder(value: unknown): value is ColumnBuilder {
  return value instanceof ColumnBuilder || (typeof value === "object" && value !== null && (value as { athanorKind?: unknown }).athanorKind === "column" && "definition" in value);
}
