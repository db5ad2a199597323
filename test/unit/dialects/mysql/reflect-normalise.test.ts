/** Normalising catalog text: defaults as MariaDB and MySQL 8 report them, expressions, collations, keys. */
import { describe, expect, it } from "vitest";
import { canonicalExpression, normaliseCollation, parseDefault, reflectColumn, stripOuterParens } from "../../../../src/dialects/mysql/reflect-columns.js";
import { checksOf, indexesOf } from "../../../../src/dialects/mysql/reflect-constraints.js";
import { parseStringLiteral, parseStringLiterals } from "../../../../src/dialects/mysql/literals.js";
import { atLeast, parseServerVersion } from "../../../../src/dialects/mysql/server-info.js";
import { lockName } from "../../../../src/dialects/mysql/lock.js";

const varchar = { kind: "varchar", length: 10 } as const;

describe("mysql default values", () => {
  it("reads MariaDB's COLUMN_DEFAULT", () => {
    expect(parseDefault(null, "", varchar, "mariadb")).toBeNull();
    expect(parseDefault("NULL", "", varchar, "mariadb")).toBeNull();
    expect(parseDefault("'NULL'", "", varchar, "mariadb")).toEqual({ kind: "literal", value: "NULL" });
    expect(parseDefault("'it''s a \\\\ b'", "", varchar, "mariadb")).toEqual({ kind: "literal", value: "it's a \\ b" });
    expect(parseDefault("'x\\'y'", "", varchar, "mariadb")).toEqual({ kind: "literal", value: "x'y" });
    expect(parseDefault("'5'", "", varchar, "mariadb")).toEqual({ kind: "literal", value: "5" });
    expect(parseDefault("1", "", { kind: "boolean" }, "mariadb")).toEqual({ kind: "literal", value: true });
    expect(parseDefault("1.50", "", { kind: "numeric", precision: 10, scale: 2 }, "mariadb")).toEqual({ kind: "literal", value: 1.5 });
    expect(parseDefault("-3", "", { kind: "integer" }, "mariadb")).toEqual({ kind: "literal", value: -3 });
    expect(parseDefault("18446744073709551615", "", { kind: "bigint", unsigned: true }, "mariadb")).toEqual({ kind: "literal", value: "18446744073709551615" });
    expect(parseDefault("current_timestamp()", "", { kind: "timestamp" }, "mariadb")).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP" });
    expect(parseDefault("current_timestamp(3)", "", { kind: "timestamp" }, "mariadb")).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP(3)" });
    expect(parseDefault("uuid()", "", varchar, "mariadb")).toEqual({ kind: "sql", sql: "uuid()" });
    expect(parseDefault("(1 + 2)", "", { kind: "integer" }, "mariadb")).toEqual({ kind: "sql", sql: "(1 + 2)" });
  });

  it("reads MySQL 8's COLUMN_DEFAULT", () => {
    expect(parseDefault(null, "", varchar, "mysql")).toBeNull();
    expect(parseDefault("NULL", "", varchar, "mysql")).toEqual({ kind: "literal", value: "NULL" });
    expect(parseDefault("it's", "", varchar, "mysql")).toEqual({ kind: "literal", value: "it's" });
    expect(parseDefault("0", "", { kind: "boolean" }, "mysql")).toEqual({ kind: "literal", value: false });
    expect(parseDefault("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", { kind: "timestamp" }, "mysql")).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP" });
    expect(parseDefault("CURRENT_TIMESTAMP(6)", "", { kind: "timestamp" }, "mysql")).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP(6)" });
    expect(parseDefault("uuid()", "DEFAULT_GENERATED", varchar, "mysql")).toEqual({ kind: "sql", sql: "uuid()" });
    expect(parseDefault("b'101'", "", { kind: "raw", sql: "bit(3)" }, "mysql")).toEqual({ kind: "sql", sql: "b'101'" });
  });

  it("canonicalises expressions and collations", () => {
    expect(canonicalExpression("now()")).toBe("CURRENT_TIMESTAMP");
    expect(canonicalExpression("CURRENT_TIMESTAMP")).toBe("CURRENT_TIMESTAMP");
    expect(canonicalExpression("lower(x)")).toBe("lower(x)");
    expect(stripOuterParens("(`a` > 0)")).toBe("`a` > 0");
    expect(stripOuterParens("(a) + (b)")).toBe("(a) + (b)");
    expect(stripOuterParens("(')')")).toBe("')'");
    expect(normaliseCollation("utf8_general_ci")).toBe("utf8mb3_general_ci");
    expect(normaliseCollation("utf8mb4_bin")).toBe("utf8mb4_bin");
  });
});

