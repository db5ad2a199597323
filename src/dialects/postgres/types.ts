/**
 * ColumnType <-> PostgreSQL types, both ways. Compile writes native SQL from a ColumnType;
 * reflection reads `pg_type` names and type modifiers back into the same ColumnType, in one
 * canonical shape (optional fields left out when they hold the default), so that a column created
 * from a model reflects back equal to it.
 *
 * `unsigned` is ignored: PostgreSQL has no unsigned integers, and emulating one with a CHECK would
 * add a constraint the model does not contain (and that reflection would report as a separate
 * check), so the flag only has meaning on MySQL. Likewise `text.size` and binary length/fixed:
 * PostgreSQL has one `text` and one `bytea`.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { ColumnType } from "../../catalog/types.js";
import { quoteTable } from "./quote.js";

function withPrecision(base: string, precision: number | undefined): string {
  return precision === undefined ? base : `${base}(${precision})`;
}

/** The native SQL for a column type (without serial/identity handling). */
export function columnTypeSql(type: ColumnType): string {
  switch (type.kind) {
    case "smallint":
      return "smallint";
    case "integer":
      return "integer";
    case "bigint":
      return "bigint";
    case "numeric":
      if (type.precision === undefined) return "numeric";
      return type.scale === undefined ? `numeric(${type.precision})` : `numeric(${type.precision},${type.scale})`;
    case "real":
      return "real";
    case "double":
      return "double precision";
    case "boolean":
      return "boolean";
    case "char":
      return withPrecision("char", type.length);
    case "varchar":
      return withPrecision("varchar", type.length);
    case "text":
      return "text";
    case "date":
      return "date";
    case "time":
      return `${withPrecision("time", type.precision)}${type.withTimezone ? " with time zone" : ""}`;
    case "timestamp":
      return `${withPrecision("timestamp", type.precision)}${type.withTimezone ? " with time zone" : ""}`;
    case "interval":
      return "interval";
    case "json":
      return "json";
    case "jsonb":
      return "jsonb";
    case "uuid":
      return "uuid";
    case "binary":
      return "bytea";
    case "enum":
      return quoteTable({ schema: type.schema, name: type.name });
    case "array":
      return `${columnTypeSql(type.of)}${"[]".repeat(Math.max(1, type.dimensions ?? 1))}`;
    case "raw":
      return type.sql;
  }
}

/** The serial pseudo-type for an autoincrement column of `type`, or an error naming the problem. */
export function serialTypeSql(type: ColumnType, column: string): string {
  if (type.kind === "smallint") return "smallserial";
  if (type.kind === "integer") return "serial";
  if (type.kind === "bigint") return "bigserial";
  throw new UnsupportedOperationError(`Column "${column}" is autoincrement with type ${type.kind}; PostgreSQL serial columns must be smallint, integer or bigint.`, {
    hint: "Give the column an integer type, or drop autoincrement and set a default such as gen_random_uuid().",
  });
}

/** What reflection knows about one column's type (the element type for arrays). */
export interface NativeTypeInfo {
  /** `pg_type.typname` of the type (of the element type for arrays). */
  typname: string;
  /** `pg_type.typtype`: b(ase), e(num), d(omain), c(omposite), r(ange), … */
  typtype: string;
  /** True when the type lives in pg_catalog (a user type may reuse a built-in name elsewhere). */
  builtin: boolean;
  /** `pg_attribute.atttypmod`; -1 when absent. */
  typmod: number;
  /** `format_type(element type, typmod)`: the fallback spelling for types without a ColumnType. */
  formatted: string;
  /** For enums: schema (null for the current schema), name and values in sort order. */
  enumSchema?: string | null;
  enumValues?: string[] | null;
  /** Array dimensions (`attndims`); 0 when not an array. */
  dimensions: number;
}

/** `precision` from a time/timestamp typmod, when one was declared. */
function timePrecision(typmod: number): { precision?: number } {
  return typmod >= 0 ? { precision: typmod } : {};
}

/** The length from a char/varchar typmod (which counts a 4-byte header). */
function charLength(typmod: number): { length?: number } {
  return typmod >= 4 ? { length: typmod - 4 } : {};
}

/** The ColumnType of a scalar (non-array) native type. */
function scalarType(info: NativeTypeInfo): ColumnType {
  const { typname, typmod } = info;
  if (info.typtype === "e") return { kind: "enum", name: typname, values: info.enumValues ?? [], schema: info.enumSchema ?? null };
  // Domains, composites, ranges and look-alikes outside pg_catalog keep their own spelling.
  if (info.typtype !== "b" || !info.builtin) return { kind: "raw", sql: info.formatted };
  switch (typname) {
    case "int2":
      return { kind: "smallint" };
    case "int4":
      return { kind: "integer" };
    case "int8":
      return { kind: "bigint" };
    case "numeric":
      if (typmod < 4) return { kind: "numeric" };
      return { kind: "numeric", precision: ((typmod - 4) >> 16) & 0xffff, scale: (typmod - 4) & 0xffff };
    case "float4":
      return { kind: "real" };
    case "float8":
      return { kind: "double" };
    case "bool":
      return { kind: "boolean" };
    case "bpchar":
      return { kind: "char", ...charLength(typmod) };
    case "varchar":
      return { kind: "varchar", ...charLength(typmod) };
    case "text":
      return { kind: "text" };
    case "date":
      return { kind: "date" };
    case "time":
      return { kind: "time", ...timePrecision(typmod) };
    case "timetz":
      return { kind: "time", withTimezone: true, ...timePrecision(typmod) };
    case "timestamp":
      return { kind: "timestamp", ...timePrecision(typmod) };
    case "timestamptz":
      return { kind: "timestamp", withTimezone: true, ...timePrecision(typmod) };
    case "json":
      return { kind: "json" };
    case "jsonb":
      return { kind: "jsonb" };
    case "uuid":
      return { kind: "uuid" };
    case "bytea":
      return { kind: "binary" };
    case "interval":
      // Interval fields and precision (`interval day to second(3)`) have no ColumnType spelling.
      return typmod < 0 ? { kind: "interval" } : { kind: "raw", sql: info.formatted };
    default:
      return { kind: "raw", sql: info.formatted };
  }
}

/** The ColumnType of a reflected column; `dimensions` is only reported above one. */
export function reflectColumnType(info: NativeTypeInfo): ColumnType {
  const scalar = scalarType(info);
  if (info.dimensions <= 0) return scalar;
  return info.dimensions > 1 ? { kind: "array", of: scalar, dimensions: info.dimensions } : { kind: "array", of: scalar };
}
