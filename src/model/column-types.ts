/**
 * Column type factories: each returns a ColumnBuilder whose type is one of the portable
 * ColumnType values. Dialects map them to native SQL; `rawType` is the escape hatch.
 */
import { MigrateError } from "../errors.js";
import type { ColumnType } from "../catalog/types.js";
import { ColumnBuilder, isColumnBuilder, type IdentityOptions } from "./column-builder.js";
import type { SequenceOptionsInput } from "../catalog/sequence-options.js";

/** The ColumnType member with the given kind. */
export type ColumnTypeOf<K extends ColumnType["kind"]> = Extract<ColumnType, { kind: K }>;

/** Precision options of time and timestamp. */
export interface TimeOptions {
  withTimezone?: boolean;
  /** Fractional-second digits. */
  precision?: number;
}

function checkLength(value: number | undefined, what: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new MigrateError("model", `${what} must be a non-negative integer, got ${String(value)}.`, { hint: `Pass a whole number such as 255 as the ${what}.` });
  }
}

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** A column of any portable type, e.g. `column({ kind: "varchar", length: 20 })`. */
export function column<T extends ColumnType>(type: T): ColumnBuilder<T> {
  return new ColumnBuilder(type);
}

/** 2-byte integer. */
export function smallint(): ColumnBuilder<ColumnTypeOf<"smallint">> {
  return column({ kind: "smallint" });
}

/** 4-byte integer. */
export function integer(): ColumnBuilder<ColumnTypeOf<"integer">> {
  return column({ kind: "integer" });
}

/** 8-byte integer. */
export function bigint(): ColumnBuilder<ColumnTypeOf<"bigint">> {
  return column({ kind: "bigint" });
}

/** Auto-incrementing integer: `integer().autoIncrement(options)` (serial on PostgreSQL, with its sequence's options). */
export function serial(options?: SequenceOptionsInput): ColumnBuilder<ColumnTypeOf<"integer">> {
  return integer().autoIncrement(options);
}

/** Auto-incrementing 8-byte integer: `bigint().autoIncrement(options)` (bigserial on PostgreSQL). */
export function bigserial(options?: SequenceOptionsInput): ColumnBuilder<ColumnTypeOf<"bigint">> {
  return bigint().autoIncrement(options);
}

/** Identity integer: `integer().identity(options)`; `always` selects GENERATED ALWAYS; the rest are its sequence's options. */
export function identity(options: IdentityOptions = {}): ColumnBuilder<ColumnTypeOf<"integer">> {
  return integer().identity(options);
}

/** Exact decimal with optional precision and scale. */
export function numeric(precision?: number, scale?: number): ColumnBuilder<ColumnTypeOf<"numeric">> {
  checkLength(precision, "numeric precision");
  checkLength(scale, "numeric scale");
  if (scale !== undefined && precision === undefined) {
    throw new MigrateError("model", "numeric() got a scale without a precision.", { hint: "Pass both, e.g. numeric(12, 2)." });
  }
  return column(withOptional({ kind: "numeric" } as ColumnTypeOf<"numeric">, { precision, scale }));
}

/** 4-byte floating point. */
export function real(): ColumnBuilder<ColumnTypeOf<"real">> {
  return column({ kind: "real" });
}

/** 8-byte floating point. */
export function double(): ColumnBuilder<ColumnTypeOf<"double">> {
  return column({ kind: "double" });
}

/** Boolean (TINYINT(1) on MySQL, INTEGER on SQLite). */
export function boolean(): ColumnBuilder<ColumnTypeOf<"boolean">> {
  return column({ kind: "boolean" });
}

/** Fixed-length character string. */
export function char(length?: number): ColumnBuilder<ColumnTypeOf<"char">> {
  checkLength(length, "char length");
  return column(withOptional({ kind: "char" } as ColumnTypeOf<"char">, { length }));
}

/** Variable-length string; the length is optional except on MySQL. */
export function varchar(length?: number): ColumnBuilder<ColumnTypeOf<"varchar">> {
  checkLength(length, "varchar length");
  return column(withOptional({ kind: "varchar" } as ColumnTypeOf<"varchar">, { length }));
}

