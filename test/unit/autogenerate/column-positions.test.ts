import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import type { ColumnSchema } from "../../../src/catalog/types.js";
import { col, db, MYSQL_CAPS, PG_CAPS, tbl } from "./fixtures.js";

const mysql = { capabilities: MYSQL_CAPS };
const pg = { capabilities: PG_CAPS };

const cols = (...names: string[]): ColumnSchema[] => names.map((n) => col(n));

/** The column-level operations (and warnings) that turn table t's columns `actual` into `target`. */
function diff(target: string[], actual: string[], options = mysql) {
  return compareSchemas(db([tbl("t", cols(...target))]), db([tbl("t", cols(...actual))]), options);
}

/** The warnings about where columns go (not the rename hints every same-typed drop and add gets). */
const placementWarnings = (warnings: readonly string[]): string[] => warnings.filter((w) => !w.includes("if this is a rename"));

/** Column names after applying add/drop operations in order, as a database that honours positions does. */
function apply(columns: string[], ops: readonly Operation[]): string[] {
  const out = [...columns];
  for (const op of ops) {
    if (op.kind === "dropColumn") out.splice(out.indexOf(op.column), 1);
    else if (op.kind === "addColumn") {
      const at = !op.position ? out.length : "first" in op.position ? 0 : out.indexOf(op.position.after) + 1;
      expect(at, `${op.column.name} goes after a column that exists`).toBeGreaterThanOrEqual(0);
      out.splice(at, 0, op.column.name);
    }
  }
  return out;
}

describe("compareSchemas: where added and restored columns go", () => {
  const cases: [string, string[], string[]][] = [
    ["a column added in the middle", ["id", "a", "x", "b"], ["id", "a", "b"]],
    ["a column added first", ["x", "id", "a"], ["id", "a"]],
    ["two columns added at the end, in the model's order (not by name)", ["id", "updated_at", "deleted_at"], ["id"]],
    ["new columns around and between old ones", ["n1", "id", "n2", "n3", "a", "n4"], ["id", "a"]],
    ["a middle column dropped", ["id", "a", "c"], ["id", "a", "b", "c"]],
    ["two neighbouring middle columns dropped", ["id", "d"], ["id", "b", "c", "d"]],
    ["the first column dropped and one added in its place", ["x", "a", "b"], ["id", "a", "b"]],
  ];
  for (const [what, target, actual] of cases) {
    it(`${what}: the upgrade gives the model's order, the downgrade the database's`, () => {
      const { operations } = diff(target, actual);
      expect(apply(actual, operations)).toEqual(target);
      expect(apply(target, reverseAll(operations))).toEqual(actual);
    });
  }

  it("places a new computed column, added after the other changes, and the columns around it", () => {
    const computed = col("c", "integer", { generated: { kind: "computed", sql: "a + 1", stored: true } });
    for (const target of [["a", "c", "x", "b"], ["a", "c", "x"], ["c", "x", "a"], ["x", "c", "a", "b"]]) {
      const columns = target.map((n) => (n === "c" ? computed : col(n)));
      const { operations } = compareSchemas(db([tbl("t", columns)]), db([tbl("t", cols("a", "b").filter((c) => target.includes(c.name)))]), mysql);
      const actual = ["a", "b"].filter((n) => target.includes(n));
      expect(apply(actual, operations), target.join(",")).toEqual(target);
      expect(apply(target, reverseAll(operations)), target.join(",")).toEqual(actual);
    }
  });

  it("places only what needs it: after the column before it, or first", () => {
    expect(diff(["id", "a", "x", "b"], ["id", "a", "b"]).operations).toEqual([{ kind: "addColumn", table: "t", column: col("x"), position: { after: "a" } }]);
    expect(diff(["x", "id"], ["id"]).operations).toEqual([{ kind: "addColumn", table: "t", column: col("x"), position: { first: true } }]);
    expect(diff(["id", "x"], ["id"]).operations).toEqual([{ kind: "addColumn", table: "t", column: col("x") }]);
    const [drop] = diff(["id", "c"], ["id", "b", "c"]).operations;
    expect(drop).toMatchObject({ kind: "dropColumn", column: "b", existingPosition: { after: "id" } });
    expect(diff(["id"], ["id", "b"]).operations[0]).not.toHaveProperty("existingPosition");
  });

  it("places a NOT NULL column without a default, added in three steps, at its first step", () => {
    const target = tbl("t", [col("id"), col("x", "integer", { nullable: false }), col("a")]);
    const { operations, warnings } = compareSchemas(db([target]), db([tbl("t", cols("id", "a"))]), mysql);
    expect(operations[0]).toMatchObject({ kind: "addColumn", column: { name: "x", nullable: true }, position: { after: "id" } });
    expect(warnings.join("\n")).toContain("set NOT NULL afterwards");
  });

  it("renders the position as addColumn's option, in the batch form too", () => {
    const { operations } = diff(["id", "a", "x", "b"], ["id", "a", "b"]);
    expect(renderOperations(operations).body).toContain(`await op.addColumn("t", "x", integer(), { after: "a" });`);
    const batch: Operation = { kind: "batchAlterTable", table: "t", operations: [{ kind: "addColumn", table: "t", column: col("x"), position: { first: true } }] };
    expect(renderOperations([batch]).body).toContain(`batch.addColumn("x", integer(), { first: true });`);
  });
});

describe("compareSchemas: where a dialect cannot place columns (PostgreSQL)", () => {
  it("adds the column last and says where it goes instead", () => {
    const { operations, warnings } = diff(["id", "a", "x", "b"], ["id", "a", "b"], pg);
    expect(operations).toEqual([{ kind: "addColumn", table: "t", column: col("x") }]);
    expect(warnings).toContain("column t.x is added after the table's last column: this database cannot place it after a, as the model does (put it last in schema.ts to match)");
  });

  it("says that the downgrade restores a dropped middle column last", () => {
    const { operations, warnings } = diff(["id", "c"], ["id", "b", "c"], pg);
    expect(operations).toEqual([expect.not.objectContaining({ existingPosition: expect.anything() })]);
    expect(warnings).toContain("the downgrade adds column t.b back after the table's last column, not after id where it was: this database cannot place it");
  });

  it("warns of nothing when columns only go last", () => {
    expect(placementWarnings(diff(["id", "a", "x"], ["id", "a", "b"], pg).warnings)).toEqual([]);
  });
});

describe("compareSchemas: existing columns in another order", () => {
  it("warns, since autogenerate does not move existing columns", () => {
    const { operations, warnings } = diff(["id", "a", "b"], ["id", "b", "a"], pg);
    expect(operations).toEqual([]);
    expect(warnings).toEqual(["table t: its columns are in another order in the database (id, b, a) than in the model (id, a, b); autogenerate does not move existing columns"]);
  });

  it("compares the order of the columns on both sides only", () => {
    expect(placementWarnings(diff(["id", "x", "a", "b"], ["id", "a", "q", "b"]).warnings)).toEqual([]);
  });
});
