/**
 * PostgreSQL composite and range types: the definition text the model and reflection assemble
 * alike, compare (in-place ALTER TYPE, and what it leaves out where the type is used), compile,
 * reverse, rendering into revisions and pulled modules, and the refusals of MySQL and SQLite.
 */
import { describe, expect, it } from "vitest";
import * as athanor from "../../../src/model/index.js";
import { compositeType, defineSchema, integer, rangeType, rawType, schemaFromModel, table } from "../../../src/model/index.js";
import { compositeAttributesOf, compositeTypeChange, compositeTypeDefinition } from "../../../src/catalog/objects/composite-type.js";
import { defaultMultirangeName, rangeTypeDefinition, rangeTypePartsOf } from "../../../src/catalog/objects/range-type.js";
import { canonicalTypeSpelling } from "../../../src/catalog/objects/type-spelling.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import { destructiveWarnings } from "../../../src/autogenerate/render-warnings.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { reverseOperation } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { evaluate } from "./evaluate-rendered.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };
const compare = (target: DatabaseSchema, actual: DatabaseSchema) => compareSchemas(target, actual, dialectCompareOptions(postgresDialect));
const sqlOf = async (op: Operation) => (await postgresDialect.compile(op, offline)).map((s) => s.sql);

const address = (attributes: Parameters<typeof compositeType>[1] = { street: "text", city: { type: "varchar(80)", collate: "C" } }) => compositeType("address", attributes);
const floatrange = (options: Partial<athanor.RangeTypeOptions> = {}) => rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi", ...options });
const places = table("places", { id: integer().primaryKey(), home: rawType("address"), span: rawType("floatrange") });
const model = (...objects: athanor.ObjectDefinition[]): DatabaseSchema => schemaFromModel(defineSchema({ tables: [places], objects }));
const objectOf = (db: DatabaseSchema, name: string): DatabaseObject => db.objects!.find((o) => o.name === name)!;

