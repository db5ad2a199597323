/**
 * The options of keys, in both forms (`.primaryKey()` / `.unique()` on a column, `primaryKey([...])`
 * / `unique([...])` in the extras): timing and INCLUDE columns, from the DSL to the catalog, to
 * each dialect's SQL (or its refusal), to compare and to the code a generated file writes; and the
 * layout flag (`inline`) that only SQLite keeps.
 */
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { normalizeMysqlSchema } from "../../../src/dialects/mysql/compare.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { normalizePostgresSchema } from "../../../src/dialects/postgres/compare.js";
import { foldPostgresSpellings } from "../../../src/dialects/postgres/expression-spellings.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { normalizeSqliteSchema } from "../../../src/dialects/sqlite/compare.js";
import { MigrateError } from "../../../src/errors.js";
import { defineSchema, integer, primaryKey, schemaFromModel, table, text, unique, type AnyTable } from "../../../src/model/index.js";
import type { Operation } from "../../../src/operations/types.js";
import { PG_CAPS } from "../autogenerate/fixtures.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };
const build = (...tables: AnyTable[]) => schemaFromModel(defineSchema({ tables }));
const sqlOf = async (dialect: typeof postgresDialect, op: Operation): Promise<string[]> => (await dialect.compile(op, offline)).map((s) => s.sql);

const ledger = table("ledger", {
  id: integer().primaryKey({ deferrable: true, initiallyDeferred: true, include: ["label"] }),
  code: text().unique({ include: ["id", "label"] }),
  label: text(),
});

