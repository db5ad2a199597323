import { describe, expect, it } from "vitest";
import { destructiveWarnings } from "../../../src/autogenerate/render-warnings.js";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import type { AlterColumnOp } from "../../../src/operations/types.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { ColumnSchema } from "../../../src/catalog/types.js";
import { col, db, MYSQL_CAPS, PG_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };

/** Compares one column of table `t` in the model against the database. */
function diff(target: ColumnSchema, actual: ColumnSchema, capabilities = PG_CAPS) {
  return compareSchemas(db([withId("t", [target])]), db([withId("t", [actual])]), { capabilities });
}

function onlyAlter(target: ColumnSchema, actual: ColumnSchema, capabilities = PG_CAPS): AlterColumnOp {
  const { operations } = diff(target, actual, capabilities);
  expect(operations).toHaveLength(1);
  expect(operations[0]!.kind).toBe("alterColumn");
  return operations[0] as AlterColumnOp;
}

describe("compareSchemas: added and dropped columns", () => {
  it("adds a column that is only in the model", () => {
    const email = col("email", { kind: "varchar", length: 200 }, { nullable: false, default: { kind: "literal", value: "" } });
    const { operations } = compareSchemas(db([withId("users", [email])]), db([withId("users")]), pg);
    expect(operations).toEqual([{ kind: "addColumn", table: "users", column: email }]);
  });

  it("drops a column that is only in the database, carrying it for reverse()", () => {
    const legacy = col("legacy", "text", { comment: "old" });
    const { operations } = compareSchemas(db([withId("users")]), db([withId("users", [legacy])]), pg);
    expect(operations).toEqual([{ kind: "dropColumn", table: "users", column: "legacy", existing: legacy }]);
    expect(reverseAll(operations)).toEqual([{ kind: "addColumn", table: "users", column: legacy }]);
  });

  it("ignores column order", () => {
    const a = col("a", "text");
    const b = col("b", "date");
    expect(compareSchemas(db([withId("t", [a, b])]), db([withId("t", [b, a])]), pg).operations).toEqual([]);
  });
});