describe("definitions", () => {
  it("the model and reflection assemble the same text: format_type's spelling, COLLATE where it is not the type's own", () => {
    // What the objects query reads from pg_attribute, as JSON.
    const reflected = compositeTypeDefinition([
      { name: "street", type: "text", collation: null },
      { name: "city", type: "character varying(80)", collation: "C", collationSchema: null },
    ]);
    expect(reflected).toBe('(street text, city character varying(80) COLLATE "C")');
    expect(address().object.definition).toBe(reflected);
    expect(compositeType("t", { "Mixed Case": "int4[]", at: { type: "timestamptz(3)", collate: "case_blind", collateSchema: "app" } }).object.definition).toBe(
      '("Mixed Case" integer[], at timestamp(3) with time zone COLLATE app.case_blind)',
    );
    expect(compositeAttributesOf('("Mixed Case" integer[], at timestamp(3) with time zone COLLATE app.case_blind, n numeric(10,2))')).toEqual([
      { name: "Mixed Case", type: "integer[]", collation: null },
      { name: "at", type: "timestamp(3) with time zone", collation: "case_blind", collationSchema: "app" },
      { name: "n", type: "numeric(10,2)", collation: null },
    ]);
  });

  it("spells type aliases as format_type prints them and leaves what it does not know alone", () => {
    expect(["float8", "int", "int8", "bool", "varchar(80)", "timestamp", "timestamptz(3)", "time(2)", "numeric(10, 2)", "text[]", "DOUBLE PRECISION"].map(canonicalTypeSpelling)).toEqual([
      "double precision", "integer", "bigint", "boolean", "character varying(80)", "timestamp without time zone", "timestamp(3) with time zone", "time(2) without time zone", "numeric(10,2)", "text[]", "double precision",
    ]);
    expect(["address", "app.address", '"Address"', "character varying(80)", "timestamp with time zone"].map(canonicalTypeSpelling)).toEqual(["address", "app.address", '"Address"', "character varying(80)", "timestamp with time zone"]);
  });

  it("a range type keeps only what is not a default, in CREATE TYPE's order; the multirange PostgreSQL derives is left out", () => {
    expect(floatrange().object.definition).toBe("(SUBTYPE = double precision, SUBTYPE_DIFF = float8mi)");
    // pg_range as the objects query reads it: the derived multirange name is no option.
    expect(rangeTypeDefinition("floatrange", { subtype: "double precision", subtypeOpclass: null, collation: null, canonical: null, subtypeDiff: "float8mi", multirangeTypeName: "floatmultirange" })).toBe(floatrange().object.definition);
    const all = rangeType("textrange", { subtype: "text", subtypeOpclass: "text_pattern_ops", collation: "C", canonical: "text_canon", subtypeDiff: "text_diff", multirangeTypeName: "textranges" });
    expect(all.object.definition).toBe('(SUBTYPE = text, SUBTYPE_OPCLASS = text_pattern_ops, COLLATION = "C", CANONICAL = text_canon, SUBTYPE_DIFF = text_diff, MULTIRANGE_TYPE_NAME = textranges)');
    expect(rangeTypePartsOf(all.object.definition)).toEqual({ subtype: "text", subtypeOpclass: "text_pattern_ops", collation: "C", canonical: "text_canon", subtypeDiff: "text_diff", multirangeTypeName: "textranges" });
    expect([defaultMultirangeName("floatrange"), defaultMultirangeName("span"), defaultMultirangeName("rangeof")]).toEqual(["floatmultirange", "span_multirange", "multirangeof"]);
    expect(rangeTypePartsOf("(SUBTYPE = numeric(10,2))")).toEqual({ subtype: "numeric(10,2)" });
    // PostgreSQL keeps no modifier on a range's subtype.
    expect(rangeType("span", { subtype: "numeric(10, 2)" }).object.definition).toBe("(SUBTYPE = numeric)");
    expect(rangeType("at", { subtype: "timestamptz(3)" }).object.definition).toBe("(SUBTYPE = timestamp with time zone)");
  });

  it("refuses a type without attributes or subtype, with the fix", () => {
    expect(() => compositeType("empty", {})).toThrow(/composite type empty: it has no attributes/);
    expect(() => compositeType("bad", { a: { type: " " } })).toThrow(/the attribute a has no type/);
    expect(() => rangeType("r", {} as never)).toThrow(/range type r: it has no subtype/);
    // A misspelt key is named, not dropped.
    expect(() => compositeType("a", { city: { type: "text", collation: "C" } as never })).toThrow(/^composite type a: the attribute city says collation, which an attribute does not have\.$/);
    expect(() => rangeType("r", { subtype: "float8", subtypeDif: "float8mi" } as never)).toThrow(/^range type r: subtypeDif is not an option of a range type\.$/);
  });
});

describe("ALTER TYPE plans", () => {
  const attrs = (definition: string) => compositeAttributesOf(definition)!;
  it("drops, alters and appends in place; null when the attribute order cannot be reached", () => {
    expect(compositeTypeChange(attrs("(a text, b integer, c text)"), attrs("(a text, b bigint, d date)"))).toEqual({
      drop: ["c"],
      add: [{ name: "d", type: "date", collation: null }],
      alter: [{ name: "b", type: "bigint", collation: null }],
    });
    expect(compositeTypeChange(attrs("(a text)"), attrs('(a text COLLATE "C")'))!.alter).toHaveLength(1);
    expect(compositeTypeChange(attrs("(a text, b integer)"), attrs("(b integer, a text)"))).toBeNull();
    expect(compositeTypeChange(attrs("(a text, b integer)"), attrs("(a text, n date, b integer)"))).toBeNull();
    expect(compositeTypeChange(attrs("(a text)"), attrs("(a text)"))).toEqual({ drop: [], add: [], alter: [] });
  });
});