describe("key options on a column are the table-level ones", () => {
  it(".primaryKey({ deferrable, initiallyDeferred, include }) builds the same key as primaryKey([...]) does, declared on its column", () => {
    const [onColumn] = build(ledger).tables;
    const [atTable] = build(table("ledger", { id: integer(), code: text(), label: text() }, (t) => ({ primaryKey: primaryKey([t.id], { deferrable: true, initiallyDeferred: true, include: ["label"] }), uniques: [unique([t.code], { include: ["id", "label"] })] }))).tables;
    expect(onColumn!.primaryKey).toEqual({ name: "ledger_pkey", columns: ["id"], deferrable: true, initiallyDeferred: true, include: ["label"], inline: true });
    expect(atTable!.primaryKey).toEqual({ name: "ledger_pkey", columns: ["id"], deferrable: true, initiallyDeferred: true, include: ["label"] });
    expect(onColumn!.uniques).toEqual([{ name: "ledger_code_key", columns: ["code"], include: ["id", "label"], inline: true }]);
    expect(atTable!.uniques).toEqual([{ name: "ledger_code_key", columns: ["code"], include: ["id", "label"] }]);
  });

  it("options on one column of a composite .primaryKey() are a model error naming the fix", () => {
    const bad = table("pairs", { a: integer().primaryKey({ deferrable: true }), b: integer().primaryKey() });
    expect(() => build(bad)).toThrow(MigrateError);
    expect(() => build(bad)).toThrow(/options of a composite key belong to the key/);
  });

  it("an INCLUDE column the table lacks is a model error", () => {
    expect(() => build(table("t", { id: integer().primaryKey({ include: ["nope"] }) }))).toThrow(/names column nope/);
    expect(() => build(table("t", { id: integer(), c: text().unique({ include: ["gone"] }) }))).toThrow(/names column gone/);
  });

  it("a generated createTable declares the key where the model did, with all its options", () => {
    const [t] = build(ledger).tables;
    // One line per call, whatever the printer's wrapping.
    const body = renderOperations([{ kind: "createTable", table: t! }]).body.replace(/\s*\n\s*/g, " ").replace(/\( /g, "(").replace(/,? \}/g, " }").replace(/\{ /g, "{ ");
    expect(body).toContain(`id: integer() .notNull() .primaryKey({ name: "ledger_pkey", deferrable: true, initiallyDeferred: true, include: ["label"] })`);
    expect(body).toContain(`code: text().unique({ name: "ledger_code_key", include: ["id", "label"] })`);
    expect(body).not.toContain("primaryKey: primaryKey(");
  });
});

describe("INCLUDE on keys in each dialect", () => {
  const [t] = build(ledger).tables;

  it("PostgreSQL writes INCLUDE before the timing, as its grammar has it", async () => {
    const sql = await sqlOf(postgresDialect, { kind: "createTable", table: t! });
    expect(sql[0]).toContain(`CONSTRAINT "ledger_pkey" PRIMARY KEY ("id") INCLUDE ("label") DEFERRABLE INITIALLY DEFERRED`);
    expect(sql[0]).toContain(`CONSTRAINT "ledger_code_key" UNIQUE ("code") INCLUDE ("id", "label")`);
    expect(await sqlOf(postgresDialect, { kind: "createUniqueConstraint", table: "ledger", constraint: { name: "u", columns: ["code"], include: ["label"] } })).toEqual([
      `ALTER TABLE "ledger" ADD CONSTRAINT "u" UNIQUE ("code") INCLUDE ("label")`,
    ]);
  });

  it("MySQL and SQLite refuse INCLUDE on a key with one message", async () => {
    const op: Operation = { kind: "createUniqueConstraint", table: "ledger", constraint: { name: "u", columns: ["code"], include: ["label"] } };
    await expect(sqlOf(mysqlDialect, op)).rejects.toThrow(/MySQL has no INCLUDE columns in keys/);
    const plain = { ...t!, primaryKey: { name: "ledger_pkey", columns: ["id"], include: ["label"] } };
    await expect(sqlOf(sqliteDialect, { kind: "createTable", table: plain })).rejects.toThrow(/SQLite has no INCLUDE columns in keys/);
  });

  it("compare sees a changed INCLUDE list on a key and on a unique constraint", () => {
    const options = { capabilities: PG_CAPS, normalize: normalizePostgresSchema, foldExpression: foldPostgresSpellings };
    const target = build(ledger);
    const same = compareSchemas(target, target, options).operations;
    expect(same).toEqual([]);
    const other = build(table("ledger", { id: integer().primaryKey({ deferrable: true, initiallyDeferred: true }), code: text().unique({ include: ["label"] }), label: text() }));
    const kinds = compareSchemas(target, other, options).operations.map((op) => op.kind);
    expect(kinds).toContain("replacePrimaryKey");
    expect(kinds).toEqual(expect.arrayContaining(["dropConstraint", "createUniqueConstraint"]));
  });
});

describe("the layout flag is SQLite's alone", () => {
  const schema = build(table("t", { id: integer().primaryKey(), code: text().unique(), parent: integer().references("t", "id") }));
  const layout = (s: ReturnType<typeof build>) => {
    const t = s.tables[0]!;
    return [t.primaryKey?.inline, t.uniques[0]?.inline, t.foreignKeys[0]?.inline];
  };

  it("PostgreSQL's and MySQL's normalisation drop it (their catalogs keep every key at table level); SQLite's keeps it", () => {
    expect(layout(schema)).toEqual([true, true, true]);
    expect(layout(normalizePostgresSchema(schema))).toEqual([undefined, undefined, undefined]);
    expect(layout(normalizeMysqlSchema(schema))).toEqual([undefined, undefined, undefined]);
    expect(layout(normalizeSqliteSchema(schema))).toEqual([true, true, true]);
  });

  it("a table autogenerate creates on PostgreSQL still declares its keys on their columns, as the model wrote them", () => {
    const options = { capabilities: PG_CAPS, normalize: normalizePostgresSchema, foldExpression: foldPostgresSpellings };
    const ops = compareSchemas(schema, { tables: [], enums: [] }, options).operations;
    const body = renderOperations(ops).body;
    expect(body).toMatch(/id: integer\(\)(\.notNull\(\))?\.primaryKey\(/);
    expect(body).toContain(`code: text().unique(`);
    expect(body).toContain(`.references("t", "id"`);
  });
});
