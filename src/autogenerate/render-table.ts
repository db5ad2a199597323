/**
 * A TableSchema as the arguments of `table(name, columns, extras)` and `op.createTable(…)`: the
 * column map as builders and the extras (schema, comment, primary key, indexes, uniques, checks,
 * foreign keys). Every constraint and index keeps its name, so loading the code back does not
 * depend on the naming convention.
 */
import type { CheckSchema, ExclusionElement, ExclusionSchema, ForeignKeySchema, IndexElement, IndexSchema, ParentTable, PrimaryKeySchema, TableSchema, UniqueSchema } from "../catalog/types.js";
import { storageParameterInput, type StorageParameterScope } from "../catalog/storage-parameters.js";
import { array, call, object, text, type ChainLink, type Code, type ObjectEntry } from "./render-code.js";
import { columnBuilder } from "./render-column.js";
import type { RenderContext } from "./render-context.js";
import { propertyKey, recordCode, sqlTemplate, stringLiteral, valueCode } from "./render-values.js";

const str = (value: string): Code => text(stringLiteral(value));
const strings = (values: readonly string[]): Code => array(values.map(str));

/**
 * `{ name: "…" }`; `{ name: null }` for a constraint the database keeps without a name (SQLite;
 * MySQL's primary key), so that loading the code back does not give it the naming convention's
 * name; nothing when the name is undefined.
 */
function nameOption(name: string | null | undefined): Code[] {
  const entries = nameEntry(name);
  return entries.length > 0 ? [object(entries)] : [];
}

/** The `name` entry of nameOption. */
function nameEntry(name: string | null | undefined): ObjectEntry[] {
  if (name === null) return [{ key: "name", value: text("null") }];
  return name ? [{ key: "name", value: str(name) }] : [];
}

/**
 * `deferrable`, `initiallyDeferred` and `nullsNotDistinct` entries for the flags a key or unique
 * constraint sets, and `include` for its INCLUDE columns (the options of `primaryKey`, `unique`, `op.createPrimaryKey`, `op.createUniqueConstraint`).
 */
export function constraintFlagEntries(constraint: PrimaryKeySchema | UniqueSchema): ObjectEntry[] {
  const keys = ["deferrable", "initiallyDeferred", "nullsNotDistinct", "descending"] as const;
  const flags = keys.filter((key) => (constraint as UniqueSchema & PrimaryKeySchema)[key] === true).map((key) => ({ key, value: text("true") }));
  const include = constraint.include && constraint.include.length > 0 ? [{ key: "include", value: strings(constraint.include) }] : [];
  return [...flags, ...include, ...commentEntry(constraint)];
}

/** `comment: "…"` for an index, constraint or enum type that has a comment; nothing otherwise. */
export function commentEntry(commented: { comment?: string | null }): ObjectEntry[] {
  return commented.comment ? [{ key: "comment", value: str(commented.comment) }] : [];
}

/** `{ name, deferrable, … }` as the options argument of primaryKey/unique; nothing when empty. */
function constraintOptions(constraint: PrimaryKeySchema | UniqueSchema): Code[] {
  const entries = [...nameEntry(constraint.name), ...constraintFlagEntries(constraint)];
  return entries.length > 0 ? [object(entries)] : [];
}

/** `primaryKey(["a", "b"], { name, deferrable, initiallyDeferred })`. */
function primaryKeyCode(pk: PrimaryKeySchema, ctx: RenderContext): Code {
  return call(ctx.use("primaryKey"), [strings(pk.columns), ...constraintOptions(pk)]);
}

/** `unique(["a"], { name, deferrable, initiallyDeferred, nullsNotDistinct })`. */
function uniqueCode(u: UniqueSchema, ctx: RenderContext): Code {
  return call(ctx.use("unique"), [strings(u.columns), ...constraintOptions(u)]);
}

