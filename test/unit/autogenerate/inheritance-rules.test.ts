/**
 * PostgreSQL table inheritance and rules without a database: the model build and its checks,
 * compare (order, a changed parent list unmanaged), compile on each dialect, and the rendered
 * revision and pulled module, which evaluate back to the same operations and model.
 */
import { describe, expect, it } from "vitest";
import { check, defineSchema, index, integer, rule, schemaFromModel, table, text, timestamp } from "../../../src/model/index.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import { renderedForm } from "../../../src/autogenerate/rendered-form.js";
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

const RULE = `CREATE RULE payment_insert_2007 AS
    ON INSERT TO payment
   WHERE new.paid >= '2007-01-01 00:00:00'::timestamp without time zone DO INSTEAD  INSERT INTO payment_2007 (id, paid)
  VALUES (new.id, new.paid)`;

const payment = table("payment", { id: integer().notNull(), paid: timestamp().notNull() });
const audited = table("audited", { changed_by: text() });
// Named so that it sorts before its parents: order must still create it after them.
const child = table("a_payment_2007", { note: text() }, {
  inherits: [payment, "audited"],
  indexes: [index(["paid"], { name: "ix_payment_2007_paid" })],
  checks: [check("paid >= '2007-01-01'", { name: "payment_2007_paid_check" })],
});
const bare = table("payment_2007", {}, { inherits: [payment] });
const routing = rule("payment_insert_2007", payment, RULE, { dependsOn: [payment, bare] });
const model = (): DatabaseSchema => schemaFromModel(defineSchema({ tables: [child, bare, payment, audited], objects: [routing] }));

describe("table inheritance in the model", () => {
  it("keeps the parents in order and only the child's own columns and checks; its index may name an inherited column", () => {
    const built = model().tables.find((t) => t.name === "a_payment_2007")!;
    expect(built.inherits).toEqual([
      { schema: null, table: "payment" },
      { schema: null, table: "audited" },
    ]);
    expect(built.columns.map((c) => c.name)).toEqual(["note"]);
    expect(built.checks.map((c) => c.name)).toEqual(["payment_2007_paid_check"]);
    expect(model().tables.find((t) => t.name === "payment_2007")!.columns).toEqual([]);
  });

  it("refuses a parent that is not in the model, a column neither the table nor its parents have, a cycle, and a partition that inherits", () => {
    expect(() => schemaFromModel(defineSchema({ tables: [bare] }))).toThrow(/inherits from table payment, which is not in the model/);
    const wrong = table("wrong", {}, { inherits: [payment], indexes: [index(["nope"], { name: "ix_nope" })] });
    expect(() => schemaFromModel(defineSchema({ tables: [payment, wrong] }))).toThrow(/Index ix_nope of table wrong names column nope, which table wrong does not have\./);
    const a = table("a", { x: integer() }, { inherits: ["b"] });
    const b = table("b", { y: integer() }, { inherits: ["a"] });
    expect(() => schemaFromModel(defineSchema({ tables: [a, b] }))).toThrow(/inherits from itself/);
    const both = table("both", {}, { inherits: [payment], partitionOf: { table: "payment", bound: "DEFAULT" } });
    expect(() => schemaFromModel(defineSchema({ tables: [payment, both] }))).toThrow(/both as a partition and with inherits/);
    const empty = table("empty", {});
    expect(() => schemaFromModel(defineSchema({ tables: [empty] }))).toThrow(/Table empty has no columns/);
  });
});

