/**
 * Composite and range types against a real database, created by hand the way a DBA writes them
 * (aliases, mixed case, another schema, every range option but CANONICAL, which needs C):
 * reflection reads each into one object whose definition is the text the model's DSL assembles,
 * so the model compares equal; columns typed by them keep the type; the range's constructor
 * functions and multirange type are the type's, never listed; comments are read; nothing is
 * left unmanaged; changes compile to what PostgreSQL runs and reflect back as the model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { compositeType, rangeType } from "../../../src/model/user-types.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("PostgreSQL composite and range types, reflected", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit(["public", "app"]);
    await kit.conn.query(`CREATE COLLATION app.case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
      CREATE TYPE public.address AS ("Street" text, city varchar(80) COLLATE "C", tags text[], at timestamptz(3));
      CREATE TYPE app.contact AS (name text COLLATE app.case_blind, home public.address);
      CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
      CREATE TYPE public.textrange AS RANGE (subtype = text, subtype_opclass = text_pattern_ops, collation = "C", multirange_type_name = textranges);
      CREATE TYPE app.span AS RANGE (subtype = numeric(10,2));
      COMMENT ON TYPE public.address IS 'where someone lives';
      COMMENT ON TYPE public.floatrange IS 'measurements';
      CREATE TABLE public.sites (id integer PRIMARY KEY, location address, elevation floatrange, history floatrange[], spans floatmultirange)`);
  });
  afterAll(async () => kit?.close());

  const userTypes = (objects: readonly DatabaseObject[] | undefined): DatabaseObject[] => (objects ?? []).filter((o) => o.kind === "compositeType" || o.kind === "rangeType");

  it("reads each as the model's DSL writes it, with its comment and what it depends on; lists no constructor function", async () => {
    const db = await kit.reflectAll();
    const model = [
      compositeType("address", { Street: "text", city: { type: "varchar(80)", collate: "C" }, tags: "text[]", at: "timestamptz(3)" }, { comment: "where someone lives" }).object,
      compositeType("contact", { name: { type: "text", collate: "case_blind", collateSchema: "app" }, home: "address" }, { schema: "app", dependsOn: ["collation:app.case_blind", "compositeType:.address"] }).object,
      rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi", comment: "measurements" }).object,
      rangeType("textrange", { subtype: "text", subtypeOpclass: "text_pattern_ops", collation: "C", multirangeTypeName: "textranges" }).object,
      rangeType("span", { subtype: "numeric(10,2)", schema: "app" }).object,
    ];
    const byName = (a: DatabaseObject, b: DatabaseObject) => a.name.localeCompare(b.name);
    expect(userTypes(db.objects).sort(byName)).toEqual(model.sort(byName));
    expect(userTypes(db.objects).find((o) => o.name === "address")!.definition).toBe('("Street" text, city character varying(80) COLLATE "C", tags text[], at timestamp(3) with time zone)');
    // PostgreSQL ignores the typmod of a range's subtype: numeric(10,2) is stored as numeric.
    expect(userTypes(db.objects).find((o) => o.name === "span")!.definition).toBe("(SUBTYPE = numeric)");
    expect((db.objects ?? []).filter((o) => o.kind === "function")).toEqual([]);
    expect(db.unmanagedObjects ?? []).toEqual([]);
    const sites = db.tables.find((t) => t.name === "sites")!;
    expect(sites.columns.map((c) => c.type)).toEqual([{ kind: "integer" }, { kind: "raw", sql: "address" }, { kind: "raw", sql: "floatrange" }, { kind: "array", of: { kind: "raw", sql: "floatrange" } }, { kind: "raw", sql: "floatmultirange" }]);
  });

  it("compiles changes to what PostgreSQL runs, and they reflect back as the model", async () => {
    const before = userTypes((await kit.reflectAll()).objects).find((o) => o.name === "address")!;
    const after = compositeType("address", { Street: "text", city: { type: "varchar(80)", collate: "C" }, tags: "text[]", at: "timestamptz(3)", zip: "varchar(10)" }, { comment: "where someone lives" }).object;
    await kit.apply({ kind: "replaceObject", object: after, existing: before });
    const reflected = await kit.reflectAll();
    expect(userTypes(reflected.objects).find((o) => o.name === "address")).toEqual(after);
    const compared = compareSchemas({ ...reflected, objects: reflected.objects!.map((o) => (o.name === "address" ? after : o)) }, reflected, dialectCompareOptions(postgresDialect));
    expect(compared.operations).toEqual([]);
    await kit.apply({ kind: "replaceObject", object: before, existing: after });
    expect(userTypes((await kit.reflectAll()).objects).find((o) => o.name === "address")).toEqual(before);
  });
});