/** `check("a > 0", { name })`. */
function checkCode(c: CheckSchema, ctx: RenderContext): Code {
  const entries = [...nameEntry(c.name), ...(c.column === undefined ? [] : [{ key: "column", value: str(c.column) }]), ...(c.notValid ? [{ key: "notValid", value: text("true") }] : []), ...commentEntry(c)];
  return call(ctx.use("check"), [str(c.expression), ...(entries.length > 0 ? [object(entries)] : [])]);
}

/** An element's options in the order the DSL documents them; unset ones left out. */
function elementOptionFields(element: IndexElement): Record<string, unknown> {
  return {
    descending: element.descending || undefined,
    nulls: element.nulls,
    collation: element.collation,
    collationSchema: element.collationSchema,
    opclass: element.opclass,
    opclassSchema: element.opclassSchema,
  };
}

/** True when an element sets any option (besides what it indexes). */
function hasElementOptions(element: IndexElement): boolean {
  return Object.values(elementOptionFields(element)).some((v) => v !== undefined);
}

/**
 * One index element as `index()` and `op.createIndex` accept it: a column name, sql`expr`, or an
 * object with its options (order, nulls, collation, operator class, prefix length).
 */
export function indexElementCode(element: IndexElement, ctx: RenderContext): Code {
  if ("column" in element) {
    if (!hasElementOptions(element) && element.length === undefined) return str(element.column);
    return recordCode({ column: element.column, length: element.length, ...elementOptionFields(element) });
  }
  if (!hasElementOptions(element)) {
    ctx.use("sql");
    return text(sqlTemplate(element.expression));
  }
  return recordCode({ expression: element.expression, ...elementOptionFields(element) });
}

/**
 * One exclusion element as `exclude()` and `op.createExclusionConstraint` take it: `["room_id", "="]`
 * for a plain column, else the element's object with its operator (`{ expression: "…", operator: "&&" }`).
 */
function exclusionElementCode(element: ExclusionElement): Code {
  const { operator, ...indexed } = element;
  if ("column" in indexed && !hasElementOptions(indexed)) return array([str(indexed.column), str(operator)]);
  const fields = "column" in indexed ? { column: indexed.column } : { expression: indexed.expression };
  return recordCode({ ...fields, ...elementOptionFields(indexed), operator });
}

/** The elements argument of `exclude()` / `op.createExclusionConstraint`. */
export function exclusionElementsCode(x: ExclusionSchema): Code {
  return array(x.elements.map(exclusionElementCode));
}

/** The options `exclude()` / `op.createExclusionConstraint` take besides the name: using, where, include, timing. */
export function exclusionOptions(x: ExclusionSchema): ObjectEntry[] {
  const entries: ObjectEntry[] = [{ key: "using", value: str(x.using) }];
  if (x.where !== null && x.where !== undefined) entries.push({ key: "where", value: str(x.where) });
  if (x.include && x.include.length > 0) entries.push({ key: "include", value: strings(x.include) });
  if (x.deferrable) entries.push({ key: "deferrable", value: text("true") });
  if (x.initiallyDeferred) entries.push({ key: "initiallyDeferred", value: text("true") });
  return [...entries, ...commentEntry(x)];
}

/** `exclude([["room_id", "="], ["during", "&&"]], { name, using: "gist", where })`. */
function exclusionCode(x: ExclusionSchema, ctx: RenderContext): Code {
  return call(ctx.use("exclude"), [exclusionElementsCode(x), object([...nameEntry(x.name), ...exclusionOptions(x)])]);
}

/** The options `index()` / `op.createIndex` take for an index (name left to the caller). */
export function indexOptions(ix: IndexSchema): ObjectEntry[] {
  const entries: ObjectEntry[] = [];
  if (ix.unique) entries.push({ key: "unique", value: text("true") });
  if (ix.where !== null && ix.where !== undefined) entries.push({ key: "where", value: str(ix.where) });
  if (ix.using !== null && ix.using !== undefined) entries.push({ key: "using", value: str(ix.using) });
  if (ix.nullsNotDistinct) entries.push({ key: "nullsNotDistinct", value: text("true") });
  if (ix.include && ix.include.length > 0) entries.push({ key: "include", value: strings(ix.include) });
  if (ix.storageParameters && Object.keys(ix.storageParameters).length > 0) entries.push({ key: "with", value: storageCode(ix.storageParameters, { of: "index", using: ix.using }) });
  return [...entries, ...commentEntry(ix)];
}