describe("compile and reverse", () => {
  it("creates with the dialect's quoting, alters in place in one ALTER TYPE, drops and creates a range", async () => {
    const before = address({ street: "text", city: { type: "varchar(80)", collate: "C" }, note: "text" }).object;
    const after = address({ street: "varchar(200)", city: { type: "varchar(80)", collate: "C" }, zip: "text" }).object;
    expect(await sqlOf({ kind: "createObject", object: before })).toEqual(['CREATE TYPE "address" AS ("street" text, "city" character varying(80) COLLATE "C", "note" text)']);
    expect(await sqlOf({ kind: "replaceObject", object: after, existing: before })).toEqual([
      'ALTER TYPE "address" DROP ATTRIBUTE "note", ALTER ATTRIBUTE "street" TYPE character varying(200), ADD ATTRIBUTE "zip" text',
    ]);
    expect(await sqlOf({ kind: "dropObject", object: before })).toEqual(['DROP TYPE "address"']);
    // An order ALTER TYPE cannot reach is a drop and create (compare allows it only where nothing uses the type).
    const reordered = address({ city: { type: "varchar(80)", collate: "C" }, street: "text" }).object;
    expect(await sqlOf({ kind: "replaceObject", object: reordered, existing: address().object })).toEqual(['DROP TYPE "address"', 'CREATE TYPE "address" AS ("city" character varying(80) COLLATE "C", "street" text)']);
    expect(await sqlOf({ kind: "createObject", object: floatrange().object })).toEqual(['CREATE TYPE "floatrange" AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = float8mi)']);
    expect(await sqlOf({ kind: "replaceObject", object: floatrange({ subtypeDiff: null }).object, existing: floatrange().object })).toEqual(['DROP TYPE "floatrange"', 'CREATE TYPE "floatrange" AS RANGE (SUBTYPE = double precision)']);
    const commented = compositeType("address", { street: "text" }, { schema: "app", comment: "where" }).object;
    expect(await sqlOf({ kind: "createObject", object: commented })).toEqual(['CREATE TYPE "app"."address" AS ("street" text)', `COMMENT ON TYPE "app"."address" IS 'where'`]);
    // reverse() swaps the two sides exactly: the downgrade is the opposite ALTER TYPE.
    const replace: Operation = { kind: "replaceObject", object: after, existing: before };
    expect(reverseOperation(replace)).toEqual([{ kind: "replaceObject", object: before, existing: after }]);
    expect(await sqlOf(reverseOperation(replace)[0]!)).toEqual(['ALTER TYPE "address" DROP ATTRIBUTE "zip", ALTER ATTRIBUTE "street" TYPE text, ADD ATTRIBUTE "note" text']);
    expect(reverseOperation({ kind: "createObject", object: before })).toEqual([{ kind: "dropObject", object: before }]);
  });

  it("MySQL and SQLite refuse both kinds with one message saying what to model instead", async () => {
    for (const [dialect, name] of [
      [mysqlDialect, "MySQL"],
      [sqliteDialect, "SQLite"],
    ] as const) {
      await expect(dialect.compile({ kind: "createObject", object: address().object }, offline)).rejects.toThrow(new RegExp(`^${name} has no composite types \\(composite type address\\): they are PostgreSQL's\\.$`));
      await expect(dialect.compile({ kind: "createObject", object: compositeType("a", { x: "text" }, { comment: "c" }).object }, offline)).rejects.toThrow(/has no composite types/);
      const error = await dialect.compile({ kind: "createObject", object: floatrange().object }, offline).catch((e: unknown) => e as Error & { hint?: string });
      expect((error as Error).message).toBe(`${name} has no range types (range type floatrange): they are PostgreSQL's.`);
      expect((error as { hint?: string }).hint).toMatch(/two columns with a CHECK/);
    }
  });
});

