import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { camelCase } from "../../../src/pull/identifiers.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { isIdentifierName } from "../../../src/autogenerate/render-values.js";
import { awkwardSchema, col, fk, ix, richSchema, tbl } from "../autogenerate/render-fixtures.js";

const root = resolve(import.meta.dirname, "../../..");
const tmp = join(root, "test/.tmp", `pull-${process.pid}-${randomBytes(4).toString("hex")}`);
const modelEntry = pathToFileURL(join(root, "src/model/index.ts")).href;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
/** Writes the module (its "athanor" import pointed at the source tree) and imports it. */
async function load(source: string): Promise<unknown> {
  expect(source).toMatch(/ from "athanor";\n/);
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, `schema${counter++}.ts`);
  writeFileSync(file, source.replace(/ from "athanor";\n/, ` from ${JSON.stringify(modelEntry)};\n`));
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

const roundTrip = async (schema: DatabaseSchema): Promise<DatabaseSchema> => schemaFromModel(await load(renderSchemaModule(schema)));

describe("renderSchemaModule round trip", () => {
  it("loads back a schema with every column type, constraint kind, enum and awkward names unchanged", async () => {
    expect(await roundTrip(richSchema)).toStrictEqual(richSchema);
  });

  it("loads back views with their options, explicit defaults included, and a view with none", async () => {
    const schema: DatabaseSchema = {
      tables: [],
      enums: [],
      objects: [
        { kind: "view", schema: null, name: "actor_info", definition: "select 1 AS `one`", viewOptions: { security: "invoker", checkOption: "local", algorithm: "merge" } },
        { kind: "view", schema: null, name: "explicit", definition: "select 2 AS `two`", viewOptions: { security: "definer", algorithm: "undefined" } },
        { kind: "view", schema: null, name: "plain", definition: "select 3 AS `three`" },
      ],
    };
    const source = renderSchemaModule(schema);
    expect(source).toMatch(/security: "invoker",\s*checkOption: "local",\s*algorithm: "merge",?\s/);
    expect(await roundTrip(schema)).toStrictEqual(schema);
  });

  it("loads back tables named like reserved words, imports and each other", async () => {
    expect(await roundTrip(awkwardSchema)).toStrictEqual(awkwardSchema);
  });

  it("loads back each table on its own (with the tables it references)", async () => {
    for (const table of richSchema.tables) {
      const needed = richSchema.tables.filter((t) => t === table || table.foreignKeys.some((f) => f.referencedTable === t.name && (f.referencedSchema ?? null) === t.schema));
      const schema: DatabaseSchema = { tables: needed, enums: richSchema.enums };
      expect(await roundTrip(schema)).toStrictEqual(schema);
    }
  });

  it("loads back constraints without names and a nullable primary-key column, as SQLite keeps them", async () => {
    const sqliteLike: DatabaseSchema = {
      enums: [],
      tables: [
        tbl("p", [col("id", { kind: "integer" }, { nullable: false })], { primaryKey: { name: null, columns: ["id"] } }),
        tbl("c", [col("code", { kind: "text" }), col("p_id", { kind: "integer" })], {
          primaryKey: { name: null, columns: ["code"] },
          foreignKeys: [{ ...fk("", ["p_id"], "p", ["id"]), name: null }],
          uniques: [{ name: null, columns: ["p_id"] }],
          checks: [{ name: null, expression: "p_id > 0" }],
        }),
      ],
    };
    const source = renderSchemaModule(sqliteLike, { dialect: "sqlite" });
    expect(source).toContain('code: text().nullable()');
    expect(source).toContain('primaryKey(["code"], { name: null })');
    expect(source).toContain("Loading this module gives back exactly the schema that was read.");
    const loaded = await roundTrip(sqliteLike);
    expect(loaded.tables.map((t) => t.name)).toEqual(["c", "p"]);
    expect(loaded).toStrictEqual({ enums: [], tables: [sqliteLike.tables[1], sqliteLike.tables[0]] });
  });

  it("loads back an empty schema", async () => {
    expect(await roundTrip({ tables: [], enums: [] })).toStrictEqual({ tables: [], enums: [] });
  });

  it("keeps names longer than the default limit by raising naming.maxLength", async () => {
    const long = "ix_" + "x".repeat(70);
    const schema: DatabaseSchema = { enums: [], tables: [tbl("t", [col("a", { kind: "text" })], { indexes: [ix(long, [{ column: "a" }])] })] };
    const source = renderSchemaModule(schema);
    expect(source).toContain("naming: { maxLength: 73 }");
    expect(await roundTrip(schema)).toStrictEqual(schema);
  });
});

