import { describe, expect, it } from "vitest";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import type { DatabaseSchema, TableSchema } from "../../../src/catalog/types.js";
import { emptyTable } from "../../../src/catalog/types.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { reverseOperation } from "../../../src/operations/reverse.js";

const users: TableSchema = { ...emptyTable("users"), columns: [{ name: "id", type: { kind: "integer" }, nullable: false }, { name: "name", type: { kind: "text" }, nullable: true }] };
const view = (name: string, definition: string, dependsOn?: string[]): DatabaseObject => ({ kind: "view", schema: null, name, definition, ...(dependsOn ? { dependsOn } : {}) });
const fnTouch: DatabaseObject = { kind: "function", schema: null, name: "touch", definition: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ begin return new; end $$" };
const trig: DatabaseObject = { kind: "trigger", schema: null, name: "t", table: "users", definition: "CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()", dependsOn: ["function:.touch", "table:.users"] };

const db = (objects: DatabaseObject[], tables = [users]): DatabaseSchema => ({ tables, enums: [], objects });
const diff = (target: DatabaseSchema, actual: DatabaseSchema) =>
  compareSchemas(target, actual, dialectCompareOptions(postgresDialect)).operations.map((op) =>
    "object" in op ? `${op.kind} ${op.object.name}` : op.kind,
  );

describe("compare of database objects", () => {
  it("finds nothing when definitions differ only in whitespace and the trailing semicolon", () => {
    expect(diff(db([view("v", "SELECT users.id\n   FROM users;")]), db([view("v", " SELECT users.id FROM users")]))).toEqual([]);
  });

  it("replaces a changed body", () => {
    expect(diff(db([view("v", "SELECT 2")]), db([view("v", "SELECT 1")]))).toEqual(["replaceObject v"]);
  });

  it("creates functions before tables and triggers and views after them, views after the views they use", () => {
    const target = db([view("b", "SELECT * FROM a", ["view:.a"]), view("a", "SELECT * FROM users", ["table:.users"]), trig, fnTouch]);
    expect(diff(target, db([], []))).toEqual(["createObject touch", "createTable", "createObject a", "createObject b", "createObject t"]);
  });

  it("drops views and triggers first, users before what they use, and functions after the tables", () => {
    const actual = db([view("a", "SELECT * FROM users", ["table:.users"]), view("b", "SELECT * FROM a", ["view:.a"]), trig, fnTouch]);
    expect(diff(db([], []), actual)).toEqual(["dropObject b", "dropObject a", "dropObject t", "dropTable", "dropObject touch"]);
  });

  it("rebuilds a view (and views on it) around a type change of a column it uses", () => {
    const objects = [view("a", "SELECT users.name FROM users", ["table:.users"]), view("b", "SELECT a.name FROM a", ["view:.a"])];
    const target = db(objects, [{ ...users, columns: [users.columns[0]!, { name: "name", type: { kind: "varchar", length: 20 }, nullable: true }] }]);
    expect(diff(target, db(objects))).toEqual(["dropObject b", "dropObject a", "alterColumn", "createObject a", "createObject b"]);
  });

  it("replaces a view whose options change, and only then: explicit defaults equal saying nothing", () => {
    const withOptions = (viewOptions: DatabaseObject["viewOptions"]): DatabaseObject => ({ ...view("v", "SELECT 1"), ...(viewOptions ? { viewOptions } : {}) });
    expect(diff(db([withOptions({ security: "invoker" })]), db([withOptions(undefined)]))).toEqual(["replaceObject v"]);
    expect(diff(db([withOptions({ checkOption: "local" })]), db([withOptions({ checkOption: "cascaded" })]))).toEqual(["replaceObject v"]);
    expect(diff(db([withOptions({ algorithm: "temptable" })]), db([withOptions({ algorithm: "merge" })]))).toEqual(["replaceObject v"]);
    expect(diff(db([withOptions(undefined)]), db([withOptions({ security: "invoker", checkOption: "cascaded" })]))).toEqual(["replaceObject v"]);
    expect(diff(db([withOptions({ security: "definer", algorithm: "undefined" })]), db([withOptions(undefined)]))).toEqual([]);
    expect(diff(db([withOptions({ security: "invoker", checkOption: "local" })]), db([withOptions({ checkOption: "local", security: "invoker" })]))).toEqual([]);
  });

  it("carries both sides' options in the replace, so its reverse restores them", () => {
    const target = db([{ ...view("v", "SELECT 1"), viewOptions: { security: "invoker" } }]);
    const ops = compareSchemas(target, db([view("v", "SELECT 1")]), dialectCompareOptions(postgresDialect)).operations;
    expect(ops).toEqual([{ kind: "replaceObject", object: target.objects![0], existing: view("v", "SELECT 1") }]);
    expect(reverseOperation(ops[0]!)).toEqual([{ kind: "replaceObject", object: view("v", "SELECT 1"), existing: target.objects![0] }]);
  });
});