describe("compare", () => {
  it("the model equals its reflection; types come before the table that uses them and go after it", () => {
    const db = model(address(), floatrange());
    expect(compare(db, structuredClone(db)).operations).toEqual([]);
    const up = compare(db, { tables: [], enums: [] }).operations.map((op) => (op.kind === "createTable" ? "table" : op.kind === "createObject" ? op.object.name : op.kind));
    expect(up).toEqual(["address", "floatrange", "table"]);
    const down = compare({ tables: [], enums: [] }, db).operations.map((op) => (op.kind === "dropTable" ? "table" : op.kind === "dropObject" ? op.object.name : op.kind));
    expect(down[0]).toBe("table");
    expect([...down].sort()).toEqual(["address", "floatrange", "table"]);
  });

  it("a column typed by an array of the type compares the same written either way (rawType(\"address[]\") is what reflection reads as an array of address)", () => {
    const written = (type: athanor.ColumnBuilder) => schemaFromModel(defineSchema({ tables: [table("t", { id: integer(), homes: type })], objects: [address()] }));
    expect(compare(written(rawType("address[]")), written(athanor.array(rawType("address")))).operations).toEqual([]);
    expect(compare(written(rawType("address[][]")), written(athanor.array(rawType("address"), { dimensions: 2 }))).operations).toEqual([]);
    expect(compare(written(rawType("address[]")), written(rawType("address"))).operations.map((op) => op.kind)).toEqual(["alterColumn"]);
  });

  it("an enum a composite type or a routine names is created before them and dropped after them", () => {
    const mood = athanor.enumType("mood", ["calm", "busy"]);
    const feeling = compositeType("feeling", { mood: "mood", since: "date" });
    const f = athanor.fn("f", "CREATE FUNCTION public.f(m mood) RETURNS integer LANGUAGE sql AS 'select 1'");
    const db = schemaFromModel(defineSchema({ tables: [table("t", { id: integer(), m: mood.column() })], enums: [mood], objects: [feeling, f] }));
    const name = (op: Operation): string => (op.kind === "createEnum" ? "enum" : op.kind === "dropEnum" ? "enum" : op.kind === "createObject" || op.kind === "dropObject" ? op.object.name : "table");
    expect(compare(db, { tables: [], enums: [] }).operations.map(name)).toEqual(["enum", "feeling", "f", "table"]);
    const down = compare({ tables: [], enums: [] }, db).operations.map(name);
    expect(down[0]).toBe("table");
    expect(down.at(-1)).toBe("enum");
  });

  it("a composite type is created after the range, composite and domain types it names (no dependsOn needed) and dropped before them", () => {
    const db = schemaFromModel(
      defineSchema({
        tables: [],
        objects: [compositeType("aa_trip", { legs: "zz_leg[]", span: "floatrange", meters: "positive" }), compositeType("zz_leg", { from: "text", to: "text" }), floatrange(), athanor.domain("positive", "AS integer CHECK (VALUE > 0)")],
      }),
    );
    expect(objectOf(db, "aa_trip").dependsOn?.sort()).toEqual(["compositeType:.zz_leg", "domain:.positive", "rangeType:.floatrange"]);
    const up = compare(db, { tables: [], enums: [] }).operations.map((op) => (op.kind === "createObject" ? op.object.name : op.kind));
    expect(up.indexOf("aa_trip")).toBeGreaterThan(Math.max(up.indexOf("zz_leg"), up.indexOf("floatrange"), up.indexOf("positive")));
    const down = compare({ tables: [], enums: [] }, db).operations.map((op) => (op.kind === "dropObject" ? op.object.name : op.kind));
    expect(down[0]).toBe("aa_trip");
  });

  it("a composite type in use changes in place where ALTER TYPE can both ways, and names what it cannot instead of emitting it", () => {
    const actual = model(address({ street: "text", note: "text" }), floatrange());
    const added = compare(model(address({ street: "text", zip: "text" }), floatrange()), actual);
    expect(added.operations.map((op) => op.kind)).toEqual(["replaceObject"]);
    expect(added.unmanaged).toEqual([]);
    // DROP ATTRIBUTE takes the values with it: a destructive-change warning says so.
    expect(destructiveWarnings(added.operations)).toEqual(['drops attribute "note" of composite type address and its values in every column of that type']);
    expect(renderOperations(added.operations).body).toContain('// WARNING: drops attribute "note" of composite type address');
    // ALTER ATTRIBUTE … TYPE under a column: PostgreSQL refuses it.
    const retyped = compare(model(address({ street: "varchar(80)", note: "text" }), floatrange()), actual);
    expect(retyped.operations).toEqual([]);
    expect(retyped.unmanaged).toEqual([expect.stringMatching(/^composite type address: the model says .*; PostgreSQL cannot change the type or collation of street while column places\.home uses the type: add an attribute under a new name/)]);
    // Dropping the first attribute: the downgrade would append it, so it would need DROP TYPE.
    const dropped = compare(model(address({ note: "text" }), floatrange()), actual);
    expect(dropped.operations).toEqual([]);
    expect(dropped.unmanaged[0]).toMatch(/ALTER TYPE only appends attributes, so the downgrade needs DROP TYPE, which PostgreSQL refuses while column places\.home uses the type/);
    // Unused, the same changes are made (a drop and create where ALTER TYPE cannot).
    const unused = (db: DatabaseSchema): DatabaseSchema => ({ ...db, tables: [] });
    expect(compare(unused(model(address({ note: "text" }))), unused(model(address({ street: "text", note: "text" })))).operations.map((op) => op.kind)).toEqual(["replaceObject"]);
  });

  it("a changed range type in use is left out with what to do instead; unused it is replaced", () => {
    const actual = model(address(), floatrange());
    const result = compare(model(address(), floatrange({ subtypeDiff: null })), actual);
    expect(result.operations).toEqual([]);
    expect(result.unmanaged).toEqual([expect.stringMatching(/^range type floatrange: .*PostgreSQL cannot alter a range type, and dropping it to create it again is refused while column places\.span uses it: create a range type under a new name/)]);
    const free = { tables: [], enums: [] };
    const ops = compare({ ...free, objects: [floatrange({ subtypeDiff: null }).object] }, { ...free, objects: [floatrange().object] }).operations;
    expect(ops).toEqual([{ kind: "replaceObject", object: floatrange({ subtypeDiff: null }).object, existing: floatrange().object }]);
  });
});

