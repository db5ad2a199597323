/**
 * Building blocks for the dialects' schema normalisation (`Dialect.normalizeSchema`, in
 * `dialects/<name>/compare.ts`). Each dialect decides which of these apply to it; the helpers
 * only know the neutral schema model. None of them changes what it is given: each returns new
 * objects for what it changes and shares the rest, so normalisation never copies a whole schema.
 */
import type { ColumnSchema, ColumnType, DatabaseSchema, DefaultValue, ForeignKeySchema, ReferentialAction, TableSchema } from "./types.js";

const NUMERIC_KINDS = new Set<ColumnType["kind"]>(["smallint", "integer", "bigint", "numeric", "real", "double"]);
const STRING_KINDS = new Set<ColumnType["kind"]>(["char", "varchar", "text", "enum", "uuid"]);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_SPELLINGS = new Set(["1", "true", "t", "yes", "on"]);
const FALSE_SPELLINGS = new Set(["0", "false", "f", "no", "off"]);

/**
 * A literal default typed like its column: numbers written as strings on numeric columns become
 * numbers, and 1/0, "true"/"false" and friends on boolean columns become booleans. A literal
 * NULL is no default at all.
 */
export function typedLiteralDefault(value: DefaultValue | null | undefined, type: ColumnType): DefaultValue | null {
  if (!value) return null;
  if (value.kind !== "literal") return value;
  const v = value.value;
  if (v === null) return null;
  if (type.kind === "boolean") {
    const text = String(v).toLowerCase();
    if (TRUE_SPELLINGS.has(text)) return { kind: "literal", value: true };
    if (FALSE_SPELLINGS.has(text)) return { kind: "literal", value: false };
    return value;
  }
  if (NUMERIC_KINDS.has(type.kind) && typeof v === "string" && NUMBER.test(v.trim())) {
    const n = Number(v.trim());
    if (Number.isFinite(n) && (Number.isSafeInteger(n) || !/^[+-]?\d+$/.test(v.trim()))) return { kind: "literal", value: n };
  }
  if (NUMERIC_KINDS.has(type.kind) && typeof v === "boolean") return { kind: "literal", value: v ? 1 : 0 };
  if (STRING_KINDS.has(type.kind) && typeof v === "number") return { kind: "literal", value: String(v) };
  if ((type.kind === "json" || type.kind === "jsonb") && typeof v === "string") {
    const json = canonicalJson(v);
    if (json !== undefined) return { kind: "literal", value: json };
  }
  return value;
}

/**
 * A JSON text as one spelling of its value (keys sorted, no spaces), or undefined when it is not
 * JSON: jsonb stores `{"b": 1, "a": 2}` as `{"a": 2, "b": 1}`, and a default written either way
 * is the same document.
 */
function canonicalJson(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sorted(parsed));
}

/**
 * An SQL default that is only a literal (`'abc'`, `42`, `NULL`, `TRUE`) as the literal itself,
 * typed like its column; other expressions unchanged. `unquote` reads a string literal in the
 * dialect's syntax and returns undefined when the text is not exactly one.
 */
export function literalSqlDefault(value: DefaultValue | null | undefined, type: ColumnType, unquote: (text: string) => string | undefined): DefaultValue | null {
  if (!value || value.kind !== "sql") return typedLiteralDefault(value, type);
  const text = value.sql.trim();
  const upper = text.toUpperCase();
  if (upper === "NULL") return null;
  if (upper === "TRUE" || upper === "FALSE") return typedLiteralDefault({ kind: "literal", value: upper === "TRUE" }, type);
  if (NUMBER.test(text)) return typedLiteralDefault({ kind: "literal", value: text }, type);
  const unquoted = unquote(text);
  return unquoted === undefined ? value : typedLiteralDefault({ kind: "literal", value: unquoted }, type);
}

/** Reads `'…'` with doubled quotes, the standard SQL string literal; undefined for anything else. */
export function unquoteStandardString(text: string): string | undefined {
  const m = /^'((?:[^']|'')*)'$/s.exec(text.trim());
  return m ? m[1]!.replace(/''/g, "'") : undefined;
}

/**
 * The rule the database holds when none is given is stored as null ("not specified"): NO ACTION
 * unless the dialect says otherwise (MariaDB holds RESTRICT and prints an explicit NO ACTION).
 */
function actionOrNull(action: ReferentialAction | null | undefined, serverDefaults: ReferentialAction[] = ["NO ACTION"]): ReferentialAction | null {
  if (!action || serverDefaults.includes(action)) return null;
  return action;
}

/** A foreign key with default actions as null and the implied DEFERRABLE spelled out. */
export function canonicalForeignKey(fk: ForeignKeySchema, defaultActions: ReferentialAction[] = ["NO ACTION"]): ForeignKeySchema {
  const initiallyDeferred = !!fk.initiallyDeferred;
  return {
    ...fk,
    referencedSchema: fk.referencedSchema ?? null,
    onDelete: actionOrNull(fk.onDelete, defaultActions),
    onUpdate: actionOrNull(fk.onUpdate, defaultActions),
    match: fk.match ?? null,
    onDeleteColumns: fk.onDeleteColumns?.length ? fk.onDeleteColumns : null,
    deferrable: !!fk.deferrable || initiallyDeferred,
    initiallyDeferred,
  };
}

/**
 * The optional column fields in one shape: no comment and an empty one are null, a generated
 * column has no default (its values come from the generation), absent fields are null.
 */
export function canonicalColumnFields(column: ColumnSchema): ColumnSchema {
  return {
    ...column,
    default: column.generated ? null : (column.default ?? null),
    generated: column.generated ?? null,
    comment: column.comment || null,
    onUpdate: column.onUpdate || null,
    collation: column.collation || null,
  };
}

/**
 * The columns with every primary-key column NOT NULL, as PostgreSQL and MySQL store them even
 * when the key column was declared nullable (only SQLite keeps such a column nullable).
 */
export function keyColumnsNotNull(columns: ColumnSchema[], primaryKey: TableSchema["primaryKey"]): ColumnSchema[] {
  const key = new Set(primaryKey?.columns ?? []);
  return columns.map((c) => (c.nullable && key.has(c.name) ? { ...c, nullable: false } : c));
}

/**
 * Applies `fn` to every table of `schema`. `fn` must not change the table it is given (it returns
 * a new one); unchanged parts are shared with `schema`, never copied.
 */
export function mapTables(schema: DatabaseSchema, fn: (table: TableSchema, all: readonly TableSchema[]) => TableSchema): DatabaseSchema {
  return { tables: schema.tables.map((t) => fn(t, schema.tables)), enums: schema.enums };
}

/** Copies `type` without the given optional fields, and without any that are undefined or false. */
export function withoutFields<T extends ColumnType>(type: T, ...fields: string[]): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(type)) {
    if (fields.includes(key) || value === undefined || value === false) continue;
    out[key] = value;
  }
  return out as T;
}

/**
 * A key without the `inline` layout flag, for dialects that do not keep where a key was declared
 * (PostgreSQL, MySQL: every key is a table constraint in their catalogs), so that the model and
 * reflection normalise to the same thing. Compare restores the flag from the side as written
 * (`writtenTable`), so a created table still declares its keys where the model did.
 */
export function withoutLayout<T extends { inline?: boolean }>(key: T): T {
  if (!("inline" in key)) return key;
  const { inline: _inline, ...rest } = key;
  return rest as T;
}
