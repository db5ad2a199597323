/** ColumnType <-> PostgreSQL native types. */
import { describe, expect, it } from "vitest";
import { UnsupportedOperationError } from "../../../../src/errors.js";
import { columnTypeSql, reflectColumnType, serialTypeSql, type NativeTypeInfo } from "../../../../src/dialects/postgres/types.js";

function info(typname: string, typmod = -1, extra: Partial<NativeTypeInfo> = {}): NativeTypeInfo {
  return { typname, typtype: "b", builtin: true, typmod, formatted: typname, dimensions: 0, ...extra };
}

describe("columnTypeSql", () => {
  it("writes native types", () => {
    expect(columnTypeSql({ kind: "numeric", precision: 12, scale: 4 })).toBe("numeric(12,4)");
    expect(columnTypeSql({ kind: "timestamp", precision: 0, withTimezone: true })).toBe("timestamp(0) with time zone");
    expect(columnTypeSql({ kind: "enum", name: "E", values: [], schema: "s" })).toBe('"s"."E"');
    expect(columnTypeSql({ kind: "array", of: { kind: "enum", name: "E", values: [] } })).toBe('"E"[]');
    expect(columnTypeSql({ kind: "bigint", unsigned: true })).toBe("bigint");
  });

  it("maps autoincrement to serial types and refuses others", () => {
    expect(serialTypeSql({ kind: "smallint" }, "c")).toBe("smallserial");
    expect(serialTypeSql({ kind: "integer" }, "c")).toBe("serial");
    expect(serialTypeSql({ kind: "bigint" }, "c")).toBe("bigserial");
    expect(() => serialTypeSql({ kind: "text" }, "c")).toThrow(UnsupportedOperationError);
  });
});

describe("reflectColumnType", () => {
  it("reads type modifiers", () => {
    expect(reflectColumnType(info("varchar", 24))).toEqual({ kind: "varchar", length: 20 });
    expect(reflectColumnType(info("varchar"))).toEqual({ kind: "varchar" });
    expect(reflectColumnType(info("bpchar", 7))).toEqual({ kind: "char", length: 3 });
    expect(reflectColumnType(info("numeric", 655366))).toEqual({ kind: "numeric", precision: 10, scale: 2 });
    expect(reflectColumnType(info("numeric"))).toEqual({ kind: "numeric" });
    expect(reflectColumnType(info("timestamptz", 3))).toEqual({ kind: "timestamp", withTimezone: true, precision: 3 });
    expect(reflectColumnType(info("timetz"))).toEqual({ kind: "time", withTimezone: true });
    expect(reflectColumnType(info("float8"))).toEqual({ kind: "double" });
    expect(reflectColumnType(info("bytea"))).toEqual({ kind: "binary" });
  });

  it("reads enums, arrays and falls back to raw", () => {
    expect(reflectColumnType(info("mood", -1, { typtype: "e", builtin: false, enumSchema: null, enumValues: ["a"] }))).toEqual({ kind: "enum", name: "mood", values: ["a"], schema: null });
    expect(reflectColumnType(info("text", -1, { dimensions: 1 }))).toEqual({ kind: "array", of: { kind: "text" } });
    expect(reflectColumnType(info("int4", -1, { dimensions: 2 }))).toEqual({ kind: "array", of: { kind: "integer" }, dimensions: 2 });
    expect(reflectColumnType(info("inet"))).toEqual({ kind: "raw", sql: "inet" });
    expect(reflectColumnType(info("interval", 2, { formatted: "interval(2)" }))).toEqual({ kind: "raw", sql: "interval(2)" });
    expect(reflectColumnType(info("text", -1, { builtin: false, formatted: "app.text" }))).toEqual({ kind: "raw", sql: "app.text" });
    expect(reflectColumnType(info("posint", -1, { typtype: "d", builtin: false, formatted: "posint" }))).toEqual({ kind: "raw", sql: "posint" });
  });
});