describe("compare and order", () => {
  it("creates parents before children and rules after every table they use; drops in the reverse order", () => {
    const up = compare(model(), { tables: [], enums: [] }).operations;
    const names = up.map((op) => (op.kind === "createTable" ? op.table.name : op.kind === "createObject" ? `${op.object.kind} ${op.object.name}` : op.kind));
    expect(names.indexOf("a_payment_2007")).toBeGreaterThan(names.indexOf("payment"));
    expect(names.indexOf("a_payment_2007")).toBeGreaterThan(names.indexOf("audited"));
    expect(names.at(-1)).toBe("rule payment_insert_2007");
    const down = compare({ tables: [], enums: [] }, model()).operations;
    const dropped = down.map((op) => (op.kind === "dropTable" ? op.table : op.kind === "dropObject" ? `${op.object.kind} ${op.object.name}` : op.kind));
    expect(dropped[0]).toBe("rule payment_insert_2007");
    expect(dropped.indexOf("a_payment_2007")).toBeLessThan(dropped.indexOf("payment"));
    expect(dropped.indexOf("payment_2007")).toBeLessThan(dropped.indexOf("payment"));
  });

  it("a changed rule is one replaceObject; a changed parent list is unmanaged, with no operation", () => {
    const actual = model();
    const target = structuredClone(actual);
    target.objects![0]!.definition = RULE.replace("2007-01-01", "2007-02-01");
    target.tables.find((t) => t.name === "payment_2007")!.inherits = [{ schema: null, table: "audited" }, { schema: null, table: "payment" }];
    const result = compare(target, actual);
    expect(result.operations.map((op) => op.kind)).toEqual(["replaceObject"]);
    expect(result.unmanaged).toEqual([
      expect.stringMatching(/^table payment_2007: the model says INHERITS \(audited, payment\), the database holds INHERITS \(payment\); autogenerate does not change a table's parents .*op\.execute/),
    ]);
  });
});

describe("compile", () => {
  const create = (name: string): Operation => ({ kind: "createTable", table: model().tables.find((t) => t.name === name)! });
  const ruleObject = () => model().objects![0]!;

  it("PostgreSQL: CREATE TABLE … INHERITS (parents in order), an empty column list for a child with none of its own", async () => {
    const [head, ...rest] = await postgresDialect.compile(create("a_payment_2007"), offline);
    expect(head).toEqual({ sql: `CREATE TABLE "a_payment_2007" (\n  "note" text,\n  CONSTRAINT "payment_2007_paid_check" CHECK (paid >= '2007-01-01')\n) INHERITS ("payment", "audited")` });
    expect(rest).toEqual([{ sql: 'CREATE INDEX "ix_payment_2007_paid" ON "a_payment_2007" ("paid")' }]);
    expect(await postgresDialect.compile(create("payment_2007"), offline)).toEqual([{ sql: 'CREATE TABLE "payment_2007" () INHERITS ("payment")' }]);
    const other = { ...model().tables.find((t) => t.name === "payment_2007")!, schema: "archive", inherits: [{ schema: null, table: "payment" }, { schema: "archive", table: "audited" }] };
    expect(await postgresDialect.compile({ kind: "createTable", table: other }, offline)).toEqual([{ sql: 'CREATE TABLE "archive"."payment_2007" () INHERITS ("payment", "archive"."audited")' }]);
  });

  it("PostgreSQL: a rule is created as printed, replaced with CREATE OR REPLACE RULE in one statement, dropped ON its table", async () => {
    const object = ruleObject();
    expect(await postgresDialect.compile({ kind: "createObject", object }, offline)).toEqual([{ sql: RULE }]);
    const changed = { ...object, definition: RULE.replace("2007-01-01", "2007-02-01") };
    expect(await postgresDialect.compile({ kind: "replaceObject", object: changed, existing: object }, offline)).toEqual([{ sql: changed.definition.replace("CREATE RULE", "CREATE OR REPLACE RULE") }]);
    expect(await postgresDialect.compile({ kind: "dropObject", object }, offline)).toEqual([{ sql: 'DROP RULE "payment_insert_2007" ON "payment"' }]);
    expect(reverseOperation({ kind: "replaceObject", object: changed, existing: object })).toEqual([{ kind: "replaceObject", object, existing: changed }]);
  });

  it("MySQL and SQLite refuse inherits and rules, each with one message", async () => {
    for (const [dialect, name] of [
      [mysqlDialect, "MySQL"],
      [sqliteDialect, "SQLite"],
    ] as const) {
      await expect(dialect.compile(create("payment_2007"), offline)).rejects.toThrow(new RegExp(`^Table "payment_2007" is declared with PostgreSQL table inheritance \\(inherits: payment\\), which ${name} does not have\\.$`));
      await expect(dialect.compile({ kind: "createObject", object: ruleObject() }, offline)).rejects.toThrow(new RegExp(`${name} has no rule`));
    }
  });
});

describe("render", () => {
  it("a revision writes inherits as names (or { table, schema } across schemas) and rule(...), and evaluates back to the same operations", async () => {
    const ops = compare(model(), { tables: [], enums: [] }).operations;
    const rendered = renderOperations(ops);
    expect(rendered.body).toContain('inherits: ["payment", "audited"]');
    expect(rendered.body).toMatch(/rule\(\s*"payment_insert_2007",\s*"payment",/);
    // What the evaluated revision compiles to is what the compared operations compile to.
    const sqlOf = async (list: readonly Operation[]) => Promise.all(list.map((op) => postgresDialect.compile(op, offline)));
    const evaluated = await evaluate(rendered);
    expect(evaluated.map((op) => op.kind)).toEqual(ops.map((op) => op.kind));
    expect(await sqlOf(evaluated)).toEqual(await sqlOf(ops));
    const archived = { ...model().tables.find((t) => t.name === "payment_2007")!, schema: "archive" };
    const cross: Operation = { kind: "createTable", table: archived };
    expect(renderOperations([cross]).body).toContain('inherits: [{ table: "payment", schema: null }]');
    expect(await evaluate(renderOperations([cross]))).toStrictEqual([renderedForm(cross)]);
  });

  it("pull declares parents before children, names them by their identifiers, and lists nothing as not in the file", () => {
    const source = renderSchemaModule(model(), { dialect: "postgres" });
    expect(source).toContain("inherits: [payment, audited]");
    expect(source).toMatch(/export const payment2007 = table\("payment_2007", \{\}, \{ inherits: \[payment\] \}\);/);
    expect(source.indexOf("export const payment =")).toBeLessThan(source.indexOf("export const aPayment2007 ="));
    expect(source.indexOf("export const audited =")).toBeLessThan(source.indexOf("export const aPayment2007 ="));
    expect(source).toMatch(/export const paymentInsert2007 = rule\(/);
    expect(source).not.toContain("not in this file");
  });
});