describe("compareSchemas: altered columns", () => {
  it("changes the type and always fills every existing* field from the database", () => {
    const actual = col("name", { kind: "varchar", length: 50 }, { nullable: false, default: { kind: "literal", value: "x" }, comment: "who" });
    const alter = onlyAlter({ ...actual, type: { kind: "varchar", length: 100 } }, actual);
    expect(alter).toEqual({
      kind: "alterColumn",
      table: "t",
      column: "name",
      type: { kind: "varchar", length: 100 },
      existingType: { kind: "varchar", length: 50 },
      existingNullable: false,
      existingDefault: { kind: "literal", value: "x" },
      existingComment: "who",
      existingGenerated: null,
    });
  });

  it("changes nullability in both directions", () => {
    expect(onlyAlter(col("a", "text", { nullable: false }), col("a", "text"))).toMatchObject({ nullable: false, existingNullable: true });
    expect(onlyAlter(col("a", "text"), col("a", "text", { nullable: false }))).toMatchObject({ nullable: true, existingNullable: false });
  });

  it("sets, changes and removes a server default", () => {
    const lit = (value: string | number) => ({ kind: "literal" as const, value });
    expect(onlyAlter(col("a", "integer", { default: lit(1) }), col("a"))).toMatchObject({ default: lit(1), existingDefault: null });
    expect(onlyAlter(col("a", "integer", { default: lit(2) }), col("a", "integer", { default: lit(1) }))).toMatchObject({ default: lit(2), existingDefault: lit(1) });
    expect(onlyAlter(col("a"), col("a", "integer", { default: lit(1) }))).toMatchObject({ default: null, existingDefault: lit(1) });
  });

  it("treats DEFAULT NULL as no default, and a literal like the same SQL text", () => {
    expect(diff(col("a", "text", { default: { kind: "literal", value: null } }), col("a", "text")).operations).toEqual([]);
    expect(diff(col("a", "text", { default: { kind: "sql", sql: "'abc'" } }), col("a", "text", { default: { kind: "literal", value: "abc" } })).operations).toEqual([]);
    expect(diff(col("a", "text", { default: { kind: "sql", sql: "LOWER( 'X' )" } }), col("a", "text", { default: { kind: "sql", sql: "lower('X')" } })).operations).toEqual([]);
  });

  it("sets, changes and removes a column comment", () => {
    expect(onlyAlter(col("a", "text", { comment: "new" }), col("a", "text"))).toMatchObject({ comment: "new", existingComment: null });
    expect(onlyAlter(col("a", "text", { comment: "new" }), col("a", "text", { comment: "old" }))).toMatchObject({ comment: "new", existingComment: "old" });
    expect(onlyAlter(col("a", "text"), col("a", "text", { comment: "old" }))).toMatchObject({ comment: null, existingComment: "old" });
  });

  it("changes the generation, keeping serial and identity apart", () => {
    const serial = col("seq", "integer", { nullable: false, generated: { kind: "autoincrement" } });
    const identity = { ...serial, generated: { kind: "identity" as const, always: true } };
    expect(onlyAlter(identity, serial)).toMatchObject({ generated: { kind: "identity", always: true }, existingGenerated: { kind: "autoincrement" } });
    expect(onlyAlter(serial, identity)).toMatchObject({ generated: { kind: "autoincrement" }, existingGenerated: { kind: "identity", always: true } });
    expect(onlyAlter({ ...identity, generated: { kind: "identity", always: false } }, identity)).toMatchObject({ generated: { kind: "identity", always: false } });
  });

  it("compares computed expressions by their canonical text and warns when they change", () => {
    const computed = (sql: string) => col("total", "integer", { generated: { kind: "computed", sql, stored: true } });
    expect(diff(computed("price * qty"), computed("(price * qty)")).operations).toEqual([]);
    const result = diff(computed("price * qty * 2"), computed("price * qty"));
    expect(result.operations).toMatchObject([{ kind: "alterColumn", generated: { kind: "computed", sql: "price * qty * 2" } }]);
    expect(result.warnings.join("\n")).toMatch(/t\.total changes its generated expression/);
  });

  it("compares enum columns by type name where enums are named, and by values where they are inline", () => {
    const enumCol = (name: string, values: string[]) => col("status", { kind: "enum", name, values });
    expect(diff(enumCol("st", ["a", "b", "c"]), enumCol("st", ["a", "b"])).operations).toEqual([]);
    expect(onlyAlter(enumCol("other", ["a", "b"]), enumCol("st", ["a", "b"]))).toMatchObject({ type: { kind: "enum", name: "other" } });
    expect(diff(enumCol("status", ["a", "b"]), enumCol("whatever", ["a", "b"]), MYSQL_CAPS).operations).toEqual([]);
    expect(onlyAlter(enumCol("status", ["a", "b", "c"]), enumCol("status", ["a", "b"]), MYSQL_CAPS)).toMatchObject({
      type: { values: ["a", "b", "c"] },
      existingType: { values: ["a", "b"] },
    });
  });

  it("treats absent and false type flags alike", () => {
    expect(diff(col("a", { kind: "integer", unsigned: false }), col("a", { kind: "integer" })).operations).toEqual([]);
    expect(diff(col("a", { kind: "timestamp", withTimezone: false, precision: undefined }), col("a", { kind: "timestamp" })).operations).toEqual([]);
    expect(diff(col("a", { kind: "raw", sql: "CIDR" }), col("a", { kind: "raw", sql: "cidr" })).operations).toEqual([]);
  });
});

