/**
 * ColumnType ↔ MySQL/MariaDB native types.
 *
 * Choices worth knowing:
 * - boolean is `tinyint(1)` (what MySQL's BOOLEAN means); any other tinyint reflects as raw.
 * - varchar needs a length in MySQL; without one it is `varchar(255)` (DEFAULT_VARCHAR_LENGTH).
 * - timestamp WITHOUT time zone is `datetime`: it stores the wall-clock value as given.
 *   WITH time zone is `timestamp`: MySQL stores it in UTC and converts from/to the session
 *   time zone, i.e. it denotes an instant (range 1970–2038).
 * - uuid is `char(36)`, which works on MySQL and on every MariaDB; MariaDB 10.7's native UUID type
 *   is reflected as raw "uuid". A char(36) column reflects as char(36), not uuid.
 * - json and jsonb are `json` (on MariaDB an alias for longtext with a json_valid CHECK, which
 *   reflection recognises).
 * - interval, arrays and time WITH time zone have no MySQL equivalent and are refused.
 */
import type { ColumnType } from "../../catalog/types.js";
import { MigrateError, UnsupportedOperationError } from "../../errors.js";
import { quoteLiteral } from "./quote.js";
import { parseStringLiterals } from "./literals.js";

/** The length of a varchar without one (MySQL requires a length). */
export const DEFAULT_VARCHAR_LENGTH = 255;

/** Checks a length/precision before it is written into DDL. */
function size(value: number, what: string, where: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new MigrateError("model", `The ${what} ${value} of ${where} is not a whole number.`, { hint: `Give ${where} a non-negative integer ${what}.` });
  }
  return value;
}

function unsupported(type: string, where: string, hint: string): never {
  throw new UnsupportedOperationError(`MySQL has no ${type} type (${where}).`, { hint });
}

function unsigned(type: { unsigned?: boolean }): string {
  return type.unsigned ? " unsigned" : "";
}

/** The native SQL for a ColumnType; `where` names the column for error messages. */
export function columnTypeSql(type: ColumnType, where: string): string {
  switch (type.kind) {
    case "smallint":
      return "smallint" + unsigned(type);
    case "integer":
      return "int" + unsigned(type);
    case "bigint":
      return "bigint" + unsigned(type);
    case "numeric": {
      if (type.precision === undefined) return (type.scale === undefined ? "decimal" : `decimal(10,${size(type.scale, "scale", where)})`) + unsigned(type);
      return `decimal(${size(type.precision, "precision", where)},${size(type.scale ?? 0, "scale", where)})` + unsigned(type);
    }
    case "real":
      return "float";
    case "double":
      return "double";
    case "boolean":
      return "tinyint(1)";
    case "char":
      return `char(${size(type.length ?? 1, "length", where)})`;
    case "varchar":
      return `varchar(${size(type.length ?? DEFAULT_VARCHAR_LENGTH, "length", where)})`;
    case "text":
      return `${type.size ?? ""}text`;
    case "date":
      return "date";
    case "time":
      if (type.withTimezone) unsupported("time with time zone", where, "Use a time without time zone, or a timestamp with time zone.");
      return type.precision ? `time(${size(type.precision, "precision", where)})` : "time";
    case "timestamp": {
      const base = type.withTimezone ? "timestamp" : "datetime";
      return type.precision ? `${base}(${size(type.precision, "precision", where)})` : base;
    }
    case "interval":
      return unsupported("interval", where, "Store the interval as a number of seconds (bigint) or as text, or use a raw type.");
    case "json":
    case "jsonb":
      return "json";
    case "uuid":
      return "char(36)";
    case "binary":
      if (type.fixed) return `binary(${size(type.length ?? 1, "length", where)})`;
      if (type.length !== undefined) return `varbinary(${size(type.length, "length", where)})`;
      return `${type.size ?? ""}blob`;
    case "enum":
      if (type.values.length === 0) {
        throw new MigrateError("model", `The enum ${type.name} of ${where} has no values.`, { hint: "Give the enum at least one value." });
      }
      return `enum(${type.values.map((v) => quoteLiteral(v)).join(",")})`;
    case "array":
      return unsupported("array", where, "Store the values in a json column or in a child table.");
    case "raw":
      return type.sql;
  }
}

/**
 * The display width MariaDB (and MySQL before 8.0.19) prints for an integer or year column
 * declared without one: signed, then unsigned (ZEROFILL implies unsigned).
 */
const DEFAULT_DISPLAY_WIDTH: Record<string, [number, number]> = {
  tinyint: [4, 3],
  smallint: [6, 5],
  mediumint: [9, 8],
  int: [11, 10],
  integer: [11, 10],
  bigint: [20, 20],
  year: [4, 4],
};

/** True when `width` is what the server prints for `base` declared without a width. */
export function isDefaultDisplayWidth(base: string, width: number, unsignedOrZerofill: boolean): boolean {
  const widths = DEFAULT_DISPLAY_WIDTH[base.toLowerCase()];
  return widths !== undefined && widths[unsignedOrZerofill ? 1 : 0] === width;
}

