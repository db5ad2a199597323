/**
 * What PostgreSQL really stores, applied to the model and to reflection alike so that they compare
 * equal when the database matches the model:
 *
 * - types: `unsigned` dropped (no unsigned integers), one `text` and one `bytea` (text size and
 *   binary length dropped), char without a length is char(1), numeric(p) is numeric(p,0); varchar
 *   without a length stays unlimited; json and jsonb, serial and identity stay distinct;
 * - defaults: casts on literals stripped, numbers and booleans as literal values (`now()` and
 *   CURRENT_TIMESTAMP stay apart: PostgreSQL prints each as written), no default on
 *   serial, identity and generated columns; an integer default `nextval('<table>_<column>_seq')`
 *   is autoincrement, as reflection reports it; a serial's or identity's sequence options only where
 *   they differ from what the column's integer type implies;
 * - primary-key columns are NOT NULL (PostgreSQL makes them so even when declared nullable);
 * - keys carry no `inline` flag (pg_constraint keeps no record of where a key was declared), and
 *   no INCLUDE columns is an empty list;
 * - a primary key without a name gets PostgreSQL's `<table>_pkey`; foreign keys with NO ACTION
 *   report null, INITIALLY DEFERRED implies DEFERRABLE; the btree method is null; columns have no
 *   ON UPDATE clause (a MySQL feature the model ignores elsewhere); the collation "default" is none;
 * - index elements: NULLS LAST ascending and NULLS FIRST descending are no NULLS clause, a
 *   collation or operator class in pg_catalog has no schema; NULLS NOT DISTINCT only on unique indexes;
 *   an exclusion constraint's elements likewise, its method in lower case.
 *
 * CHECK, index and predicate texts are compared by the compare engine's expression key, which
 * undoes PostgreSQL's re-spelling (added parentheses and casts, `= ANY (ARRAY[…])` for IN,
 * `~~` for LIKE, BETWEEN as two comparisons, a one-value IN as `=`). Not undone: interval
 * literals (`interval '1 day'` comes back as `'1 day'::interval`, which compares equal only
 * because casts are ignored, while the model's `interval` keyword is not) and rewrites of
 * function calls PostgreSQL normalises (e.g. `substring(a from 1)`); write those in the model as
 * the database prints them.
 */
import type { ColumnSchema, ColumnType, DatabaseSchema, ExclusionSchema, IndexElement, IndexSchema, TableSchema } from "../../catalog/types.js";
import { canonicalColumnFields, canonicalForeignKey, keyColumnsNotNull, mapTables, typedLiteralDefault, withoutFields, withoutLayout } from "../../catalog/normalize-helpers.js";
import { essentialSequenceOptions } from "../../catalog/sequence-options.js";
import { isSerialStyleDefault, parseReflectedDefault } from "./defaults.js";

/** Column types a serial can have. */
const SERIAL_KINDS = new Set<ColumnType["kind"]>(["smallint", "integer", "bigint"]);

/** PostgreSQL's identifier limit, in bytes; a default name longer than this is not guessed. */
const MAX_IDENTIFIER_BYTES = 63;

function postgresType(type: ColumnType): ColumnType {
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return { kind: type.kind };
    case "numeric": {
      const t = withoutFields(type, "unsigned");
      return t.precision !== undefined && t.scale === undefined ? { ...t, scale: 0 } : t;
    }
    case "char":
      return { kind: "char", length: type.length ?? 1 };
    case "text":
      return { kind: "text" };
    case "binary":
      return { kind: "binary" };
    case "varchar":
    case "time":
    case "timestamp":
      return withoutFields(type);
    case "enum":
      return { kind: "enum", name: type.name, values: [...type.values], schema: type.schema ?? null };
    case "array": {
      const of = postgresType(type.of);
      return type.dimensions !== undefined && type.dimensions > 1 ? { kind: "array", of, dimensions: type.dimensions } : { kind: "array", of };
    }
    case "raw":
      return rawType(type.sql);
    default:
      return type;
  }
}

/**
 * A raw type as reflection reports it: `address[]` (a composite, range or domain type's array,
 * written with its brackets) is an array of the raw element type, as the column's catalog row
 * reads (`rawType("address[]")` and `array(rawType("address"))` are the same column).
 */
function rawType(sql: string): ColumnType {
  const text = sql.trim();
  const m = /^([\s\S]*?[^\s\]])((?:\s*\[\s*\d*\s*\])+)$/.exec(text);
  if (!m || m[1]!.includes("[")) return { kind: "raw", sql: text };
  const dimensions = (m[2]!.match(/\[/g) ?? []).length;
  const of: ColumnType = { kind: "raw", sql: m[1]!.trim() };
  return dimensions > 1 ? { kind: "array", of, dimensions } : { kind: "array", of };
}

/** Reflection reports a `<table>_<column>_seq` nextval default as autoincrement (reflect.ts); so must the model. */
function serialStyle(column: ColumnSchema, table: TableSchema): ColumnSchema {
  if (column.generated || column.default?.kind !== "sql" || !SERIAL_KINDS.has(column.type.kind)) return column;
  if (!isSerialStyleDefault(column.default.sql, table.schema ?? null, table.name, column.name)) return column;
  return { ...column, default: null, generated: { kind: "autoincrement" } };
}

