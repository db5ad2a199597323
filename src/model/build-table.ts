/**
 * Table definition → neutral TableSchema (before naming). Used by the model loader for every
 * `table(...)` and by `op.createTable`. Constraints the user left unnamed come out with
 * `name: null` (indexes with `name: ""`); `assignNames` fills them in afterwards, because the
 * model must reserve every explicit name in the schema before it generates any. Constraints
 * declared with `{ name: null }` are marked (unnamed.ts) and stay without a name.
 */
import { MigrateError } from "../errors.js";
import { ROW_LEVEL_SECURITY_VALUES, type ColumnSchema, type ExclusionElement, type ExclusionSchema, type ForeignKeySchema, type IndexElement, type IndexElementOptions, type IndexSchema, type ParentTable, type PartitionOf, type PrimaryKeySchema, type TableRowLevelSecurity, type TableSchema } from "../catalog/types.js";
import { isSqlFragment } from "../core/sql.js";
import { checkStorageParameters, isStorageParameterProblem, type StorageParameters, type StorageParameterScope } from "../catalog/storage-parameters.js";
import { buildColumn, columnLabel } from "./build-column.js";
import type { ReferenceOptions } from "./column-builder.js";
import { constraintFlags, type ExclusionDefinition, type ExclusionElementInput, type ForeignKeyDefinition, type KeyDefinitionOptions, type IndexDefinition, type IndexElementInput } from "./constraints.js";
import { commentOf } from "./comment-option.js";
import { sqlTextOf } from "./sql-text.js";
import { keepUnnamed } from "./unnamed.js";
import { isTableDefinition, type ColumnMap, type TableExtras, type TableTarget } from "./table.js";

/** A table to build: its name, columns and extras. */
export interface TableInput {
  name: string;
  columns: ColumnMap;
  extras?: TableExtras;
}

/** A resolved foreign key target. */
export interface ResolvedTarget {
  schema: string | null;
  name: string;
}

function modelError(message: string, hint: string): MigrateError {
  return new MigrateError("model", message, { hint });
}

/** `constraint`, marked to stay unnamed when `unnamed` (the user wrote `{ name: null }`). */
function unnamedIf<T extends object>(unnamed: boolean | undefined, constraint: T): T {
  return unnamed ? keepUnnamed(constraint) : constraint;
}

/** Checks that an optional explicit name, when given, is a non-empty string. */
function explicitName(name: string | null | undefined, what: string): string | null {
  if (name === undefined || name === null) return null;
  if (typeof name !== "string" || name.trim() === "") throw modelError(`The name given to ${what} is empty.`, "Give a non-empty name, or leave it out to use the naming convention.");
  return name;
}

/**
 * Where a foreign key points. A table given by name lives in `referencedSchema` when the option
 * is present (null meaning the default schema), otherwise in the referencing table's schema.
 */
export function resolveTarget(target: TableTarget, sourceSchema: string | null, options: ReferenceOptions, what: string): ResolvedTarget {
  if (typeof target === "string") {
    if (target.trim() === "") throw modelError(`The foreign key of ${what} names an empty table.`, "Pass the referenced table object or its name.");
    return { schema: options.referencedSchema !== undefined ? options.referencedSchema : sourceSchema, name: target };
  }
  const table: unknown = typeof target === "function" ? (target as () => unknown)() : target;
  if (!isTableDefinition(table)) {
    throw modelError(`The foreign key of ${what} does not point at a table.`, "Pass a table object, a function returning one (() => users), or a table name.");
  }
  return { schema: table.schema, name: table.name };
}