describe("render", () => {
  it("a revision writes compositeType(...) with its attributes and rangeType(...) with what is not a default, and evaluates back to the same operations", async () => {
    const target = model(address(), floatrange(), rangeType("textrange", { subtype: "text", collation: "C", multirangeTypeName: "textranges" }));
    const ops = compare(target, { tables: [], enums: [] }).operations;
    const rendered = renderOperations(ops);
    expect(rendered.body).toMatch(/compositeType\("address", \{\s*street: "text",\s*city: \{ type: "character varying\(80\)", collate: "C" \},?\s*\}\)/);
    expect(rendered.body).toMatch(/rangeType\("floatrange", \{\s*subtype: "double precision",\s*subtypeDiff: "float8mi",?\s*\}\)/);
    expect(rendered.body).toMatch(/rangeType\("textrange", \{\s*subtype: "text",\s*collation: "C",\s*multirangeTypeName: "textranges",?\s*\}\)/);
    const statements = async (list: readonly Operation[]) => Promise.all(list.map(sqlOf));
    expect(await statements(await evaluate(rendered))).toEqual(await statements(ops));
    expect((await evaluate(rendered)).filter((op) => op.kind === "createObject")).toEqual(ops.filter((op) => op.kind === "createObject"));
    const change = compare(model(address({ street: "text", city: { type: "varchar(80)", collate: "C" }, zip: "text" }), floatrange()), model(address(), floatrange())).operations;
    expect(await evaluate(renderOperations(change))).toEqual(change);
  });

  it("pull writes each type as the DSL call that declares it, and the column as that type", async () => {
    const db = model(address(), floatrange());
    const source = renderSchemaModule(db, { dialect: "postgres" });
    expect(source).toContain('export const address = compositeType("address", {\n  street: "text",\n  city: { type: "character varying(80)", collate: "C" },\n});');
    expect(source).toContain('export const floatrange = rangeType("floatrange", {\n  subtype: "double precision",\n  subtypeDiff: "float8mi",\n});');
    expect(source).toContain('home: rawType("address")');
    expect(source).toContain('span: rawType("floatrange")');
    expect(source).not.toContain("not in this file");
    expect(objectOf(db, "address").kind).toBe("compositeType");
  });
});
