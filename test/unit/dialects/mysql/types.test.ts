/** ColumnType ↔ native MySQL types, including the spellings MySQL 8 and MariaDB report. */
import { describe, expect, it } from "vitest";
import type { ColumnType } from "../../../../src/catalog/types.js";
import { columnTypeSql, parseColumnType } from "../../../../src/dialects/mysql/types.js";
import { UnsupportedOperationError } from "../../../../src/errors.js";

describe("mysql column types", () => {
  const roundTrips: [ColumnType, string][] = [
    [{ kind: "smallint", unsigned: true }, "smallint unsigned"],
    [{ kind: "integer" }, "int"],
    [{ kind: "bigint" }, "bigint"],
    [{ kind: "numeric", precision: 10, scale: 2 }, "decimal(10,2)"],
    [{ kind: "real" }, "float"],
    [{ kind: "double" }, "double"],
    [{ kind: "boolean" }, "tinyint(1)"],
    [{ kind: "char", length: 2 }, "char(2)"],
    [{ kind: "varchar", length: 255 }, "varchar(255)"],
    [{ kind: "text" }, "text"],
    [{ kind: "text", size: "long" }, "longtext"],
    [{ kind: "date" }, "date"],
    [{ kind: "time", precision: 3 }, "time(3)"],
    [{ kind: "timestamp" }, "datetime"],
    [{ kind: "timestamp", precision: 6 }, "datetime(6)"],
    [{ kind: "timestamp", withTimezone: true }, "timestamp"],
    [{ kind: "json" }, "json"],
    [{ kind: "binary", length: 16, fixed: true }, "binary(16)"],
    [{ kind: "binary", length: 300 }, "varbinary(300)"],
    [{ kind: "binary" }, "blob"],
    [{ kind: "binary", size: "tiny" }, "tinyblob"],
    [{ kind: "enum", name: "c", values: ["a", "b'c"] }, "enum('a','b''c')"],
  ];

  it.each(roundTrips)("%j is %s and reads back", (type, native) => {
    expect(columnTypeSql(type, "t.c")).toBe(native);
    expect(parseColumnType(native, "c")).toEqual(type);
  });

  it("writes defaults for missing lengths and maps portable types", () => {
    expect(columnTypeSql({ kind: "varchar" }, "t.c")).toBe("varchar(255)");
    expect(columnTypeSql({ kind: "numeric" }, "t.c")).toBe("decimal");
    expect(columnTypeSql({ kind: "uuid" }, "t.c")).toBe("char(36)");
    expect(columnTypeSql({ kind: "jsonb" }, "t.c")).toBe("json");
    expect(columnTypeSql({ kind: "raw", sql: "point" }, "t.c")).toBe("point");
  });

  it("refuses types MySQL lacks", () => {
    for (const type of [{ kind: "interval" }, { kind: "array", of: { kind: "integer" } }, { kind: "time", withTimezone: true }] as ColumnType[]) {
      expect(() => columnTypeSql(type, "t.c")).toThrow(UnsupportedOperationError);
    }
  });

  it("normalises what servers report", () => {
    expect(parseColumnType("int(11)", "c")).toEqual({ kind: "integer" });
    expect(parseColumnType("int(10) unsigned", "c")).toEqual({ kind: "integer", unsigned: true });
    expect(parseColumnType("bigint(20) unsigned", "c")).toEqual({ kind: "bigint", unsigned: true });
    expect(parseColumnType("tinyint(4)", "c")).toEqual({ kind: "raw", sql: "tinyint" });
    expect(parseColumnType("tinyint", "c")).toEqual({ kind: "raw", sql: "tinyint" });
    expect(parseColumnType("tinyint(1) unsigned", "c")).toEqual({ kind: "raw", sql: "tinyint(1) unsigned" });
    expect(parseColumnType("tinyint(3) unsigned", "c")).toEqual({ kind: "raw", sql: "tinyint unsigned" });
    expect(parseColumnType("int(2)", "c")).toEqual({ kind: "raw", sql: "int(2)" });
    // Type names with digits (MariaDB's INET4 and INET6) stay one word.
    expect(parseColumnType("inet6", "c")).toEqual({ kind: "raw", sql: "inet6" });
    expect(parseColumnType("inet4", "c")).toEqual({ kind: "raw", sql: "inet4" });
    expect(parseColumnType("mediumint(8) unsigned", "c")).toEqual({ kind: "raw", sql: "mediumint unsigned" });
    expect(parseColumnType("int(5) unsigned zerofill", "c")).toEqual({ kind: "raw", sql: "int(5) unsigned zerofill" });
    expect(parseColumnType("int(10) unsigned zerofill", "c")).toEqual({ kind: "raw", sql: "int unsigned zerofill" });
    expect(parseColumnType("year(4)", "c")).toEqual({ kind: "raw", sql: "year" });
    expect(parseColumnType("bit(1)", "c")).toEqual({ kind: "raw", sql: "bit(1)" });
    expect(parseColumnType("float(7,4)", "c")).toEqual({ kind: "raw", sql: "float(7,4)" });
    expect(parseColumnType("decimal(10,0) unsigned", "c")).toEqual({ kind: "numeric", precision: 10, scale: 0, unsigned: true });
    expect(parseColumnType("set('a','B c')", "c")).toEqual({ kind: "raw", sql: "set('a','B c')" });
    expect(parseColumnType("enum('x','it''s','a\\\\b','q)')", "mood")).toEqual({ kind: "enum", name: "mood", values: ["x", "it's", "a\\b", "q)"] });
    expect(parseColumnType("uuid", "c")).toEqual({ kind: "raw", sql: "uuid" });
  });
});