/** The options an element sets, each checked; unset ones stay absent. */
function elementOptions(element: IndexElementOptions, what: string): IndexElementOptions {
  const out: IndexElementOptions = {};
  if (element.descending) out.descending = true;
  if (element.nulls !== undefined) {
    if (element.nulls !== "first" && element.nulls !== "last") throw modelError(`An element of ${what} has nulls: ${JSON.stringify(element.nulls)}.`, 'Write nulls: "first" or nulls: "last".');
    out.nulls = element.nulls;
  }
  const names = ["collation", "collationSchema", "opclass", "opclassSchema"] as const;
  for (const key of names) {
    const value = element[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || value.trim() === "") throw modelError(`An element of ${what} has an empty ${key}.`, `Give ${key} as a non-empty name, or leave it out.`);
    out[key] = value;
  }
  if (out.collationSchema && !out.collation) throw modelError(`An element of ${what} names a collationSchema but no collation.`, "Give collation too, e.g. { column: \"name\", collation: \"c\", collationSchema: \"s\" }.");
  if (out.opclassSchema && !out.opclass) throw modelError(`An element of ${what} names an opclassSchema but no opclass.`, "Give opclass too, or leave opclassSchema out.");
  return out;
}

function indexElement(element: IndexElementInput, what: string): IndexElement {
  if (typeof element === "string") return { column: element };
  if (isSqlFragment(element)) return { expression: sqlTextOf(element, what) };
  if ("column" in element) return { column: element.column, ...(element.length !== undefined ? { length: element.length } : {}), ...elementOptions(element, what) };
  return { expression: sqlTextOf(element.expression, what), ...elementOptions(element, what) };
}

/** The INCLUDE columns of an index, each a non-empty name. */
function includedColumns(columns: readonly string[], what: string): string[] {
  for (const column of columns) {
    if (typeof column !== "string" || column.trim() === "") throw modelError(`The include list of ${what} has an empty column name.`, "List the columns to store in the index by name.");
  }
  return [...columns];
}