describe("renderSchemaModule source", () => {
  const source = renderSchemaModule(richSchema, { dialect: "postgres" });

  it("imports from athanor, declares enums, then tables sorted by name, then the default export", () => {
    const order = ["import {", "export const mood = enumType(", "export const orderStatus = enumType(", "export const allTypes = table(", "export const orderLines = table(", "export const orders = table(", "export default defineSchema("];
    const positions = order.map((text) => source.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(source).toContain("export default defineSchema({ tables: [allTypes, orderLines, orders], enums: [mood, orderStatus] });");
  });

  it("uses the builder DSL and the module's enums for columns", () => {
    expect(source).toContain("    id: serial(),\n");
    expect(source).toContain('    name: varchar(80).notNull().collate("C"),\n');
    expect(source).toContain('    mood: mood.column().default("ok"),\n');
    expect(source).toContain("    moods: array(mood.column()),\n");
    expect(source).toContain('    status: orderStatus.column().notNull().default("new"),\n');
    expect(source).toContain('    "nullable serial": serial().nullable(),\n');
    expect(source).toContain('    ["__proto__"]: text(),\n');
    expect(source).toContain('    "say \\"hi\\"": varchar(5),\n');
  });

  it("spells out every constraint and index name", () => {
    for (const table of richSchema.tables) {
      const names = [table.primaryKey?.name, ...table.uniques.map((u) => u.name), ...table.foreignKeys.map((f) => f.name), ...table.checks.map((c) => c.name), ...table.indexes.map((i) => i.name)];
      for (const name of names) expect(source).toContain(`name: ${JSON.stringify(name)}`);
    }
  });

  it("says in the header that the schema loads back exactly, and names the dialect", () => {
    expect(source.startsWith("/**\n * Schema pulled from a PostgreSQL database by `migrate pull`.")).toBe(true);
    expect(source).toContain("Loading this module gives back exactly the schema that was read.");
  });

  it("gives every table and enum a unique, valid, non-reserved export name", () => {
    const awkward = renderSchemaModule(awkwardSchema);
    const idents = [...awkward.matchAll(/^export const (\S+) = /gmu)].map((m) => m[1]!);
    expect(idents).toHaveLength(awkwardSchema.tables.length + awkwardSchema.enums.length);
    expect(new Set(idents).size).toBe(idents.length);
    for (const ident of idents) expect(isIdentifierName(ident)).toBe(true);
    expect(idents).not.toContain("class");
    expect(idents).not.toContain("index");
    expect(idents).not.toContain("table");
    expect(idents).toContain("orderItems");
    expect(idents).toContain("_123Go");
  });

  it("camel-cases database names", () => {
    expect(camelCase("order_items")).toBe("orderItems");
    expect(camelCase("HTTP_LOG")).toBe("httpLog");
    expect(camelCase("UserAccounts")).toBe("userAccounts");
    expect(camelCase("order items (old)")).toBe("orderItemsOld");
    expect(camelCase("!!!")).toBe("");
  });
});

describe("what pull cannot express", () => {
  const lossy: DatabaseSchema = {
    enums: [],
    tables: [
      tbl("a", [col("id", { kind: "text" }), col("status", { kind: "enum", name: "status", values: ["x", "y"] }), col("kind", { kind: "enum", name: "", values: ["p"] })], {
        primaryKey: { name: null, columns: ["id"] },
        uniques: [{ name: null, columns: ["status"] }],
      }),
      tbl("b", [col("id", { kind: "integer" }, { nullable: false }), col("status", { kind: "enum", name: "status", values: ["z"] })], {
        foreignKeys: [fk("b_c_fk", ["id"], "c", ["id"])],
      }),
    ],
  };
  const source = renderSchemaModule(lossy, { dialect: "mysql" });

  it("lists each difference in the header", () => {
    const header = source.slice(0, source.indexOf("*/"));
    expect(header).toContain("MySQL/MariaDB");
    expect(header).not.toContain("no name");
    expect(header).not.toContain("primary key but nullable");
    expect(header).toContain("exist only inside columns");
    expect(header).toContain('column "a.kind": its inline enum "" is written as "a_kind"');
    expect(header).toContain('column "b.status": its inline enum "status" is written as "b_status"');
    expect(header).toContain('foreign key "b_c_fk" points at "c", which was not pulled');
  });

  it("otherwise loads back with only the listed differences", async () => {
    const loadable: DatabaseSchema = { ...lossy, tables: lossy.tables.map((t) => ({ ...t, foreignKeys: [] })) };
    const loaded = await roundTrip(loadable);
    const [a, b] = loaded.tables;
    expect(a!.primaryKey).toEqual({ name: null, columns: ["id"] });
    expect(a!.uniques).toEqual([{ name: null, columns: ["status"] }]);
    expect(a!.columns[0]!.nullable).toBe(true);
    // Inline enums are written with enumType, which records schema null (no schema applies to them).
    expect(a!.columns[2]!.type).toEqual({ kind: "enum", name: "a_kind", values: ["p"], schema: null });
    expect(b!.columns[1]!.type).toEqual({ kind: "enum", name: "b_status", values: ["z"], schema: null });
    expect(loaded.enums.map((e) => e.name)).toEqual(["a_kind", "b_status", "status"]);
    expect(b).toStrictEqual({ ...loadable.tables[1]!, columns: [loadable.tables[1]!.columns[0], { ...loadable.tables[1]!.columns[1]!, type: { kind: "enum", name: "b_status", values: ["z"], schema: null } }] });
  });

  it("warns about names the model would refuse as duplicates within a table", () => {
    const dup: DatabaseSchema = { enums: [], tables: [tbl("a", [col("x", { kind: "text" })], { indexes: [ix("same", [{ column: "x" }])], uniques: [{ name: "same", columns: ["x"] }] })] };
    expect(renderSchemaModule(dup)).toContain('the name "same" is used by two constraints or indexes of table "a"');
  });

  it("does not warn about one index name on two tables (MySQL scopes index names per table)", () => {
    const perTable: DatabaseSchema = { enums: [], tables: [tbl("a", [col("x", { kind: "text" })], { indexes: [ix("same", [{ column: "x" }])] }), tbl("b", [col("x", { kind: "text" })], { indexes: [ix("same", [{ column: "x" }])] })] };
    expect(renderSchemaModule(perTable)).toContain("Loading this module gives back exactly the schema that was read.");
  });
});