/**
 * Storage parameters (or changes of them, null for RESET) as the model and op calls write them:
 * `{ fillfactor: 70, autovacuum_enabled: false, "toast.autovacuum_enabled": false }`, numbers and
 * booleans as such rather than the text reloptions holds.
 */
export function storageCode(parameters: Record<string, string | null>, scope: StorageParameterScope): Code {
  return object(Object.entries(parameters).map(([name, value]) => ({ key: propertyKey(name), value: value === null ? text("null") : valueCode(storageParameterInput(name, value, scope)) })));
}

/** `index([...], { name, unique, where, using })`. */
function indexCode(ix: IndexSchema, ctx: RenderContext): Code {
  const options = [...(ix.name ? [{ key: "name", value: str(ix.name) }] : []), ...indexOptions(ix)];
  return call(ctx.use("index"), [array(ix.elements.map((e) => indexElementCode(e, ctx))), ...(options.length ? [object(options)] : [])]);
}

/**
 * The options of a foreign key (`foreignKey(…, options)` and `op.createForeignKey(…, options)`).
 * `referencedSchema` is written only when it differs from the referencing table's schema, which
 * is where a table given by name is looked up otherwise.
 */
export function foreignKeyOptions(fk: ForeignKeySchema, tableSchema: string | null | undefined, withName: boolean): ObjectEntry[] {
  const entries: ObjectEntry[] = [];
  if (withName && fk.name) entries.push({ key: "name", value: str(fk.name) });
  else if (withName && fk.name === null) entries.push({ key: "name", value: text("null") });
  const actions: ObjectEntry[] = [];
  if (fk.onDelete) actions.push({ key: "onDelete", value: str(fk.onDelete) });
  if (fk.onUpdate) actions.push({ key: "onUpdate", value: str(fk.onUpdate) });
  // Written in the order the database keeps them (the model reads the order back: updateFirst).
  entries.push(...(fk.updateFirst ? actions.reverse() : actions));
  if (fk.match) entries.push({ key: "match", value: str(fk.match) });
  if (fk.onDeleteColumns?.length) entries.push({ key: "onDeleteColumns", value: strings(fk.onDeleteColumns) });
  if (fk.deferrable !== undefined && fk.deferrable !== false) entries.push({ key: "deferrable", value: valueCode(fk.deferrable) });
  if (fk.initiallyDeferred !== undefined && fk.initiallyDeferred !== false) entries.push({ key: "initiallyDeferred", value: valueCode(fk.initiallyDeferred) });
  if (fk.notValid) entries.push({ key: "notValid", value: text("true") });
  const referencedSchema = fk.referencedSchema ?? null;
  if (referencedSchema !== (tableSchema ?? null)) entries.push({ key: "referencedSchema", value: referencedSchema === null ? text("null") : str(referencedSchema) });
  return [...entries, ...commentEntry(fk)];
}

/** `foreignKey(["a"], "table", ["id"], { … })`. */
function foreignKeyCode(fk: ForeignKeySchema, tableSchema: string | null | undefined, ctx: RenderContext): Code {
  const options = foreignKeyOptions(fk, tableSchema, true);
  return call(ctx.use("foreignKey"), [strings(fk.columns), str(fk.referencedTable), strings(fk.referencedColumns), ...(options.length ? [object(options)] : [])]);
}

/**
 * The constraints written on a column's builder: those declared in the column's definition
 * (`inline`) that a builder can say — a single-column primary key, one unique constraint and one
 * foreign key to a single column per column. `placed` collects them, so the extras leave them out.
 */