describe("type-change warnings: judged once, above the operation", () => {
  const warningsFor = (from: ColumnSchema["type"], to: ColumnSchema["type"], caps = PG_CAPS) => {
    const result = diff(col("c", to), col("c", from), caps);
    // compare leaves the judgement to the operation's own warning, so it is printed once.
    expect(result.warnings).toEqual([]);
    return destructiveWarnings(result.operations);
  };

  it("warns when a type narrows", () => {
    expect(warningsFor({ kind: "varchar", length: 255 }, { kind: "varchar", length: 50 })).toEqual(['changes column "t.c" from varchar(255) to varchar(50) (shorter length); values that do not fit are rejected or lost']);
    expect(warningsFor({ kind: "bigint" }, { kind: "integer" })[0]).toMatch(/different kind of type/);
    expect(warningsFor({ kind: "text" }, { kind: "varchar", length: 10 })).toHaveLength(1);
    expect(warningsFor({ kind: "numeric", precision: 12, scale: 2 }, { kind: "numeric", precision: 10, scale: 2 })[0]).toMatch(/fewer integer digits/);
    expect(warningsFor({ kind: "text" }, { kind: "integer" })[0]).toMatch(/from text to integer \(a different kind of type\)/);
  });

  it("warns when inline enum values are removed", () => {
    expect(warningsFor({ kind: "enum", name: "s", values: ["a", "b"] }, { kind: "enum", name: "s", values: ["a"] }, MYSQL_CAPS)[0]).toMatch(/values "b" are removed/);
  });

  it("stays quiet when a type widens", () => {
    expect(warningsFor({ kind: "varchar", length: 50 }, { kind: "varchar", length: 255 })).toEqual([]);
    expect(warningsFor({ kind: "integer" }, { kind: "bigint" })).toEqual([]);
    expect(warningsFor({ kind: "varchar", length: 50 }, { kind: "text" })).toEqual([]);
    expect(warningsFor({ kind: "real" }, { kind: "double" })).toEqual([]);
    expect(warningsFor({ kind: "jsonb" }, { kind: "json" })).toEqual([]);
    expect(warningsFor({ kind: "integer" }, { kind: "text" })).toEqual([]);
    expect(warningsFor({ kind: "date" }, { kind: "timestamp" })).toEqual([]);
  });
});

describe("compareSchemas: collations and ON UPDATE", () => {
  it("alters a column's collation and ON UPDATE clause, with both sides written out so the reverse is exact", () => {
    const alter = onlyAlter(col("a", "text", { collation: "C", onUpdate: "CURRENT_TIMESTAMP" }), col("a", "text"));
    expect(alter).toMatchObject({ collation: "C", existingCollation: null, onUpdate: "CURRENT_TIMESTAMP", existingOnUpdate: null });
    expect(reverseAll([alter])).toEqual([expect.objectContaining({ collation: null, existingCollation: "C", onUpdate: null, existingOnUpdate: "CURRENT_TIMESTAMP" })]);
  });

  it("compares the collation a column ends up with: its own, else its table's, else the database's", () => {
    const target = db([{ ...withId("t", [col("a", "text")]), collation: "utf8mb4_bin" }]);
    const actual = { ...db([withId("t", [col("a", "text"), col("n", "integer")])]), tableDefaults: { collation: "utf8mb4_general_ci" } };
    const alters = compareSchemas({ ...target, tables: target.tables.map((t) => ({ ...t, columns: [...t.columns, col("n", "integer")] })) }, actual, { capabilities: MYSQL_CAPS }).operations.filter((op) => op.kind === "alterColumn");
    // The integer column has no collation; the text column is moved by name, explicitly.
    expect(alters).toEqual([expect.objectContaining({ column: "a", collation: "utf8mb4_bin", existingCollation: "utf8mb4_general_ci" })]);
    // A column that names its table's collation is the same as one that names none.
    expect(diff(col("a", "text", { collation: "C" }), col("a", "text", { collation: "C" })).operations).toEqual([]);
  });

  it("keeps a column's own collation and ON UPDATE on an alter of something else (MySQL's MODIFY restates them)", () => {
    const alter = onlyAlter(col("a", "text", { collation: "C", onUpdate: "CURRENT_TIMESTAMP", nullable: false }), col("a", "text", { collation: "C", onUpdate: "CURRENT_TIMESTAMP" }));
    expect(alter).toMatchObject({ nullable: false, existingCollation: "C", existingOnUpdate: "CURRENT_TIMESTAMP" });
    expect(alter.collation).toBeUndefined();
  });
});
