/**
 * Type changes autogenerate cannot vouch for. A column type change is always generated, but when
 * the new type is narrower (shorter strings, smaller integers, fewer enum values) or of another
 * family, existing rows may fail to convert or lose data, so compare also returns a warning.
 */
import type { ColumnType } from "../catalog/types.js";

/** A short SQL-like spelling of a type, for messages. */
export function typeLabel(type: ColumnType): string {
  const args = (...values: (number | undefined)[]): string => {
    const present = values.filter((v): v is number => v !== undefined);
    return present.length > 0 ? `(${present.join(",")})` : "";
  };
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return `${type.kind}${type.unsigned ? " unsigned" : ""}`;
    case "numeric":
      return `numeric${args(type.precision, type.scale)}${type.unsigned ? " unsigned" : ""}`;
    case "char":
    case "varchar":
      return `${type.kind}${args(type.length)}`;
    case "text":
      return type.size ? `${type.size}text` : "text";
    case "time":
    case "timestamp":
      return `${type.kind}${args(type.precision)}${type.withTimezone ? " with time zone" : ""}`;
    case "binary":
      return `${type.fixed ? "binary" : "varbinary"}${args(type.length)}`;
    case "enum":
      return `enum ${type.name}(${type.values.map((v) => `'${v}'`).join(", ")})`;
    case "array":
      return `${typeLabel(type.of)}${"[]".repeat(type.dimensions ?? 1)}`;
    case "raw":
      return type.sql;
    default:
      return type.kind;
  }
}

const INTEGER_RANK: Partial<Record<ColumnType["kind"], number>> = { smallint: 1, integer: 2, bigint: 3 };
const TEXT_SIZE_RANK = { tiny: 0, undefined: 1, medium: 2, long: 3 } as const;

/** Length limit of a character type; Infinity for unlimited. */
function charLimit(type: ColumnType): number | undefined {
  if (type.kind === "text") return Infinity;
  if (type.kind === "char" || type.kind === "varchar") return type.length ?? (type.kind === "varchar" ? Infinity : 1);
  return undefined;
}

const less = (a: number | undefined, b: number | undefined): boolean => a !== undefined && (b === undefined || a < b);

/** Why converting `from` to `to` can fail or lose data, or undefined when it is a safe widening. */
function narrowingReason(from: ColumnType, to: ColumnType): string | undefined {
  const fromRank = INTEGER_RANK[from.kind];
  const toRank = INTEGER_RANK[to.kind];
  if (fromRank !== undefined && toRank !== undefined) {
    const unsignedFrom = "unsigned" in from && !!from.unsigned;
    const unsignedTo = "unsigned" in to && !!to.unsigned;
    if (toRank < fromRank) return "the new integer type is smaller";
    if (unsignedFrom !== unsignedTo && toRank === fromRank) return "signedness changes";
    return unsignedTo && !unsignedFrom ? "negative values do not fit an unsigned type" : undefined;
  }
  if (fromRank !== undefined && (to.kind === "numeric" || to.kind === "double")) return undefined;
  const fromLimit = charLimit(from);
  const toLimit = charLimit(to);
  if (fromLimit !== undefined && toLimit !== undefined) return toLimit < fromLimit ? "the new type holds shorter strings" : undefined;
  if (from.kind === "enum" && toLimit !== undefined) return undefined;
  if (from.kind === "enum" && to.kind === "enum") {
    const removed = from.values.filter((v) => !to.values.includes(v));
    return removed.length > 0 ? `values ${removed.map((v) => `'${v}'`).join(", ")} are removed` : undefined;
  }
  if (from.kind === "numeric" && to.kind === "numeric") {
    return less(to.precision, from.precision) || less(to.scale, from.scale) ? "the new numeric type has less precision or scale" : undefined;
  }
  if (from.kind === "real" && to.kind === "double") return undefined;
  if ((from.kind === "time" || from.kind === "timestamp") && to.kind === from.kind) {
    return less(to.precision, from.precision) ? "fractional seconds are cut" : undefined;
  }
  if (from.kind === "date" && to.kind === "timestamp") return undefined;
  if (from.kind === "text" && to.kind === "text") return TEXT_SIZE_RANK[to.size ?? "undefined"] < TEXT_SIZE_RANK[from.size ?? "undefined"] ? "the new text type is smaller" : undefined;
  if (from.kind === "binary" && to.kind === "binary") return less(to.length, from.length) ? "the new binary type is shorter" : undefined;
  if ((from.kind === "json" || from.kind === "jsonb") && (to.kind === "json" || to.kind === "jsonb")) return undefined;
  return "the types belong to different families";
}

/** A warning for changing `column` of `table` from `from` to `to`, or undefined when it is safe. */
export function typeChangeWarning(table: string, column: string, from: ColumnType, to: ColumnType): string | undefined {
  const reason = narrowingReason(from, to);
  if (!reason) return undefined;
  return `column ${table}.${column} changes type from ${typeLabel(from)} to ${typeLabel(to)} and ${reason}: existing values may fail to convert or lose data; check the data first, or give the alterColumn a "using" expression where the database supports one`;
}
