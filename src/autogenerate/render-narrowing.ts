/**
 * The one judgement of whether a column type change can lose or reject existing values: shorter
 * strings, fewer digits, smaller integers, fewer enum values, or a change to another kind of
 * type. Only some kind changes are known to be safe widenings (smallint → integer → bigint,
 * real → double, integers to a wide enough numeric, anything with a text form to text, date →
 * timestamp, jsonb → json). Autogenerate's warnings and the file's `// WARNING` lines both come
 * from here, so a change is judged, and reported, once.
 */
import type { ColumnType } from "../catalog/types.js";

type Of<K extends ColumnType["kind"]> = Extract<ColumnType, { kind: K }>;

/** A short SQL-like label for a type, for messages: `varchar(255)`, `numeric(12,2)`, `integer unsigned`. */
export function typeLabel(type: ColumnType): string {
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return type.unsigned ? `${type.kind} unsigned` : type.kind;
    case "numeric": {
      const digits = type.precision === undefined ? "" : type.scale === undefined ? `(${type.precision})` : `(${type.precision},${type.scale})`;
      return `numeric${digits}${type.unsigned ? " unsigned" : ""}`;
    }
    case "char":
    case "varchar":
      return type.length === undefined ? type.kind : `${type.kind}(${type.length})`;
    case "text":
      return type.size ? `${type.size}text` : "text";
    case "time":
    case "timestamp":
      return `${type.kind}${type.precision === undefined ? "" : `(${type.precision})`}${type.withTimezone ? " with time zone" : ""}`;
    case "binary":
      if (type.size) return `${type.size}blob`;
      return type.length === undefined ? "binary" : `${type.fixed ? "binary" : "varbinary"}(${type.length})`;
    case "enum":
      return `enum ${type.name}`;
    case "array":
      return `${typeLabel(type.of)}[]`;
    case "raw":
      return type.sql;
    default:
      return type.kind;
  }
}

const INTEGER_RANK = { smallint: 1, integer: 2, bigint: 3 } as const;
/** Decimal digits each integer type needs, signed or not. */
const INTEGER_DIGITS = { smallint: 5, integer: 10, bigint: 20 } as const;
const TEXT_RANK = { tiny: 1, medium: 3, long: 4 } as const;
/** Sizes of MySQL's TEXT and BLOB families; no size is the plain TEXT/BLOB. */
const textRank = (size: Of<"text">["size"]): number => (size ? TEXT_RANK[size] : 2);
const isInteger = (t: ColumnType): t is Of<"smallint" | "integer" | "bigint"> => t.kind in INTEGER_RANK;

/** `to` bounds a length that `from` left open or allowed to be larger. */
function shorter(from: number | undefined, to: number | undefined): boolean {
  return to !== undefined && (from === undefined || to < from);
}

function numericNarrows(from: Of<"numeric">, to: Of<"numeric">): string | null {
  if (Boolean(from.unsigned) !== Boolean(to.unsigned)) return "the sign changes";
  if (to.precision === undefined) return null;
  if (from.precision === undefined) return "the number of digits becomes limited";
  const fromScale = from.scale ?? 0;
  const toScale = to.scale ?? 0;
  if (toScale < fromScale) return "fewer decimal places";
  if (to.precision - toScale < from.precision - fromScale) return "fewer integer digits";
  return null;
}

function sameKindNarrows(from: ColumnType, to: ColumnType): string | null {
  switch (from.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return Boolean(from.unsigned) !== Boolean((to as typeof from).unsigned) ? "the sign changes" : null;
    case "numeric":
      return numericNarrows(from, to as typeof from);
    case "char":
    case "varchar":
      return shorter(from.length, (to as typeof from).length) ? "shorter length" : null;
    case "text":
      return textRank((to as typeof from).size) < textRank(from.size) ? "smaller text size" : null;
    case "binary": {
      const next = to as typeof from;
      if (textRank(next.size) < textRank(from.size)) return "smaller size";
      return shorter(from.length, next.length) ? "shorter length" : null;
    }
    case "time":
    case "timestamp": {
      const next = to as typeof from;
      if (from.withTimezone && !next.withTimezone) return "the time zone is dropped";
      return (next.precision ?? 6) < (from.precision ?? 6) ? "fewer fractional-second digits" : null;
    }
    case "enum": {
      const removed = from.values.filter((v) => !(to as typeof from).values.includes(v));
      return removed.length > 0 ? `values ${removed.map((v) => JSON.stringify(v)).join(", ")} are removed` : null;
    }
    case "array": {
      const next = to as typeof from;
      if ((next.dimensions ?? 1) !== (from.dimensions ?? 1)) return "the number of dimensions changes";
      return narrowingReason(from.of, next.of);
    }
    case "raw":
      return from.sql.trim().toLowerCase() === (to as typeof from).sql.trim().toLowerCase() ? null : "the type changes";
    default:
      return null;
  }
}

/** Kinds whose every value has a short text form that an unbounded string holds. */
const TEXT_FORM = new Set<ColumnType["kind"]>(["smallint", "integer", "bigint", "numeric", "real", "double", "boolean", "char", "varchar", "date", "time", "timestamp", "interval", "uuid", "enum"]);

/** Kind changes known not to lose values. */
function widens(from: ColumnType, to: ColumnType): boolean {
  // integer → text, date → text, enum → text: every value keeps its text form.
  if (TEXT_FORM.has(from.kind) && ((to.kind === "text" && textRank(to.size) >= textRank(undefined)) || (to.kind === "varchar" && to.length === undefined))) return true;
  if (from.kind === "enum" && (to.kind === "varchar" || to.kind === "char") && to.length !== undefined) return from.values.every((v) => v.length <= (to.length as number));
  if ((from.kind === "smallint" || from.kind === "integer") && to.kind === "double") return true;
  if (from.kind === "date" && to.kind === "timestamp") return true;
  // jsonb keeps one of duplicate keys, so only jsonb → json keeps every value as it was.
  if (from.kind === "jsonb" && to.kind === "json") return true;
  if (isInteger(from) && isInteger(to)) return INTEGER_RANK[to.kind] > INTEGER_RANK[from.kind] && !(to.unsigned && !from.unsigned);
  if (isInteger(from) && to.kind === "numeric") {
    if (to.unsigned && !from.unsigned) return false;
    return to.precision === undefined || to.precision - (to.scale ?? 0) >= INTEGER_DIGITS[from.kind];
  }
  if (from.kind === "real" && to.kind === "double") return true;
  if ((from.kind === "char" || from.kind === "varchar") && to.kind === "text") return true;
  if (from.kind === "char" && to.kind === "varchar") return !shorter(from.length, to.length);
  return false;
}

/** Why changing a column from `from` to `to` can lose or reject values, or null when it cannot. */
export function narrowingReason(from: ColumnType, to: ColumnType): string | null {
  if (from.kind === to.kind) return sameKindNarrows(from, to);
  return widens(from, to) ? null : "a different kind of type";
}
