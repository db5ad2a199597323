/**
 * Equality of schema values as compare sees it. Absent, undefined and "off" fields mean the same
 * thing (`{ kind: "integer" }` equals `{ kind: "integer", unsigned: false }`), defaults and
 * expressions compare by their canonical SQL key, and enum column types compare by name where
 * enums are named types and by their values where they are written inline.
 */
import type { ColumnGeneration, ColumnType, DefaultValue, ReferentialAction } from "../catalog/types.js";
import type { ExpressionKey } from "./compare-expressions.js";
import { sameValue } from "../core/same-value.js";

/** A copy of `type` without fields that hold their default (false, undefined, one dimension). */
function canonicalType(type: ColumnType): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(type)) {
    if (value === undefined || value === false || value === null) continue;
    out[key] = value;
  }
  if (type.kind === "array") {
    out.of = canonicalType(type.of);
    if (type.dimensions === undefined || type.dimensions === 1) delete out.dimensions;
  }
  if (type.kind === "raw") out.sql = type.sql.trim().replace(/\s+/g, " ").toLowerCase();
  return out;
}

/**
 * True when two column types are the same. `namedEnums`: enum columns match by the type's schema
 * and name (the values belong to the enum type, compared separately); otherwise by their values,
 * since an inline enum has no name of its own.
 */
export function sameType(a: ColumnType, b: ColumnType, namedEnums: boolean): boolean {
  if (a.kind === "enum" && b.kind === "enum") {
    return namedEnums ? (a.schema ?? null) === (b.schema ?? null) && a.name === b.name : sameValue(a.values, b.values);
  }
  if (a.kind === "array" && b.kind === "array") return (a.dimensions ?? 1) === (b.dimensions ?? 1) && sameType(a.of, b.of, namedEnums);
  return sameValue(canonicalType(a), canonicalType(b));
}

/** The SQL text of a literal default, spelled the portable way, for comparing with expressions. */
function literalSql(value: string | number | boolean | null): string {
  if (value === null) return "null";
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}

/** A default with "no default" and "DEFAULT NULL" folded together: both leave new rows NULL. */
function effectiveDefault(value: DefaultValue | null | undefined): DefaultValue | null {
  if (!value) return null;
  if (value.kind === "literal" && value.value === null) return null;
  if (value.kind === "sql" && value.sql.trim().toLowerCase() === "null") return null;
  return value;
}

/** True when two server defaults have the same effect. */
export function sameDefault(a: DefaultValue | null | undefined, b: DefaultValue | null | undefined, key: ExpressionKey): boolean {
  const left = effectiveDefault(a);
  const right = effectiveDefault(b);
  if (left === null || right === null) return left === right;
  if (left.kind === "literal" && right.kind === "literal") return left.value === right.value;
  const leftSql = left.kind === "literal" ? literalSql(left.value) : left.sql;
  const rightSql = right.kind === "literal" ? literalSql(right.value) : right.sql;
  return key(leftSql) === key(rightSql);
}

/** True when two generation settings are the same (computed expressions compared by key). */
export function sameGeneration(a: ColumnGeneration | null | undefined, b: ColumnGeneration | null | undefined, key: ExpressionKey): boolean {
  if (!a || !b) return !a && !b;
  if (a.kind === "computed" && b.kind === "computed") return a.stored === b.stored && key(a.sql) === key(b.sql);
  // A serial's or identity's sequence options (normalised by the dialect to those that differ from the defaults).
  if (a.kind === "identity" && b.kind === "identity") return a.always === b.always && sameValue(a.sequence ?? null, b.sequence ?? null);
  if (a.kind === "autoincrement" && b.kind === "autoincrement") return sameValue(a.sequence ?? null, b.sequence ?? null);
  return a.kind === b.kind;
}

/** True when two comments say the same; an empty comment is no comment. */
export function sameComment(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a || null) === (b || null);
}

/**
 * True when two referential actions are the same. Absent is the dialect's unspecified rule, which
 * its normalisation spells as absent on both sides (NO ACTION on PostgreSQL and SQLite, RESTRICT
 * on MariaDB, where an explicit NO ACTION is a different catalog entry).
 */
export function sameAction(a: ReferentialAction | null | undefined, b: ReferentialAction | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** True when two optional SQL expressions (index predicates, …) are the same. */
export function sameExpression(a: string | null | undefined, b: string | null | undefined, key: ExpressionKey): boolean {
  const left = a?.trim() ? key(a) : null;
  const right = b?.trim() ? key(b) : null;
  return left === right;
}
