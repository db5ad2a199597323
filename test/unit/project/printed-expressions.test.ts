/**
 * Which model expressions are given to the database to print, and what the print does: only
 * expressions of a live table whose key differs from the live one of the same name; a print
 * equal to the live expression puts the live text in, any other print leaves the model's.
 */
import { describe, expect, it } from "vitest";
import { expressionKey } from "../../../src/autogenerate/compare-expressions.js";
import { adoptPrintedExpressions, expressionSites } from "../../../src/project/printed-expressions.js";
import { col, db, tbl } from "../autogenerate/fixtures.js";

const key = (sql: string) => expressionKey(sql);
const users = (name: string, where: string, expr: string, dflt: string, full = "name || '!'") =>
  tbl("users", [col("id", "integer", { nullable: false }), col("name", "text", { default: { kind: "sql", sql: dflt } }), col("shout", "text", { generated: { kind: "computed", sql: full, stored: true } })], {
    checks: [{ name: "name_len", expression: name }, { name: "same", expression: "id > 0" }],
    indexes: [{ name: "recent", elements: [{ column: "id" }], unique: false, where }, { name: "lower_name", elements: [{ expression: expr }], unique: false }],
  });

describe("printed expressions", () => {
  const live = db([users("char_length(name) >= 1 AND char_length(name) <= 100", "id > '5'::integer", "lower(name::text)", "'anon'::text", "name || '!'::text")]);
  const model = db([users("char_length(name) between 1 and 100", "id > '5'", "lower(name)", "'anon'"), tbl("orders", [col("id")], { checks: [{ name: "x", expression: "id between 1 and 2" }] })]);

  it("asks for the check, predicate, element, default and computed expression written differently, not for equal ones or tables the database lacks", () => {
    const sites = expressionSites(model, live, key);
    expect([...sites.keys()]).toEqual(["\u0000users"]);
    expect(sites.get("\u0000users")!.map((s) => [s.request.kind, s.request.sql])).toEqual([
      ["check", "char_length(name) between 1 and 100"],
      ["indexPredicate", "id > '5'"],
      ["indexExpression", "lower(name)"],
      ["default", "'anon'"],
      ["generated", "name || '!'"],
    ]);
    expect(sites.get("\u0000users")!.find((s) => s.request.kind === "default")!.request.column).toBe("name");
  });

  it("a print equal to the live text puts the live text in; a different print leaves the author's", () => {
    const sites = expressionSites(model, live, key);
    const ids = sites.get("\u0000users")!.map((s) => s.request.id);
    const printed = new Map([
      [ids[0]!, "char_length(name) >= 1 AND char_length(name) <= 100"],
      [ids[1]!, "id > 6"],
      [ids[2]!, "lower(name::text)"],
    ]);
    const out = adoptPrintedExpressions(model, sites, printed, key).tables.find((t) => t.name === "users")!;
    expect(out.checks.map((c) => c.expression)).toEqual(["char_length(name) >= 1 AND char_length(name) <= 100", "id > 0"]);
    expect(out.indexes[0]!.where).toBe("id > '5'");
    expect(out.indexes[1]!.elements).toEqual([{ expression: "lower(name::text)" }]);
    expect(out.columns[1]!.default).toEqual({ kind: "sql", sql: "'anon'" });
    expect(adoptPrintedExpressions(model, sites, new Map(), key)).toBe(model);
  });
});
