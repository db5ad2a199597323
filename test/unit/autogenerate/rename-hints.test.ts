import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { detectRenameHints } from "../../../src/autogenerate/rename-hints.js";
import type { Operation } from "../../../src/operations/types.js";
import { col, db, describeOps, PG_CAPS, SQLITE_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };
const varchar = (length: number) => ({ kind: "varchar" as const, length });

describe("rename hints", () => {
  it("keeps a dropped and an added column of the same type as drop + add, and warns", () => {
    const result = compareSchemas(db([withId("users", [col("full_name", varchar(100))])]), db([withId("users", [col("fullname", varchar(100))])]), pg);
    expect(describeOps(result.operations)).toEqual(["dropColumn users.fullname", "addColumn users.full_name"]);
    expect(result.warnings).toEqual([
      'column users.fullname was dropped and users.full_name added with the same type: if this is a rename, replace the two operations with op.alterColumn("users", "fullname", { newName: "full_name" }) to keep the data',
    ]);
    expect(result.renameHints).toEqual([{ kind: "column", schema: null, table: "users", from: "fullname", to: "full_name", message: result.warnings[0] }]);
  });

  it("gives no hint when the types differ", () => {
    const result = compareSchemas(db([withId("users", [col("full_name", varchar(200))])]), db([withId("users", [col("fullname", varchar(100))])]), pg);
    expect(result.renameHints).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("gives no hint across tables", () => {
    const result = compareSchemas(db([withId("a", [col("x", "text")]), withId("b")]), db([withId("a"), withId("b", [col("y", "text")])]), pg);
    expect(result.renameHints).toEqual([]);
  });

  it("suggests a table rename for a dropped and a created table with the same columns", () => {
    const result = compareSchemas(db([withId("people", [col("name", "text")])]), db([withId("persons", [col("name", "text")])]), pg);
    expect(describeOps(result.operations)).toEqual(["dropTable persons", "createTable people"]);
    expect(result.renameHints).toMatchObject([{ kind: "table", from: "persons", to: "people" }]);
    expect(result.warnings[0]).toBe(
      'table persons was dropped and people created with the same columns: if this is a rename, replace the two operations with op.renameTable("persons", "people") to keep the data',
    );
  });

  it("names the schema in the suggested call", () => {
    const ops: Operation[] = [
      { kind: "dropColumn", schema: "app", table: "t", column: "a", existing: col("a", "text") },
      { kind: "addColumn", schema: "app", table: "t", column: col("b", "text") },
    ];
    expect(detectRenameHints(ops)[0]!.message).toContain('op.alterColumn("t", "a", { newName: "b", schema: "app" })');
  });

  it("finds pairs inside batchAlterTable operations too", () => {
    const result = compareSchemas(
      db([withId("t", [col("b", "text")], { checks: [{ name: "ck", expression: "b <> ''" }] })]),
      db([withId("t", [col("a", "text")])]),
      { capabilities: SQLITE_CAPS },
    );
    expect(result.operations[0]!.kind).toBe("batchAlterTable");
    expect(detectRenameHints(result.operations)).toMatchObject([{ kind: "column", from: "a", to: "b" }]);
  });
});