/** Unbounded text; `size` selects MySQL's TINYTEXT / MEDIUMTEXT / LONGTEXT. */
export function text(options: { size?: "tiny" | "medium" | "long" } = {}): ColumnBuilder<ColumnTypeOf<"text">> {
  return column(withOptional({ kind: "text" } as ColumnTypeOf<"text">, { size: options.size }));
}

/** Calendar date. */
export function date(): ColumnBuilder<ColumnTypeOf<"date">> {
  return column({ kind: "date" });
}

/** Time of day. */
export function time(options: TimeOptions = {}): ColumnBuilder<ColumnTypeOf<"time">> {
  checkLength(options.precision, "time precision");
  return column(withOptional({ kind: "time" } as ColumnTypeOf<"time">, { withTimezone: options.withTimezone, precision: options.precision }));
}

/** Date and time; `withTimezone` gives timestamptz on PostgreSQL. */
export function timestamp(options: TimeOptions = {}): ColumnBuilder<ColumnTypeOf<"timestamp">> {
  checkLength(options.precision, "timestamp precision");
  return column(withOptional({ kind: "timestamp" } as ColumnTypeOf<"timestamp">, { withTimezone: options.withTimezone, precision: options.precision }));
}

/** A time span (PostgreSQL). */
export function interval(): ColumnBuilder<ColumnTypeOf<"interval">> {
  return column({ kind: "interval" });
}

/** JSON text. */
export function json(): ColumnBuilder<ColumnTypeOf<"json">> {
  return column({ kind: "json" });
}

/** Binary JSON (PostgreSQL jsonb; plain JSON elsewhere). */
export function jsonb(): ColumnBuilder<ColumnTypeOf<"jsonb">> {
  return column({ kind: "jsonb" });
}

/** UUID (native on PostgreSQL, CHAR(36) on MySQL, TEXT on SQLite). */
export function uuid(): ColumnBuilder<ColumnTypeOf<"uuid">> {
  return column({ kind: "uuid" });
}

/** Binary data: `binary({ length: 16, fixed: true })` is BINARY(16), `binary({ length: 255 })` VARBINARY(255), `binary()` bytea/BLOB. */
export function binary(options: { length?: number; fixed?: boolean } = {}): ColumnBuilder<ColumnTypeOf<"binary">> {
  checkLength(options.length, "binary length");
  if (options.fixed && options.length === undefined) {
    throw new MigrateError("model", "binary({ fixed: true }) needs a length.", { hint: "Pass the byte length, e.g. binary({ length: 16, fixed: true })." });
  }
  return column(withOptional({ kind: "binary" } as ColumnTypeOf<"binary">, { length: options.length, fixed: options.fixed }));
}

/** Large binary object; `size` selects MySQL's TINYBLOB / MEDIUMBLOB / LONGBLOB. */
export function blob(options: { size?: "tiny" | "medium" | "long" } = {}): ColumnBuilder<ColumnTypeOf<"binary">> {
  return column(withOptional({ kind: "binary" } as ColumnTypeOf<"binary">, { size: options.size }));
}

/** A PostgreSQL array of another type, e.g. `array(text())` or `array(integer(), { dimensions: 2 })`. */
export function array(of: ColumnBuilder | ColumnType, options: { dimensions?: number } = {}): ColumnBuilder<ColumnTypeOf<"array">> {
  checkLength(options.dimensions, "array dimensions");
  const element = isColumnBuilder(of) ? of.definition.type : of;
  return column(withOptional({ kind: "array", of: element } as ColumnTypeOf<"array">, { dimensions: options.dimensions }));
}

/** A native type written verbatim, e.g. `rawType("tsvector")`. */
export function rawType(sqlType: string): ColumnBuilder<ColumnTypeOf<"raw">> {
  if (typeof sqlType !== "string" || sqlType.trim() === "") {
    throw new MigrateError("model", "rawType() needs the native type as text.", { hint: 'Write it as it appears in SQL, e.g. rawType("tsvector").' });
  }
  return column({ kind: "raw", sql: sqlType });
}
