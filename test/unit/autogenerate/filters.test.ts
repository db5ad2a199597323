import { describe, expect, it } from "vitest";
import { filterSchema, tableMatches } from "../../../src/autogenerate/filters.js";
import { col, db, withId } from "./fixtures.js";

const names = (schema: ReturnType<typeof db>) => schema.tables.map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name));
const schema = db([withId("users"), withId("orders"), withId("audit_log"), withId("audit_users"), { ...withId("users"), schema: "reporting" }, withId("athanor_version")]);

describe("filterSchema", () => {
  it("keeps every table but the version table by default", () => {
    expect(names(filterSchema(schema, { versionTable: "athanor_version" }))).toEqual(["users", "orders", "audit_log", "audit_users", "reporting.users"]);
  });

  it("keeps only included tables, by name in any schema", () => {
    expect(names(filterSchema(schema, { includeTables: ["users"], versionTable: "athanor_version" }))).toEqual(["users", "reporting.users"]);
  });

  it("matches schema-qualified patterns against the table's schema", () => {
    expect(names(filterSchema(schema, { includeTables: ["reporting.users"] }))).toEqual(["reporting.users"]);
    expect(names(filterSchema(schema, { excludeTables: ["reporting.*"], versionTable: "athanor_version" }))).toEqual(["users", "orders", "audit_log", "audit_users"]);
  });

  it("supports * globs and applies exclusions after inclusions", () => {
    expect(names(filterSchema(schema, { includeTables: ["audit_*", "orders"], excludeTables: ["*_users"] }))).toEqual(["orders", "audit_log"]);
  });

  it("always leaves out the version table, even when included explicitly", () => {
    expect(names(filterSchema(schema, { includeTables: ["athanor_version"], versionTable: { name: "athanor_version" } }))).toEqual([]);
  });

  it("leaves out a schema-qualified version table in its own schema only", () => {
    const tables = db([{ ...withId("athanor_version"), schema: "meta" }, { ...withId("athanor_version"), schema: "app" }]);
    expect(names(filterSchema(tables, { versionTable: { schema: "meta", name: "athanor_version" } }))).toEqual(["app.athanor_version"]);
  });

  it("treats other pattern characters literally", () => {
    expect(tableMatches({ name: "a.b" }, "a.b")).toBe(false);
    expect(tableMatches({ schema: "a", name: "b" }, "a.b")).toBe(true);
    expect(tableMatches({ name: "x+y" }, "x+y")).toBe(true);
    expect(tableMatches({ name: "xxy" }, "x+y")).toBe(false);
  });

  it("leaves out enum types used only by filtered-out tables", () => {
    const withEnums = db(
      [withId("kept", [col("a", { kind: "enum", name: "shared", values: ["x"] })]), withId("skipped", [col("b", { kind: "enum", name: "private", values: ["y"] }), col("c", { kind: "enum", name: "shared", values: ["x"] })])],
      [{ name: "shared", values: ["x"] }, { name: "private", values: ["y"] }, { name: "unused", values: ["z"] }],
    );
    expect(filterSchema(withEnums, { excludeTables: ["skipped"] }).enums.map((e) => e.name)).toEqual(["shared", "unused"]);
  });
});