describe("mysql column rows", () => {
  const base = { table_schema: "d", table_name: "t", column_name: "c", column_default: null, is_nullable: "YES", data_type: "", column_type: "", collation_name: null, extra: "", column_comment: "", generation_expression: null };

  it("reads MySQL 8 generated, auto_increment and ON UPDATE columns", () => {
    expect(reflectColumn({ ...base, column_type: "int", extra: "STORED GENERATED", generation_expression: "(`a` + 1)" }, null, "mysql", false).generated).toEqual({ kind: "computed", sql: "`a` + 1", stored: true });
    expect(reflectColumn({ ...base, column_type: "bigint unsigned", is_nullable: "NO", extra: "auto_increment" }, null, "mysql", false)).toMatchObject({ type: { kind: "bigint", unsigned: true }, nullable: false, generated: { kind: "autoincrement" } });
    const touched = reflectColumn({ ...base, column_type: "datetime", column_default: "CURRENT_TIMESTAMP", extra: "DEFAULT_GENERATED on update CURRENT_TIMESTAMP" }, null, "mysql", false);
    expect(touched).toMatchObject({ default: { kind: "sql", sql: "CURRENT_TIMESTAMP" }, onUpdate: "CURRENT_TIMESTAMP" });
  });

  it("reports a collation only when it differs from the table's, in one spelling", () => {
    const row = { ...base, data_type: "varchar", column_type: "varchar(5)" };
    expect(reflectColumn({ ...row, collation_name: "utf8_general_ci" }, "utf8mb3_general_ci", "mariadb", false).collation).toBeNull();
    expect(reflectColumn({ ...row, collation_name: "utf8mb4_bin" }, "utf8mb4_general_ci", "mariadb", false).collation).toBe("utf8mb4_bin");
    expect(reflectColumn({ ...row, data_type: "longtext", column_type: "longtext", collation_name: "utf8mb4_bin" }, "utf8mb4_general_ci", "mariadb", true)).toMatchObject({ type: { kind: "json" }, collation: null });
  });
});

describe("mysql keys and indexes", () => {
  const row = { table_schema: "d", table_name: "t", non_unique: 1, collation: "A", sub_part: null, index_type: "BTREE", expression: null };

  it("names the primary key null, turns plain unique indexes into uniques and hides foreign key indexes", () => {
    const result = indexesOf(
      [
        { ...row, index_name: "PRIMARY", non_unique: 0, seq_in_index: 1, column_name: "id" },
        { ...row, index_name: "uq", non_unique: "0", seq_in_index: 1, column_name: "a" },
        { ...row, index_name: "fk", seq_in_index: 1, column_name: "ref" },
        { ...row, index_name: "ix", seq_in_index: 2, column_name: "b", collation: "D" },
        { ...row, index_name: "ix", seq_in_index: 1, column_name: "a", sub_part: 4 },
        { ...row, index_name: "fx", seq_in_index: 1, column_name: null, expression: "(lower(`a`))" },
      ],
      [{ name: "fk", columns: ["ref"], referencedTable: "r", referencedColumns: ["id"] }],
    );
    expect(result.primaryKey).toEqual({ name: null, columns: ["id"] });
    expect(result.uniques).toEqual([{ name: "uq", columns: ["a"] }]);
    // The hidden index is handed back apart, for dropping it with its key.
    expect(result.foreignKeyIndexes).toEqual(new Map([["fk", ["ref"]]]));
    expect(result.indexes).toEqual([
      { name: "fx", elements: [{ expression: "lower(`a`)" }], unique: false, where: null, using: null },
      { name: "ix", elements: [{ column: "a", length: 4 }, { column: "b", descending: true }], unique: false, where: null, using: null },
    ]);
  });

  it("reads no prefix length on a SPATIAL key part (the server reports 32 for every one)", () => {
    const result = indexesOf([{ ...row, index_name: "geo", seq_in_index: 1, column_name: "pos", sub_part: 32, index_type: "SPATIAL" }], []);
    expect(result.indexes).toEqual([{ name: "geo", elements: [{ column: "pos" }], unique: false, where: null, using: "spatial" }]);
  });

  it("places a MariaDB column-level check in its column", () => {
    expect(checksOf([{ table_schema: "d", table_name: "t", constraint_name: "qty", check_clause: "`qty` > 0", level: "Column" }, { table_schema: "d", table_name: "t", constraint_name: "two", check_clause: "`a` < `b`", level: "Table" }])).toEqual([
      { name: "qty", expression: "`qty` > 0", column: "qty" },
      { name: "two", expression: "`a` < `b`" },
    ]);
  });

  it("strips MySQL 8's parentheses from check clauses", () => {
    expect(checksOf([{ table_schema: "d", table_name: "t", constraint_name: "b", check_clause: "(`a` > 0)" }, { table_schema: "d", table_name: "t", constraint_name: "a", check_clause: "`a` < 9" }])).toEqual([
      { name: "a", expression: "`a` < 9" },
      { name: "b", expression: "`a` > 0" },
    ]);
  });
});

describe("mysql odds and ends", () => {
  it("reads string literals with both escape styles", () => {
    expect(parseStringLiteral("'a''b\\nc'")).toBe("a'b\nc");
    expect(parseStringLiteral("'a' 'b'")).toBeUndefined();
    expect(parseStringLiterals("'a', 'b,c'")).toEqual(["a", "b,c"]);
    expect(parseStringLiterals("'a' x")).toBeUndefined();
  });

  it("tells MySQL from MariaDB", () => {
    expect(parseServerVersion("10.11.6-MariaDB-0+deb12u1")).toEqual({ flavour: "mariadb", version: [10, 11, 6] });
    expect(parseServerVersion("8.0.36")).toEqual({ flavour: "mysql", version: [8, 0, 36] });
    expect(atLeast({ version: [8, 0, 13] }, [8, 0, 13])).toBe(true);
    expect(atLeast({ version: [8, 0, 12] }, [8, 0, 13])).toBe(false);
  });

  it("keeps lock names within 64 characters and distinct", () => {
    expect(lockName("app", "version")).toBe("athanor:app:version");
    const long = lockName("a".repeat(64), "version");
    expect(long.length).toBe(64);
    expect(long).not.toBe(lockName("a".repeat(64), "other"));
  });
});