/** A serial's or identity's sequence options, only those that differ from what the column's type implies. */
function essentialSequence(column: ColumnSchema): ColumnSchema {
  const generated = column.generated;
  if (generated?.kind !== "autoincrement" && generated?.kind !== "identity") return column;
  const { sequence: written, ...rest } = generated;
  const sequence = essentialSequenceOptions(written, column.type);
  return { ...column, generated: sequence ? { ...rest, sequence } : rest };
}

function postgresColumn(original: ColumnSchema, table: TableSchema): ColumnSchema {
  const column = essentialSequence(serialStyle(original, table));
  const type = postgresType(column.type);
  const base = canonicalColumnFields({ ...column, type });
  const parsed = base.default?.kind === "sql" ? parseReflectedDefault(base.default.sql, type) : base.default;
  return {
    ...base,
    default: typedLiteralDefault(parsed, type),
    onUpdate: null,
    collation: base.collation === "default" ? null : base.collation,
    collationSchema: base.collation && base.collation !== "default" ? (objectSchema(base.collationSchema) ?? null) : null,
  };
}

function defaultPrimaryKeyName(table: TableSchema): string | null {
  const name = `${table.name}_pkey`;
  return Buffer.byteLength(name, "utf8") <= MAX_IDENTIFIER_BYTES ? name : null;
}

/** A collation or operator class schema the search path finds anyway (pg_catalog) is none. */
function objectSchema(schema: string | null | undefined): string | undefined {
  return schema && schema !== "pg_catalog" ? schema : undefined;
}

/**
 * An index element as PostgreSQL keeps it: NULLS LAST ascending and NULLS FIRST descending are
 * the order's own (pg_index records no more), the collation "default" is none, and a schema the
 * search path finds anyway is none.
 */
function postgresElement(element: IndexElement): IndexElement {
  const out: IndexElement = { ...element };
  if (out.nulls === (out.descending ? "first" : "last")) delete out.nulls;
  if (!out.descending) delete out.descending;
  if (out.collation === "default" && !objectSchema(out.collationSchema)) delete out.collation;
  if (!out.collation || !objectSchema(out.collationSchema)) delete out.collationSchema;
  if (!out.opclass || !objectSchema(out.opclassSchema)) delete out.opclassSchema;
  if (!out.opclass) delete out.opclass;
  return out;
}

/**
 * A column element collated as its column already is has no COLLATE of its own (pg_index
 * records it, pg_get_indexdef leaves it out, and reflection reports none).
 */
function withoutColumnCollation(element: IndexElement, table: TableSchema): IndexElement {
  if (!("column" in element) || !element.collation) return element;
  const column = table.columns.find((c) => c.name === element.column);
  if (!column || (column.collation ?? null) !== element.collation || (column.collationSchema ?? undefined) !== element.collationSchema) return element;
  const { collation: _collation, collationSchema: _schema, ...rest } = element;
  return rest;
}

function postgresIndex(index: IndexSchema, table: TableSchema): IndexSchema {
  const using = index.using?.trim().toLowerCase() || null;
  return {
    ...index,
    elements: index.elements.map((e) => withoutColumnCollation(postgresElement(e), table)),
    where: index.where?.trim() || null,
    using: using === "btree" ? null : using,
    // NULLS NOT DISTINCT means something only where NULLs could collide: in a unique index.
    nullsNotDistinct: index.unique && !!index.nullsNotDistinct,
    include: index.include ?? [],
  };
}

/** An exclusion constraint as PostgreSQL keeps it: its elements as an index's, the method in lower case. */
function postgresExclusion(exclusion: ExclusionSchema, table: TableSchema): ExclusionSchema {
  return {
    ...exclusion,
    using: exclusion.using.trim().toLowerCase(),
    elements: exclusion.elements.map((e) => ({ ...withoutColumnCollation(postgresElement(e), table), operator: e.operator.trim() })),
    where: exclusion.where?.trim() || null,
    include: exclusion.include ?? [],
  };
}

function postgresTable(table: TableSchema): TableSchema {
  const pk = table.primaryKey && table.primaryKey.columns.length > 0 ? withoutLayout(table.primaryKey) : null;
  const primaryKey = pk ? { ...pk, name: pk.name || defaultPrimaryKeyName(table), include: pk.include ?? [] } : null;
  // A constraint's own index is the constraint; reflection leaves it out, so the model must too.
  const constraintNames = new Set([primaryKey?.name, ...table.uniques.map((u) => u.name)].filter(Boolean));
  const columns = keyColumnsNotNull(table.columns.map((c) => postgresColumn(c, table)), table.primaryKey);
  return {
    ...table,
    schema: table.schema ?? null,
    columns,
    primaryKey,
    foreignKeys: table.foreignKeys.map((fk) => canonicalForeignKey(withoutLayout(fk))),
    uniques: table.uniques.map((u) => ({ ...withoutLayout(u), include: u.include ?? [] })),
    ...(table.exclusions?.length ? { exclusions: table.exclusions.map((x) => postgresExclusion(x, { ...table, columns })) } : {}),
    indexes: table.indexes.filter((ix) => !constraintNames.has(ix.name)).map((ix) => postgresIndex(ix, { ...table, columns })),
    comment: table.comment || null,
    // Table collations and engines are MySQL's; PostgreSQL has neither.
    collation: null,
    engine: null,
  };
}

/** The schema as PostgreSQL stores it (see the module comment); pure, `schema` is not changed. */
export function normalizePostgresSchema(schema: DatabaseSchema): DatabaseSchema {
  const out = mapTables(schema, postgresTable);
  return { tables: out.tables, enums: out.enums.map((e) => ({ ...e, schema: e.schema ?? null })) };
}