/** True for column types whose values carry a character set and collation. */
export function isCharacterType(type: ColumnType): boolean {
  switch (type.kind) {
    case "char":
    case "varchar":
    case "text":
    case "enum":
    case "uuid":
      return true;
    case "raw":
      return /^(char|varchar|tinytext|text|mediumtext|longtext|enum|set)\b/i.test(type.sql.trim());
    default:
      return false;
  }
}

/** True for types MySQL only accepts expression defaults on: `DEFAULT ('…')` rather than `DEFAULT '…'`. */
export function needsExpressionDefault(type: ColumnType): boolean {
  if (type.kind === "text" || type.kind === "json" || type.kind === "jsonb") return true;
  if (type.kind === "binary") return !type.fixed && type.length === undefined;
  if (type.kind === "raw") return /^(tiny|medium|long)?(text|blob)\b|^json\b|^geometry\b/i.test(type.sql.trim());
  return false;
}

/**
 * The ColumnType for an information_schema COLUMN_TYPE such as "int(11) unsigned",
 * "varchar(64)" or "enum('a','b')". Display widths the server prints by default are dropped
 * (others make the type raw, width kept); anything without a portable
 * equivalent (mediumint, year, bit, set, spatial types, …) comes back as raw SQL in lower case.
 * `enumName` names reflected enums (MySQL enums are anonymous).
 */
export function parseColumnType(columnType: string, enumName: string): ColumnType {
  const text = columnType.trim();
  const enumMatch = /^enum\s*\((.*)\)$/is.exec(text);
  if (enumMatch) {
    const values = parseStringLiterals(enumMatch[1] ?? "");
    if (values) return { kind: "enum", name: enumName, values };
    return { kind: "raw", sql: text };
  }
  if (/^set\s*\(/i.test(text)) return { kind: "raw", sql: text };
  const m = /^([a-z][a-z0-9]*(?: precision)?)\s*(?:\(([^)]*)\))?\s*(.*)$/i.exec(text);
  if (!m) return { kind: "raw", sql: text.toLowerCase() };
  const base = (m[1] ?? "").toLowerCase();
  const args = (m[2] ?? "").split(",").map((a) => a.trim()).filter((a) => a !== "").map(Number);
  const modifiers = (m[3] ?? "").toLowerCase().split(/\s+/).filter((w) => w !== "");
  const isUnsigned = modifiers.includes("unsigned");
  const plain = modifiers.every((w) => w === "unsigned");
  const flag = isUnsigned ? { unsigned: true } : {};
  // A display width the server would print anyway is dropped; any other (int(2), tinyint(1)
  // unsigned, a ZEROFILL width) is part of what the database holds, so the type is raw with it.
  const widthIsDefault = args.length === 1 && isDefaultDisplayWidth(base, args[0]!, isUnsigned || modifiers.includes("zerofill"));
  const rawOf = (): ColumnType => ({ kind: "raw", sql: [widthIsDefault ? base : `${base}${m[2] === undefined ? "" : `(${m[2]})`}`, ...modifiers].join(" ").toLowerCase() });
  if (!plain) return rawOf();
  if (base in DEFAULT_DISPLAY_WIDTH && args.length === 1 && !widthIsDefault && !(base === "tinyint" && args[0] === 1 && !isUnsigned)) return rawOf();
  switch (base) {
    case "tinyint":
      return args[0] === 1 && !isUnsigned ? { kind: "boolean" } : rawOf();
    case "smallint":
      return { kind: "smallint", ...flag };
    case "int":
    case "integer":
      return { kind: "integer", ...flag };
    case "bigint":
      return { kind: "bigint", ...flag };
    case "decimal":
    case "numeric":
      return { kind: "numeric", precision: args[0] ?? 10, scale: args[1] ?? 0, ...flag };
    case "float":
      return args.length === 0 && !isUnsigned ? { kind: "real" } : rawOf();
    case "double":
    case "double precision":
    case "real":
      return args.length === 0 && !isUnsigned ? { kind: "double" } : rawOf();
    case "char":
      return { kind: "char", length: args[0] ?? 1 };
    case "varchar":
      return { kind: "varchar", length: args[0] ?? DEFAULT_VARCHAR_LENGTH };
    case "text":
      return { kind: "text" };
    case "tinytext":
      return { kind: "text", size: "tiny" };
    case "mediumtext":
      return { kind: "text", size: "medium" };
    case "longtext":
      return { kind: "text", size: "long" };
    case "date":
      return { kind: "date" };
    case "time":
      return args[0] ? { kind: "time", precision: args[0] } : { kind: "time" };
    case "datetime":
      return args[0] ? { kind: "timestamp", precision: args[0] } : { kind: "timestamp" };
    case "timestamp":
      return args[0] ? { kind: "timestamp", withTimezone: true, precision: args[0] } : { kind: "timestamp", withTimezone: true };
    case "json":
      return { kind: "json" };
    case "binary":
      return { kind: "binary", length: args[0] ?? 1, fixed: true };
    case "varbinary":
      return args[0] === undefined ? rawOf() : { kind: "binary", length: args[0] };
    case "blob":
      return { kind: "binary" };
    case "tinyblob":
      return { kind: "binary", size: "tiny" };
    case "mediumblob":
      return { kind: "binary", size: "medium" };
    case "longblob":
      return { kind: "binary", size: "long" };
    default:
      return rawOf();
  }
}