/** IndexSchema from an `index(...)` definition; name "" when unnamed. */
export function buildIndex(definition: IndexDefinition, table: string): IndexSchema {
  const what = `an index on table ${table}`;
  if (definition.elements.length === 0) throw modelError(`An index on table ${table} has no columns.`, "List the indexed columns or expressions, e.g. index([\"email\"]).");
  return {
    name: explicitName(definition.options.name, what) ?? "",
    elements: definition.elements.map((element) => indexElement(element, what)),
    unique: definition.options.unique ?? false,
    where: definition.options.where === undefined ? null : sqlTextOf(definition.options.where, `the WHERE of ${what}`),
    using: definition.options.using ?? null,
    ...(definition.options.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    ...(definition.options.include && definition.options.include.length > 0 ? { include: includedColumns(definition.options.include, what) } : {}),
    ...commentOf(definition.options.comment, what),
    ...storageParametersOf(definition.options.with, { of: "index", using: definition.options.using }, `${definition.options.name ? `Index ${definition.options.name}` : "An index"} on table ${table}`),
  };
}

/** One element of an exclusion constraint: the index element and its operator, both checked. */
function exclusionElement(input: ExclusionElementInput, what: string): ExclusionElement {
  let element: IndexElementInput;
  let operator: unknown;
  if (Array.isArray(input)) [element, operator] = input as readonly [IndexElementInput, string];
  else ({ operator, ...element } = input as Exclude<ExclusionElementInput, readonly unknown[]>);
  if (typeof operator !== "string" || operator.trim() === "") {
    throw modelError(`An element of ${what} has no operator.`, 'Give each element its operator: ["room_id", "="] or { expression: "tstzrange(starts, ends)", operator: "&&" }.');
  }
  // Written into the SQL as is (an operator is no identifier to quote), so only operator characters pass.
  if (!/^[+\-*/<>=~!@#%^&|`?]+$/.test(operator.trim())) {
    throw modelError(`An element of ${what} has the operator ${JSON.stringify(operator)}, which is not an operator name.`, 'Write the operator as PostgreSQL names it, e.g. "=", "&&" or "<>".');
  }
  const built = indexElement(element, what);
  if ("length" in built) throw modelError(`An element of ${what} has a prefix length.`, "Exclusion constraints are PostgreSQL's, which has no prefix indexes; index an expression instead.");
  return { ...built, operator: operator.trim() };
}

/** ExclusionSchema from an `exclude(...)` definition (or `op.createExclusionConstraint`); name null when unnamed. */
export function buildExclusion(definition: Omit<ExclusionDefinition, "athanorKind">, table: string): ExclusionSchema {
  const options = definition.options;
  const what = `the exclusion constraint ${options.name ? `${options.name} ` : ""}of table ${table}`;
  if (!Array.isArray(definition.elements) || definition.elements.length === 0) {
    throw modelError(`${what[0]!.toUpperCase()}${what.slice(1)} has no elements.`, 'List its elements with their operators, e.g. exclude([["room_id", "="], ["during", "&&"]], { using: "gist" }).');
  }
  if (options.name === null) throw modelError(`${what} is declared with name: null.`, "PostgreSQL names every exclusion constraint; give it a name or leave name out for the naming convention's.");
  if (options.using !== undefined && (typeof options.using !== "string" || options.using.trim() === "")) throw modelError(`${what} has an empty using.`, 'Name the index method, e.g. using: "gist".');
  return {
    name: explicitName(options.name, what),
    using: options.using?.trim() ?? "btree",
    elements: definition.elements.map((element) => exclusionElement(element, what)),
    ...(options.include && options.include.length > 0 ? { include: includedColumns(options.include, what) } : {}),
    ...(options.where === undefined ? {} : { where: sqlTextOf(options.where, `the WHERE of ${what}`) }),
    ...constraintFlags({ deferrable: options.deferrable, initiallyDeferred: options.initiallyDeferred }),
    ...commentOf(options.comment, what),
  };
}

/** ForeignKeySchema from the parts of a `foreignKey(...)` or `.references(...)`. */
export function buildForeignKey(
  columns: readonly string[],
  target: ResolvedTarget,
  referencedColumns: readonly string[],
  options: ReferenceOptions,
  table: string,
): ForeignKeySchema {
  const what = `the foreign key of table ${table} on (${columns.join(", ")})`;
  if (columns.length === 0) throw modelError(`A foreign key of table ${table} has no columns.`, "List the referencing columns, e.g. foreignKey([\"user_id\"], () => users, [\"id\"]).");
  if (columns.length !== referencedColumns.length) {
    throw modelError(
      `${what} has ${columns.length} column(s) but references ${referencedColumns.length} column(s) of ${target.name}.`,
      "A composite foreign key lists as many referenced columns as referencing ones, in matching order.",
    );
  }
  const setColumns = options.onDeleteColumns;
  if (setColumns !== undefined) {
    const stray = setColumns.filter((c) => !columns.includes(c));
    if (options.onDelete !== "SET NULL" && options.onDelete !== "SET DEFAULT") {
      throw modelError(`${what} lists onDeleteColumns without onDelete "SET NULL" or "SET DEFAULT".`, "onDeleteColumns names the columns ON DELETE SET NULL / SET DEFAULT sets; add that onDelete, or remove onDeleteColumns.");
    }
    if (setColumns.length === 0 || stray.length > 0) {
      throw modelError(`${what}: onDeleteColumns must list some of its own columns${stray.length ? ` (not ${stray.join(", ")})` : ""}.`, `Name columns among ${columns.join(", ")}.`);
    }
  }
  return unnamedIf(options.name === null, {
    name: explicitName(options.name, what),
    columns: [...columns],
    referencedSchema: target.schema,
    referencedTable: target.name,
    referencedColumns: [...referencedColumns],
    onDelete: options.onDelete ?? null,
    onUpdate: options.onUpdate ?? null,
    // The options object keeps its keys in the order written; SQLite keeps the clauses so too.
    ...(options.onUpdate && options.onDelete && Object.keys(options).indexOf("onUpdate") < Object.keys(options).indexOf("onDelete") ? { updateFirst: true } : {}),
    ...(options.match === "FULL" ? { match: "FULL" as const } : {}),
    ...(setColumns ? { onDeleteColumns: [...setColumns] } : {}),
    deferrable: options.deferrable ?? false,
    initiallyDeferred: options.initiallyDeferred ?? false,
    ...(options.notValid ? { notValid: true } : {}),
    ...commentOf(options.comment, what),
  });
}

function tableForeignKey(definition: ForeignKeyDefinition, schema: string | null, table: string): ForeignKeySchema {
  const target = resolveTarget(definition.target, schema, definition.options, `table ${table}`);
  return buildForeignKey(definition.columns, target, definition.referencedColumns, definition.options, table);
}

/**
 * The table's primary key. `.primaryKey()` on a single column declares it in that column's
 * definition (`inline`, which SQLite keeps); on several columns it is a composite key. Either
 * form takes the same options (name, timing, INCLUDE columns).
 */
function primaryKeyOf(columns: string[], options: PrimaryKeyInput | null | undefined, inline: boolean, table: string, descending = false): PrimaryKeySchema {
  const what = `the primary key of table ${table}`;
  const flags = constraintFlags({ deferrable: options?.deferrable, initiallyDeferred: options?.initiallyDeferred });
  const include = options?.include && options.include.length > 0 ? { include: includedColumns(options.include, what) } : {};
  const key: PrimaryKeySchema = { name: explicitName(options?.name, what), columns, ...flags, ...include, ...commentOf(options?.comment, what), ...(inline ? { inline: true } : {}), ...(descending ? { descending: true } : {}) };
  return unnamedIf(options?.unnamed, key);
}

/** What either form of primary key declares besides its columns. */
type PrimaryKeyInput = { name?: string | null; unnamed?: boolean } & KeyDefinitionOptions;

/** A single-column unique constraint's or table unique constraint's INCLUDE columns, checked. */
function uniqueInclude(include: readonly string[] | undefined, what: string): { include?: string[] } {
  return include && include.length > 0 ? { include: includedColumns(include, what) } : {};
}

/**
 * Builds a table. Checks what only the builders know (two primary keys); the column references
 * of constraints are checked by `validateTable`.
 */
export function buildTable(input: TableInput): TableSchema {
  const { name, columns } = input;
  const extras = input.extras ?? {};
  if (typeof name !== "string" || name.trim() === "") throw modelError("A table has an empty name.", "Pass the table name as the first argument of table(...).");
  const schema = extras.schema ?? null;
  const entries = Object.entries(columns ?? {});
  const inherits = extras.inherits ? parentsOf(extras.inherits, schema, name) : [];
  // A child may have no columns of its own: they are all its parents'.
  if (entries.length === 0 && inherits.length === 0) throw modelError(`Table ${name} has no columns.`, "Declare at least one column: MySQL and SQLite cannot create a table without columns.");

  const built = entries.map(([columnName, builder]) => buildColumn(columnName, builder, name));
  const defs = new Map(entries.map(([columnName, builder]) => [columnName, builder.definition]));
  const partitionOf = extras.partitionOf ? partitionParent(extras.partitionOf, name) : null;
  if (partitionOf && inherits.length > 0) throw modelError(`Table ${name} is declared both as a partition and with inherits.`, "PostgreSQL partitions cannot inherit: keep partition(...) or inherits, not both.");
  // A partition's columns are its parent's; the keys and references declared on them are the
  // parent's too (PostgreSQL puts them on each partition itself).
  const own = partitionOf ? [] : entries;

  const columnPk = own.filter(([, b]) => b.definition.primaryKey).map(([columnName]) => columnName);
  if (columnPk.length > 0 && extras.primaryKey) {
    throw modelError(
      `Table ${name} declares its primary key twice: .primaryKey() on ${columnPk.join(", ")} and primaryKey([...]) in its extras.`,
      "Keep one: .primaryKey() on the columns, or primaryKey([...]) for a composite key.",
    );
  }
  const pkColumns = extras.primaryKey ? [...extras.primaryKey.columns] : columnPk;
  const descendingPk = columnPk.filter((c) => defs.get(c)?.primaryKeyDescending);
  if (descendingPk.length > 0 && columnPk.length > 1) {
    throw modelError(
      `Table ${name}: .primaryKey({ descending: true }) on ${descendingPk.join(", ")} is part of a composite key, and PRIMARY KEY DESC is a one-column key's.`,
      "Give the descending key one column, or declare the composite key with primaryKey([...]) and an index for the order.",
    );
  }
  const optioned = columnPk.filter((column) => defs.get(column)?.primaryKeyOptions);
  if (columnPk.length > 1 && optioned.length > 0) {
    throw modelError(
      `Table ${name} marks ${columnPk.join(", ")} with .primaryKey() and gives options on ${optioned.join(", ")}; the options of a composite key belong to the key, not to one of its columns.`,
      `Declare the key once with its options: primaryKey([${columnPk.map((c) => JSON.stringify(c)).join(", ")}], { … }) in the table's extras.`,
    );
  }
  if (extras.primaryKey && pkColumns.length === 0) throw modelError(`The primary key of table ${name} has no columns.`, "List the key's columns, e.g. primaryKey([\"a\", \"b\"]).");
  // Primary-key columns are NOT NULL unless explicitly .nullable(): SQLite lets a column of a
  // non-rowid key hold NULL when so declared, and a model pulled from it must say so. PostgreSQL
  // and MySQL make every key column NOT NULL themselves; their normalisation says the same.
  for (const column of pkColumns) {
    const target = built.find((c) => c.name === column);
    if (target && defs.get(column)?.nullable !== true) target.nullable = false;
  }

  const uniques = [
    ...own
      .filter(([, b]) => b.definition.unique)
      .map(([columnName, b]) =>
        unnamedIf(b.definition.unique?.unnamed, {
          name: explicitName(b.definition.unique?.name, `the unique constraint of ${columnLabel(columnName, name)}`),
          columns: [columnName],
          ...constraintFlags({ ...b.definition.unique, include: undefined }),
          ...uniqueInclude(b.definition.unique?.include, `the unique constraint of ${columnLabel(columnName, name)}`),
          ...commentOf(b.definition.unique?.comment, `the unique constraint of ${columnLabel(columnName, name)}`),
          inline: true,
        }),
      ),
    ...(extras.uniques ?? []).map((u) => {
      if (u.columns.length === 0) throw modelError(`A unique constraint of table ${name} has no columns.`, "List the columns, e.g. unique([\"a\", \"b\"]).");
      return unnamedIf(u.unnamed, {
        name: explicitName(u.name, `a unique constraint of table ${name}`),
        columns: [...u.columns],
        ...constraintFlags({ ...u, include: undefined }),
        ...uniqueInclude(u.include, `a unique constraint of table ${name}`),
        ...commentOf(u.comment, `a unique constraint of table ${name}`),
      });
    }),
  ];

  const foreignKeys = [
    ...own
      .filter(([, b]) => b.definition.references)
      .map(([columnName, b]) => {
        const ref = b.definition.references!;
        const target = resolveTarget(ref.target, schema, ref.options, columnLabel(columnName, name));
        const fk = buildForeignKey([columnName], target, [ref.column], ref.options, name);
        fk.inline = true;
        return fk;
      }),
    ...(extras.foreignKeys ?? []).map((fk) => tableForeignKey(fk, schema, name)),
  ];

  const checks = (extras.checks ?? []).map((c) => {
    const expression = sqlTextOf(c.expression, `a check constraint of table ${name}`);
    if (expression.trim() === "") throw modelError(`A check constraint of table ${name} has an empty condition.`, "Write the SQL condition, e.g. check(\"price >= 0\").");
    if (c.column !== undefined && !defs.has(c.column)) {
      throw modelError(`A check constraint of table ${name} is written in column "${c.column}", which the table does not have.`, "Name one of the table's columns in `column`, or leave it out for a table-level check.");
    }
    return unnamedIf(c.unnamed, { name: explicitName(c.name, `a check constraint of table ${name}`), expression, ...(c.column !== undefined ? { column: c.column } : {}), ...(c.notValid ? { notValid: true } : {}), ...commentOf(c.comment, `a check constraint of table ${name}`) });
  });

  return {
    schema,
    name,
    columns: built,
    primaryKey:
      pkColumns.length > 0
        ? primaryKeyOf(pkColumns, columnPk.length === 1 ? defs.get(columnPk[0]!)?.primaryKeyOptions : extras.primaryKey, columnPk.length === 1, name, descendingPk.length > 0)
        : null,
    foreignKeys,
    uniques,
    checks,
    ...(extras.exclusions?.length ? { exclusions: extras.exclusions.map((x) => buildExclusion(x, name)) } : {}),
    indexes: (extras.indexes ?? []).map((ix) => buildIndex(ix, name)),
    comment: extras.comment ?? null,
    ...(extras.collation ? { collation: extras.collation } : {}),
    ...(extras.engine ? { engine: extras.engine } : {}),
    ...(extras.partitionBy ? { partitionBy: extras.partitionBy.trim() } : {}),
    ...(partitionOf ? { partitionOf } : {}),
    ...(inherits.length > 0 ? { inherits } : {}),
    ...rowLevelSecurityOf(extras.rowLevelSecurity, name),
    ...tableStorage(extras, name, built, inherits.length > 0 || !!partitionOf),
  };
}

/**
 * Column types PostgreSQL stores in fixed length, so a table of only these has no TOAST table.
 * Enums are 4 bytes; numeric, char and raw types may be variable-length, so they count as TOASTable.
 */
const FIXED_LENGTH = new Set<string>(["smallint", "integer", "bigint", "real", "double", "boolean", "date", "time", "timestamp", "interval", "uuid", "enum"]);

/**
 * The table's persistence and storage parameters, checked against what PostgreSQL would refuse
 * or silently drop: a partitioned table takes neither, and a table whose columns are all of
 * fixed length has no TOAST table, whose `toast.` parameters PostgreSQL accepts and forgets (so
 * the model would never match). A partition's or child's columns are partly its parent's, so
 * the TOAST check is left to PostgreSQL there.
 */
function tableStorage(extras: TableExtras, name: string, columns: readonly ColumnSchema[], inheritsColumns: boolean): { unlogged?: true; storageParameters?: StorageParameters } {
  const unlogged = unloggedOf(extras.unlogged, name);
  const storage = storageParametersOf(extras.with, { of: "table" }, `Table ${name}`);
  if (extras.partitionBy && (unlogged || storage.storageParameters)) {
    throw modelError(`Table ${name} is partitioned (partitionBy) and declared with ${unlogged ? "unlogged" : "with"}, which PostgreSQL refuses on a partitioned table.`, "Declare unlogged and with on its partitions instead.");
  }
  const toast = Object.keys(storage.storageParameters ?? {}).filter((key) => key.startsWith("toast."));
  if (toast.length > 0 && !inheritsColumns && columns.every((c) => FIXED_LENGTH.has(c.type.kind))) {
    throw modelError(
      `Table ${name} has no TOAST table (none of its columns is of a variable-length type), so PostgreSQL would ignore ${toast.join(", ")}.`,
      "Leave the toast. parameters out, or set them once the table has a text, varchar, jsonb, bytea, numeric or array column.",
    );
  }
  return { ...(unlogged ? { unlogged: true } : {}), ...storage };
}

/** The table's `unlogged` switch, checked: true, or false/absent for a logged table. */
function unloggedOf(value: unknown, name: string): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (value !== true) throw modelError(`Table ${name}: unlogged is ${JSON.stringify(value)}.`, "Write unlogged: true for a PostgreSQL UNLOGGED table, or leave it out.");
  return true;
}

/**
 * The storage parameters of a table or index (`with: { … }`), checked against PostgreSQL's
 * documented names and value kinds so that a typo is a model error, not a server error mid-upgrade.
 * An empty object is none, as reflection reports it.
 */
export function storageParametersOf(value: unknown, scope: StorageParameterScope, what: string): { storageParameters?: StorageParameters } {
  if (value === undefined || value === null) return {};
  const checked = checkStorageParameters(value, scope, what);
  if (isStorageParameterProblem(checked)) throw modelError(checked.message, checked.hint);
  return Object.keys(checked).length > 0 ? { storageParameters: checked } : {};
}

/** The table's row-level security, checked; `disabled` (or nothing) is no option at all, as reflection reports it. */
function rowLevelSecurityOf(value: unknown, name: string): { rowLevelSecurity?: TableRowLevelSecurity } {
  if (value === undefined || value === null || value === "disabled") return {};
  if (typeof value !== "string" || !(ROW_LEVEL_SECURITY_VALUES as readonly string[]).includes(value)) {
    throw modelError(`Table ${name}: rowLevelSecurity is ${JSON.stringify(value)}.`, 'Write rowLevelSecurity as "enabled" (policies apply to everyone but the owner), "forced" (to the owner too) or "disabled".');
  }
  return { rowLevelSecurity: value as TableRowLevelSecurity };
}

/**
 * The parents of an inheriting table, in order. A parent given by name lives in the child's
 * schema, as a foreign key's table does; a table object carries its own.
 */
function parentsOf(input: NonNullable<TableExtras["inherits"]>, schema: string | null, name: string): ParentTable[] {
  if (!Array.isArray(input)) throw modelError(`The inherits option of table ${name} is not a list.`, "List the parent tables: inherits: [parentTable] (or their names).");
  const parents = input.map((parent: unknown): ParentTable => {
    if (typeof parent === "string" && parent.trim() !== "") return { schema, table: parent };
    if (isTableDefinition(parent)) return { schema: parent.schema, table: parent.name };
    const given = parent as { table?: unknown; schema?: unknown } | null;
    if (given && typeof given === "object" && typeof given.table === "string" && given.table.trim() !== "") {
      return { schema: given.schema === undefined ? schema : ((given.schema as string | null) ?? null), table: given.table };
    }
    throw modelError(`Table ${name} inherits from something that is not a table.`, "List parent tables as table objects, names, or { table, schema }: inherits: [payment].");
  });
  const labels = parents.map((p) => `${p.schema ?? ""}.${p.table}`);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) throw modelError(`Table ${name} inherits from ${twice.replace(/^\./, "")} twice.`, "List each parent once.");
  if (parents.some((p) => p.table === name && (p.schema ?? null) === schema)) throw modelError(`Table ${name} inherits from itself.`, "Remove it from its own inherits list.");
  return parents;
}

function partitionParent(input: NonNullable<TableExtras["partitionOf"]>, name: string): PartitionOf {
  if (typeof input.table !== "string" || input.table.trim() === "") throw modelError(`Partition ${name} names no parent table.`, "Declare it with partition(name, parentTable, bound).");
  if (typeof input.bound !== "string" || input.bound.trim() === "") {
    throw modelError(`Partition ${name} has no bound.`, "Give the bound as PostgreSQL prints it: \"FOR VALUES FROM (…) TO (…)\", \"FOR VALUES IN (…)\", \"FOR VALUES WITH (modulus 4, remainder 0)\" or \"DEFAULT\".");
  }
  return { schema: input.schema ?? null, table: input.table, bound: input.bound.trim() };
}
