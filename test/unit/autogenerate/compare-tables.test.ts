import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import { col, db, describeOps, MYSQL_CAPS, PG_CAPS, SQLITE_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };

describe("compareSchemas: tables", () => {
  it("returns no operations and no warnings for identical schemas", () => {
    const schema = db([withId("users", [col("email", { kind: "varchar", length: 100 })])]);
    expect(compareSchemas(schema, structuredClone(schema), pg)).toEqual({ operations: [], warnings: [], renameHints: [], reversals: new Map(), unmanaged: [] });
  });

  it("creates a table that is only in the model, with its indexes and constraints", () => {
    const users = withId("users", [col("email", "text")], { indexes: [{ name: "ix_users_email", elements: [{ column: "email" }], unique: false }] });
    const { operations } = compareSchemas(db([users]), db([]), pg);
    expect(operations).toEqual([{ kind: "createTable", table: users }]);
  });

  it("drops a table that is only in the database, carrying the table for reverse()", () => {
    const old = withId("old_stuff", [col("x", "text")]);
    const { operations } = compareSchemas(db([]), db([old]), pg);
    expect(operations).toEqual([{ kind: "dropTable", table: "old_stuff", existing: old }]);
    expect(reverseAll(operations)).toEqual([{ kind: "createTable", table: old }]);
  });

  it("keeps the PostgreSQL schema on operations and tells tables in different schemas apart", () => {
    const a = { ...withId("t"), schema: "app" };
    const b = { ...withId("t"), schema: "audit" };
    const { operations } = compareSchemas(db([a]), db([b]), pg);
    expect(describeOps(operations)).toEqual(["dropTable t", "createTable t"]);
    expect(operations[0]).toMatchObject({ kind: "dropTable", schema: "audit" });
  });

  it("applies the normalisation to both sides before comparing", () => {
    const seen: number[] = [];
    // A stand-in dialect that stores every varchar as text.
    const normalize = (s: ReturnType<typeof db>) => {
      seen.push(s.tables.length);
      return { ...s, tables: s.tables.map((t) => ({ ...t, columns: t.columns.map((c) => (c.type.kind === "varchar" ? { ...c, type: { kind: "text" as const } } : c)) })) };
    };
    const result = compareSchemas(db([withId("users", [col("a", "varchar")])]), db([withId("users", [col("a", "text")]), withId("x")]), { ...pg, normalize });
    expect(seen).toEqual([1, 2]);
    expect(describeOps(result.operations)).toEqual(["dropTable x"]);
  });
});

describe("compareSchemas: table comments", () => {
  it("adds, changes and removes a table comment with the previous comment", () => {
    const plain = withId("users");
    const commented = withId("users", [], { comment: "people" });
    expect(compareSchemas(db([commented]), db([plain]), pg).operations).toEqual([{ kind: "createTableComment", table: "users", comment: "people", existingComment: null }]);
    expect(compareSchemas(db([{ ...commented, comment: "persons" }]), db([commented]), pg).operations).toEqual([
      { kind: "createTableComment", table: "users", comment: "persons", existingComment: "people" },
    ]);
    expect(compareSchemas(db([plain]), db([commented]), pg).operations).toEqual([{ kind: "dropTableComment", table: "users", existingComment: "people" }]);
  });

  it("treats an empty comment as none", () => {
    expect(compareSchemas(db([withId("users", [], { comment: "" })]), db([withId("users")]), pg).operations).toEqual([]);
  });

  it("emits no comment operations when the dialect has no comments, and strips them from created tables", () => {
    const commented = withId("users", [col("name", "text", { comment: "display name" })], { comment: "people" });
    expect(compareSchemas(db([commented]), db([withId("users", [col("name", "text")])]), { capabilities: SQLITE_CAPS }).operations).toEqual([]);
    const [create] = compareSchemas(db([commented]), db([]), { capabilities: SQLITE_CAPS }).operations;
    expect(create).toMatchObject({ kind: "createTable", table: { comment: null, columns: [{ name: "id" }, { name: "name", comment: null }] } });
  });

  it("compares comments where the dialect has them, MySQL included", () => {
    const result = compareSchemas(db([withId("users", [], { comment: "people" })]), db([withId("users")]), { capabilities: MYSQL_CAPS });
    expect(describeOps(result.operations)).toEqual(["createTableComment users"]);
  });
});