function columnConstraints(table: TableSchema, column: string, placed: Set<object>): ChainLink[] {
  const links: ChainLink[] = [];
  const pk = table.primaryKey;
  // `.primaryKey()` takes the options of primaryKey([...]), so a single-column key declared on its column stays there
  // (and SQLite's PRIMARY KEY DESC, which only a column can say).
  if ((pk?.inline || pk?.descending) && pk.columns.length === 1 && pk.columns[0] === column) {
    placed.add(pk);
    links.push({ name: "primaryKey", args: constraintOptions(pk) });
  }
  const unique = table.uniques.find((u) => u.inline && u.columns.length === 1 && u.columns[0] === column);
  if (unique) {
    placed.add(unique);
    links.push({ name: "unique", args: constraintOptions(unique) });
  }
  const fk = table.foreignKeys.find((f) => f.inline && f.columns.length === 1 && f.columns[0] === column && f.referencedColumns.length === 1);
  if (fk) {
    placed.add(fk);
    const options = foreignKeyOptions(fk, table.schema, true);
    links.push({ name: "references", args: [str(fk.referencedTable), str(fk.referencedColumns[0]!), ...(options.length ? [object(options)] : [])] });
  }
  return links;
}

/** A parent of an inheriting table: its name when it is in the child's schema, else `{ table, schema }`. */
function parentCode(parent: ParentTable, childSchema: string | null | undefined): Code {
  if ((parent.schema ?? null) === (childSchema ?? null)) return str(parent.table);
  return object([{ key: "table", value: str(parent.table) }, { key: "schema", value: parent.schema ? str(parent.schema) : text("null") }]);
}

/** The column map and the extras entries of a table. */
export function tableParts(table: TableSchema, ctx: RenderContext): { columns: Code; extras: ObjectEntry[] } {
  const pk = new Set(table.primaryKey?.columns ?? []);
  const placed = new Set<object>();
  const columns = object(table.columns.map((c) => ({ key: propertyKey(c.name), value: columnBuilder(c, ctx, { inPrimaryKey: pk.has(c.name), constraints: columnConstraints(table, c.name, placed) }) })));
  const extras: ObjectEntry[] = [];
  if (table.schema) extras.push({ key: "schema", value: str(table.schema) });
  if (table.comment !== null && table.comment !== undefined) extras.push({ key: "comment", value: str(table.comment) });
  if (table.collation) extras.push({ key: "collation", value: str(table.collation) });
  if (table.engine) extras.push({ key: "engine", value: str(table.engine) });
  if (table.partitionBy) extras.push({ key: "partitionBy", value: str(table.partitionBy) });
  if (table.partitionOf) {
    const of = table.partitionOf;
    extras.push({ key: "partitionOf", value: object([{ key: "table", value: str(of.table) }, ...(of.schema ? [{ key: "schema", value: str(of.schema) }] : []), { key: "bound", value: str(of.bound) }]) });
  }
  if (table.inherits?.length) extras.push({ key: "inherits", value: array(table.inherits.map((p) => parentCode(p, table.schema))) });
  if (table.rowLevelSecurity) extras.push({ key: "rowLevelSecurity", value: str(table.rowLevelSecurity) });
  if (table.unlogged) extras.push({ key: "unlogged", value: text("true") });
  if (table.storageParameters && Object.keys(table.storageParameters).length > 0) extras.push({ key: "with", value: storageCode(table.storageParameters, { of: "table" }) });
  if (table.primaryKey && !placed.has(table.primaryKey)) extras.push({ key: "primaryKey", value: primaryKeyCode(table.primaryKey, ctx) });
  const lists: [string, Code[]][] = [
    ["indexes", table.indexes.map((ix) => indexCode(ix, ctx))],
    ["uniques", table.uniques.filter((u) => !placed.has(u)).map((u) => uniqueCode(u, ctx))],
    ["checks", table.checks.map((c) => checkCode(c, ctx))],
    ["exclusions", (table.exclusions ?? []).map((x) => exclusionCode(x, ctx))],
    ["foreignKeys", table.foreignKeys.filter((fk) => !placed.has(fk)).map((fk) => foreignKeyCode(fk, table.schema, ctx))],
  ];
  for (const [key, items] of lists) if (items.length > 0) extras.push({ key, value: array(items) });
  return { columns, extras };
}
