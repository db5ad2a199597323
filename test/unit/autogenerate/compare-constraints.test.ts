import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { ExclusionSchema, ForeignKeySchema, TableSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, PG_CAPS, tbl, withId } from "./fixtures.js";
import { normalizePostgresSchema } from "../../../src/dialects/postgres/compare.js";
import { foldPostgresSpellings } from "../../../src/dialects/postgres/expression-spellings.js";

const pg = { capabilities: PG_CAPS };
const users = withId("users");

/** Compares table `t` (with `users` alongside) between model and database. */
function diffTable(target: TableSchema, actual: TableSchema) {
  return compareSchemas(db([users, target]), db([users, actual]), pg);
}

describe("compareSchemas: primary keys", () => {
  const base = tbl("t", [col("a", "integer", { nullable: false }), col("b", "integer", { nullable: false })]);

  it("adds a primary key", () => {
    const { operations } = diffTable({ ...base, primaryKey: { name: "t_pkey", columns: ["a"] } }, base);
    expect(operations).toEqual([{ kind: "createPrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["a"] } }]);
  });

  it("drops a primary key, carrying it for reverse()", () => {
    const { operations } = diffTable(base, { ...base, primaryKey: { name: "t_pkey", columns: ["a"] } });
    expect(operations).toEqual([{ kind: "dropConstraint", table: "t", name: "t_pkey", type: "primaryKey", existing: { type: "primaryKey", constraint: { name: "t_pkey", columns: ["a"] } } }]);
    expect(reverseAll(operations)).toEqual([{ kind: "createPrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["a"] } }]);
  });

  it("replaces a primary key whose columns changed in one operation, which reverses to the old key", () => {
    const { operations } = diffTable({ ...base, primaryKey: { name: "t_pkey", columns: ["a", "b"] } }, { ...base, primaryKey: { name: "t_pkey", columns: ["a"] } });
    expect(operations).toEqual([{ kind: "replacePrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["a", "b"] }, existing: { name: "t_pkey", columns: ["a"] } }]);
    expect(reverseAll(operations)).toEqual([{ kind: "replacePrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["a"] }, existing: { name: "t_pkey", columns: ["a", "b"] } }]);
  });

  it("ignores the name when one side does not know it", () => {
    expect(diffTable({ ...base, primaryKey: { name: null, columns: ["a"] } }, { ...base, primaryKey: { name: "t_pkey", columns: ["a"] } }).operations).toEqual([]);
  });

  it("replaces a primary key whose timing changed; INITIALLY DEFERRED implies DEFERRABLE", () => {
    const pk = (extra: object) => ({ ...base, primaryKey: { name: "t_pkey", columns: ["a"], ...extra } });
    expect(describeOps(diffTable(pk({ deferrable: true }), pk({})).operations)).toEqual(["replacePrimaryKey"]);
    expect(describeOps(diffTable(pk({ deferrable: true, initiallyDeferred: true }), pk({ deferrable: true })).operations)).toEqual(["replacePrimaryKey"]);
    expect(diffTable(pk({ initiallyDeferred: true }), pk({ deferrable: true, initiallyDeferred: true })).operations).toEqual([]);
    const { operations } = diffTable(pk({ deferrable: true }), pk({}));
    expect(reverseAll(operations)).toEqual([
      { kind: "replacePrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["a"] }, existing: { name: "t_pkey", columns: ["a"], deferrable: true } },
    ]);
  });
});

describe("compareSchemas: foreign keys", () => {
  const fk: ForeignKeySchema = { name: "t_user_id_fkey", columns: ["user_id"], referencedSchema: null, referencedTable: "users", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: null };
  const base = withId("t", [col("user_id")]);

  it("adds and drops a foreign key", () => {
    expect(diffTable({ ...base, foreignKeys: [fk] }, base).operations).toEqual([{ kind: "createForeignKey", table: "t", constraint: fk }]);
    expect(diffTable(base, { ...base, foreignKeys: [fk] }).operations).toEqual([
      { kind: "dropConstraint", table: "t", name: "t_user_id_fkey", type: "foreignKey", existing: { type: "foreignKey", constraint: fk } },
    ]);
  });

  it("recreates a foreign key whose action changed", () => {
    const { operations } = diffTable({ ...base, foreignKeys: [{ ...fk, onDelete: "SET NULL" }] }, { ...base, foreignKeys: [fk] });
    expect(describeOps(operations)).toEqual(["dropConstraint t.t_user_id_fkey", "createForeignKey t.t_user_id_fkey"]);
    expect(operations[1]).toMatchObject({ constraint: { onDelete: "SET NULL" } });
  });

  it("treats NO ACTION as no action (PostgreSQL's normalisation) and INITIALLY DEFERRED as deferrable", () => {
    const normalized = { ...pg, normalize: normalizePostgresSchema, foldExpression: foldPostgresSpellings };
    expect(compareSchemas(db([users, { ...base, foreignKeys: [{ ...fk, onUpdate: "NO ACTION" }] }]), db([users, { ...base, foreignKeys: [fk] }]), normalized).operations).toEqual([]);
    // Without a normalisation an explicit NO ACTION is its own rule (MariaDB prints it back as such).
    expect(diffTable({ ...base, foreignKeys: [{ ...fk, onUpdate: "NO ACTION" }] }, { ...base, foreignKeys: [fk] }).operations).not.toEqual([]);
    const deferred = { ...fk, initiallyDeferred: true };
    expect(diffTable({ ...base, foreignKeys: [deferred] }, { ...base, foreignKeys: [{ ...deferred, deferrable: true }] }).operations).toEqual([]);
  });

  it("pairs an unnamed foreign key with the database's named one by definition", () => {
    expect(diffTable({ ...base, foreignKeys: [{ ...fk, name: null }] }, { ...base, foreignKeys: [fk] }).operations).toEqual([]);
  });

  it("drops and creates a foreign key that was renamed", () => {
    const { operations } = diffTable({ ...base, foreignKeys: [{ ...fk, name: "fk_user" }] }, { ...base, foreignKeys: [fk] });
    expect(describeOps(operations)).toEqual(["dropConstraint t.t_user_id_fkey", "createForeignKey t.fk_user"]);
  });

  it("validates a NOT VALID foreign key in place; its downgrade adds it back NOT VALID", () => {
    const notValid = { ...fk, notValid: true };
    const { operations } = diffTable({ ...base, foreignKeys: [fk] }, { ...base, foreignKeys: [notValid] });
    expect(operations).toEqual([{ kind: "validateConstraint", table: "t", name: "t_user_id_fkey", type: "foreignKey", existing: { type: "foreignKey", constraint: notValid } }]);
    expect(describeOps(reverseAll(operations))).toEqual(["dropConstraint t.t_user_id_fkey", "createForeignKey t.t_user_id_fkey"]);
    expect(reverseAll(operations)[1]).toMatchObject({ constraint: { notValid: true } });
  });

  it("adds a valid foreign key again to make it NOT VALID, and recreates one whose definition changed too", () => {
    const toNotValid = diffTable({ ...base, foreignKeys: [{ ...fk, notValid: true }] }, { ...base, foreignKeys: [fk] }).operations;
    expect(describeOps(toNotValid)).toEqual(["dropConstraint t.t_user_id_fkey", "createForeignKey t.t_user_id_fkey"]);
    expect(toNotValid[1]).toMatchObject({ constraint: { notValid: true } });
    const both = diffTable({ ...base, foreignKeys: [{ ...fk, onDelete: "SET NULL" }] }, { ...base, foreignKeys: [{ ...fk, notValid: true }] }).operations;
    expect(describeOps(both)).toEqual(["dropConstraint t.t_user_id_fkey", "createForeignKey t.t_user_id_fkey"]);
    expect(diffTable({ ...base, foreignKeys: [{ ...fk, notValid: true }] }, { ...base, foreignKeys: [{ ...fk, notValid: true }] }).operations).toEqual([]);
  });
});

describe("compareSchemas: exclusion constraints", () => {
  const base = withId("bookings", [col("room_id"), col("during", { kind: "raw", sql: "tstzrange" }), col("cancelled", "boolean")]);
  const overlap: ExclusionSchema = { name: "bookings_no_overlap", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled" };
  const withExclusion = (x: ExclusionSchema): TableSchema => ({ ...base, exclusions: [x] });
  const normalized = { ...pg, normalize: normalizePostgresSchema, foldExpression: foldPostgresSpellings };
  const diff = (target: TableSchema, actual: TableSchema) => compareSchemas(db([users, target]), db([users, actual]), normalized).operations;

  it("adds and drops one, the drop carrying it", () => {
    expect(diff(withExclusion(overlap), base)).toEqual([{ kind: "createExclusionConstraint", table: "bookings", constraint: { ...overlap, include: [] } }]);
    expect(diff(base, withExclusion(overlap))).toMatchObject([{ kind: "dropConstraint", name: "bookings_no_overlap", type: "exclusion", existing: { type: "exclusion", constraint: { using: "gist" } } }]);
  });

  it("equals PostgreSQL's print of it: the predicate as pg_get_expr writes it, the method in any case", () => {
    const printed: ExclusionSchema = { ...overlap, using: "GiST", where: "(NOT cancelled)" };
    expect(diff(withExclusion(overlap), withExclusion(printed))).toEqual([]);
  });

  it.each([
    ["an operator", { elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "-|-" }] }],
    ["the predicate", { where: "cancelled IS NOT TRUE" }],
    ["no predicate", { where: null }],
    ["an element", { elements: [{ column: "during", operator: "&&" }] }],
    ["the method", { using: "spgist" }],
    ["the timing", { deferrable: true }],
    ["an operator class", { elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&", opclass: "range_ops2" }] }],
    ["INCLUDE columns", { include: ["cancelled"] }],
  ] as [string, Partial<ExclusionSchema>][])("drops and adds it again when %s changes", (_what, change) => {
    const ops = diff(withExclusion({ ...overlap, ...change }), withExclusion(overlap));
    expect(describeOps(ops)).toEqual(["dropConstraint bookings.bookings_no_overlap", "createExclusionConstraint bookings.bookings_no_overlap"]);
    expect(describeOps(reverseAll(ops))).toEqual(["dropConstraint bookings.bookings_no_overlap", "createExclusionConstraint bookings.bookings_no_overlap"]);
  });
});

describe("compareSchemas: unique constraints", () => {
  const base = withId("t", [col("a"), col("b")]);

  it("adds, drops and recreates unique constraints", () => {
    const unique = { name: "t_a_key", columns: ["a"] };
    expect(diffTable({ ...base, uniques: [unique] }, base).operations).toEqual([{ kind: "createUniqueConstraint", table: "t", constraint: unique }]);
    expect(diffTable(base, { ...base, uniques: [unique] }).operations).toEqual([
      { kind: "dropConstraint", table: "t", name: "t_a_key", type: "unique", existing: { type: "unique", constraint: unique } },
    ]);
    const changed = diffTable({ ...base, uniques: [{ name: "t_a_key", columns: ["a", "b"] }] }, { ...base, uniques: [unique] });
    expect(describeOps(changed.operations)).toEqual(["dropConstraint t.t_a_key", "createUniqueConstraint t.t_a_key"]);
  });

  it("recreates a unique constraint whose timing or NULLS NOT DISTINCT changed", () => {
    const u = (extra: object) => ({ ...base, uniques: [{ name: "t_a_key", columns: ["a"], ...extra }] });
    for (const [model, database] of [
      [{ deferrable: true }, {}],
      [{ deferrable: true, initiallyDeferred: true }, { deferrable: true }],
      [{ nullsNotDistinct: true }, {}],
      [{}, { nullsNotDistinct: true }],
    ] as const) {
      expect(describeOps(diffTable(u(model), u(database)).operations)).toEqual(["dropConstraint t.t_a_key", "createUniqueConstraint t.t_a_key"]);
    }
    expect(diffTable(u({ nullsNotDistinct: false, deferrable: false }), u({})).operations).toEqual([]);
  });

  it("gives an unnamed constraint from the database a name to drop it by", () => {
    const { operations } = diffTable(base, { ...base, uniques: [{ name: null, columns: ["a", "b"] }] });
    expect(operations).toMatchObject([{ kind: "dropConstraint", name: "t_a_b_key", existing: { type: "unique", constraint: { name: null } } }]);
  });
});

describe("compareSchemas: check constraints", () => {
  const base = withId("t", [col("price", "numeric"), col("status", "text")]);
  const check = (expression: string, name: string | null = "t_price_check") => ({ ...base, checks: [{ name, expression }] });

  it("validates a NOT VALID check in place, adds it again to make it NOT VALID, and leaves it alone otherwise", () => {
    const notValid = { ...base, checks: [{ name: "t_price_check", expression: "price >= 0", notValid: true }] };
    expect(diffTable(check("price >= 0"), notValid).operations).toEqual([
      { kind: "validateConstraint", table: "t", name: "t_price_check", type: "check", existing: { type: "check", constraint: { name: "t_price_check", expression: "price >= 0", notValid: true } } },
    ]);
    // A valid check cannot be made NOT VALID again: it is dropped and added.
    expect(diffTable(notValid, check("price >= 0")).operations[1]).toMatchObject({ kind: "createCheckConstraint", constraint: { notValid: true } });
    expect(diffTable(notValid, notValid).operations).toEqual([]);
    // Validity and condition both changed: added again with the new condition (validating the old one would check the wrong thing).
    expect(describeOps(diffTable(check("price > 0"), notValid).operations)).toEqual(["dropConstraint t.t_price_check", "createCheckConstraint t.t_price_check"]);
  });

  it("adds, drops and recreates check constraints", () => {
    expect(diffTable(check("price >= 0"), base).operations).toEqual([{ kind: "createCheckConstraint", table: "t", constraint: { name: "t_price_check", expression: "price >= 0" } }]);
    expect(diffTable(base, check("price >= 0")).operations).toMatchObject([{ kind: "dropConstraint", type: "check", existing: { type: "check", constraint: { expression: "price >= 0" } } }]);
    expect(describeOps(diffTable(check("price > 0"), check("price >= 0")).operations)).toEqual(["dropConstraint t.t_price_check", "createCheckConstraint t.t_price_check"]);
  });

  it("ignores whitespace, case, quoting and wrapping parentheses in the expression", () => {
    expect(diffTable(check("price >= 0 AND status <> 'x'"), check('(("PRICE">=0) and (status != \'x\'))')).operations).toEqual([]);
  });

  it("does not ignore case inside string literals", () => {
    expect(diffTable(check("status <> 'X'"), check("status <> 'x'")).operations).toHaveLength(2);
  });

  it("pairs an unnamed check with a named one by expression", () => {
    expect(diffTable(check("price >= 0", null), check("(price >= 0)", "whatever")).operations).toEqual([]);
  });
});
