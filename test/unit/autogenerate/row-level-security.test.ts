/**
 * PostgreSQL row-level security and policies without a database: the model (rowLevelSecurity,
 * policy() and what it refuses), compare (the switches as alterTableOptions, a policy judged by
 * its clauses and expression keys, rebuilt around a column change), order, compile on each
 * dialect, reverse, and the rendered revision and pulled module, which evaluate back to the same.
 */
import { describe, expect, it } from "vitest";
import * as athanor from "../../../src/model/index.js";
import { defineSchema, fn, integer, policy, schemaFromModel, table, text } from "../../../src/model/index.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { describeOperation } from "../../../src/operations/describe.js";
import { reverseOperation } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { evaluate } from "./evaluate-rendered.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };
const compare = (target: DatabaseSchema, actual: DatabaseSchema) => compareSchemas(target, actual, dialectCompareOptions(postgresDialect));
const FUNCTION = `CREATE OR REPLACE FUNCTION public.is_member(team integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT team > 0 $function$`;

const isMember = fn("is_member", FUNCTION);
const orders = table("orders", { id: integer().primaryKey(), owner: text().notNull(), team: integer().notNull() }, { rowLevelSecurity: "forced" });
const ownersOnly = policy("owners_only", orders, { using: "owner = current_user", withCheck: "owner = current_user" });
const teamReads = policy("team_reads", orders, { as: "restrictive", for: "select", to: ["writer", "reader"], using: "is_member(team)", dependsOn: [isMember] });
const model = (): DatabaseSchema => schemaFromModel(defineSchema({ tables: [orders], objects: [isMember, ownersOnly, teamReads] }));

/** The model as PostgreSQL prints it back: expressions re-spelt, roles sorted. */
function asReflected(): DatabaseSchema {
  const db = structuredClone(model());
  for (const o of db.objects ?? []) {
    if (o.name === "owners_only") o.policy = { ...o.policy!, using: "(owner = CURRENT_USER)", withCheck: "(owner = CURRENT_USER)" };
    if (o.name === "team_reads") o.dependsOn = ["function:.is_member", "table:.orders"];
  }
  return db;
}
const policyOf = (db: DatabaseSchema, name: string): DatabaseObject => db.objects!.find((o) => o.name === name)!;
/** team_reads for the reader alone. */
const readerOnly = (): DatabaseObject => policy("team_reads", orders, { as: "restrictive", for: "select", to: ["reader"], using: "is_member(team)", dependsOn: [isMember] }).object;
/** The model with orders' RLS enabled (not forced) and team_reads for the reader alone. */
function changedModel(): DatabaseSchema {
  const target = model();
  target.tables[0]!.rowLevelSecurity = "enabled";
  target.objects = target.objects!.map((o) => (o.name === "team_reads" ? readerOnly() : o));
  return target;
}

describe("the model", () => {
  it("keeps rowLevelSecurity on the table (disabled is none) and each policy's clauses with PostgreSQL's defaults filled in", () => {
    expect(model().tables[0]!.rowLevelSecurity).toBe("forced");
    expect(schemaFromModel(defineSchema({ tables: [table("t", { id: integer() }, { rowLevelSecurity: "disabled" })] })).tables[0]!.rowLevelSecurity).toBeUndefined();
    expect(ownersOnly.object).toMatchObject({ kind: "policy", table: "orders", dependsOn: ["table:.orders"], policy: { as: "permissive", for: "all", to: ["public"], using: "owner = current_user" } });
    expect(teamReads.object.policy!.to).toEqual(["reader", "writer"]);
    expect(teamReads.object.dependsOn).toEqual(["table:.orders", "function:.is_member"]);
    expect(teamReads.object.definition).toBe("CREATE POLICY team_reads ON orders AS RESTRICTIVE FOR SELECT TO reader, writer USING (is_member(team))");
    expect(policy("p", table("t", { id: integer() }, { schema: "app" })).object).toMatchObject({ schema: "app", dependsOn: ["table:app.t"] });
  });

  it("refuses what CREATE POLICY would, each with the fix", () => {
    expect(() => schemaFromModel(defineSchema({ tables: [table("t", { id: integer() }, { rowLevelSecurity: "on" as never })] }))).toThrow(/rowLevelSecurity is "on"/);
    expect(() => policy("p", "t", { for: "insert", using: "true" })).toThrow(/FOR INSERT with a USING expression.*/);
    expect(() => policy("p", "t", { for: "delete", withCheck: "true" })).toThrow(/FOR DELETE with a WITH CHECK expression/);
    expect(() => policy("p", "t", { to: ["public", "app"] })).toThrow(/PUBLIC beside other roles/);
    expect(() => policy("p", "t", { to: ["current_user"] })).toThrow(/names current_user, which PostgreSQL replaces/);
    expect(() => policy("p", "t", { as: "strict" as never })).toThrow(/as is "strict"/);
    expect(() => policy("p", "t", { using: " " })).toThrow(/using is empty/);
    const early = table("early", { id: integer() }, () => {
      throw new ReferenceError("Cannot access 'later' before initialization");
    });
    expect(() => policy("p", early)).toThrow(/policy p on early: the table's extras cannot be read yet \(Cannot access 'later' before initialization\)/);
  });
});

describe("compare and order", () => {
  it("a model spelt its own way equals what PostgreSQL prints", () => {
    expect(compare(model(), asReflected()).operations).toEqual([]);
  });

  it("creates tables, then RLS with them, policies after the function they call; drops policies first", () => {
    const up = compare(model(), { tables: [], enums: [] }).operations;
    const names = up.map((op) => (op.kind === "createTable" ? `table ${op.table.name}` : op.kind === "createObject" ? `${op.object.kind} ${op.object.name}` : op.kind));
    expect(names).toEqual(["function is_member", "table orders", "policy owners_only", "policy team_reads"]);
    const down = compare({ tables: [], enums: [] }, asReflected()).operations;
    expect(down.map((op) => (op.kind === "dropTable" ? `table ${op.table}` : op.kind === "dropObject" ? `${op.object.kind} ${op.object.name}` : op.kind))).toEqual([
      "policy owners_only",
      "policy team_reads",
      "table orders",
      "function is_member",
    ]);
  });

  it("another RLS setting is an alterTableOptions carrying the prior one; a changed policy one replaceObject", () => {
    const target = changedModel();
    const ops = compare(target, asReflected()).operations;
    expect(ops).toEqual([
      { kind: "alterTableOptions", table: "orders", rowLevelSecurity: "enabled", existingRowLevelSecurity: "forced" },
      { kind: "replaceObject", object: policyOf(target, "team_reads"), existing: policyOf(asReflected(), "team_reads") },
    ]);
    delete target.tables[0]!.rowLevelSecurity;
    expect(compare(target, asReflected()).operations[0]).toMatchObject({ rowLevelSecurity: "disabled", existingRowLevelSecurity: "forced" });
    expect(describeOperation(ops[0]!)).toBe("alter table orders (row-level security enabled)");
  });

  it("a policy on a table whose column changes type is dropped before the change and created after it", () => {
    const target = model();
    target.tables[0]!.columns.find((c) => c.name === "team")!.type = { kind: "bigint" };
    const kinds = compare(target, asReflected()).operations.map((op) => (op.kind === "createObject" || op.kind === "dropObject" ? `${op.kind} ${op.object.name}` : op.kind));
    expect(kinds).toEqual(["dropObject owners_only", "dropObject team_reads", "alterColumn", "createObject owners_only", "createObject team_reads"]);
  });
});

describe("compile and reverse", () => {
  const create: Operation = { kind: "createTable", table: model().tables[0]! };

  it("PostgreSQL: RLS right after CREATE TABLE; alterTableOptions sets both switches; policies created, altered or dropped and created, dropped ON their table", async () => {
    const statements = (await postgresDialect.compile(create, offline)).map((s) => s.sql);
    expect(statements[1]).toBe('ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY');
    const alter: Operation = { kind: "alterTableOptions", schema: null, table: "orders", rowLevelSecurity: "enabled", existingRowLevelSecurity: "forced" };
    expect(await postgresDialect.compile(alter, offline)).toEqual([{ sql: 'ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY' }]);
    expect(reverseOperation(alter)).toEqual([{ kind: "alterTableOptions", schema: null, table: "orders", rowLevelSecurity: "forced", existingRowLevelSecurity: "enabled" }]);
    await expect(postgresDialect.compile({ kind: "alterTableOptions", table: "orders", engine: "InnoDB", existingEngine: "MyISAM" }, offline)).rejects.toThrow(/no table collation or engine/);

    const team = policyOf(model(), "team_reads");
    expect(await postgresDialect.compile({ kind: "createObject", object: team }, offline)).toEqual([
      { sql: 'CREATE POLICY "team_reads" ON "orders" AS RESTRICTIVE FOR SELECT TO "reader", "writer" USING (is_member(team))' },
    ]);
    expect(await postgresDialect.compile({ kind: "dropObject", object: team }, offline)).toEqual([{ sql: 'DROP POLICY "team_reads" ON "orders"' }]);
    const fewer = readerOnly();
    expect(await postgresDialect.compile({ kind: "replaceObject", object: fewer, existing: team }, offline)).toEqual([{ sql: 'ALTER POLICY "team_reads" ON "orders" TO "reader" USING (is_member(team))' }]);
    // ALTER POLICY cannot change AS, nor take a USING away.
    const permissive = policy("team_reads", orders, { for: "select", to: ["writer", "reader"], using: "is_member(team)" }).object;
    const withoutUsing = policy("owners_only", orders, { withCheck: "owner = current_user" }).object;
    for (const [object, existing] of [[permissive, team], [withoutUsing, policyOf(model(), "owners_only")]] as const) {
      const sql = (await postgresDialect.compile({ kind: "replaceObject", object, existing }, offline)).map((s) => s.sql);
      expect(sql[0]).toMatch(/^DROP POLICY /);
      expect(sql[1]).toMatch(/^CREATE POLICY /);
    }
    expect(reverseOperation({ kind: "replaceObject", object: fewer, existing: team })).toEqual([{ kind: "replaceObject", object: team, existing: fewer }]);
  });

  it("MySQL and SQLite refuse row-level security and policies, each with one message", async () => {
    for (const [dialect, name] of [
      [mysqlDialect, "MySQL"],
      [sqliteDialect, "SQLite"],
    ] as const) {
      await expect(dialect.compile(create, offline)).rejects.toThrow(new RegExp(`^Table "orders" is declared with rowLevelSecurity: "forced", which ${name} does not have \\(row-level security and policies are PostgreSQL's\\)\\.$`));
      await expect(dialect.compile({ kind: "alterTableOptions", table: "orders", rowLevelSecurity: "enabled", existingRowLevelSecurity: "disabled" }, offline)).rejects.toThrow(/rowLevelSecurity: "enabled", which/);
      await expect(dialect.compile({ kind: "createObject", object: ownersOnly.object }, offline)).rejects.toThrow(name === "MySQL" ? /^MySQL has no policy owners_only on orders: / : /^SQLite has no policies \(policy owners_only on orders\)\.$/);
    }
  });
});

describe("render", () => {
  it("a revision writes rowLevelSecurity and policy(...) with only what is not a default, and evaluates back to the same statements", async () => {
    const target = changedModel();
    for (const ops of [compare(model(), { tables: [], enums: [] }).operations, compare(target, asReflected()).operations]) {
      const rendered = renderOperations(ops);
      const sqlOf = async (list: readonly Operation[]) => Promise.all(list.map((op) => postgresDialect.compile(op, offline)));
      expect(await sqlOf(await evaluate(rendered))).toEqual(await sqlOf(ops));
    }
    const body = renderOperations(compare(model(), { tables: [], enums: [] }).operations).body;
    expect(body).toContain('{ rowLevelSecurity: "forced" }');
    expect(body).toMatch(/policy\("owners_only", "orders", \{\s*using: "owner = current_user",\s*withCheck: "owner = current_user",?\s*\}\)/);
    expect(body).toMatch(/as: "restrictive",\s*for: "select",\s*to: \["reader", "writer"\],\s*using: "is_member\(team\)",\s*dependsOn: \["function:.is_member"\]/);
    expect(renderOperations(compare(target, asReflected()).operations).body).toMatch(/op\.alterTableOptions\("orders", \{\s*rowLevelSecurity: "enabled",\s*existingRowLevelSecurity: "forced",?\s*\}\)/);
  });

  it("pull writes the table's rowLevelSecurity and each policy, and lists nothing as not in the file", () => {
    const source = renderSchemaModule(asReflected(), { dialect: "postgres" });
    expect(source).toContain('rowLevelSecurity: "forced"');
    expect(source).toMatch(/export const teamReads = policy\(/);
    expect(source).not.toContain('"table:.orders"');
    // A multi-line expression is an sql template, which loads back as the same text.
    const db = asReflected();
    const subquery = "(EXISTS ( SELECT 1\n   FROM teams t\n  WHERE (t.id = orders.team)))";
    policyOf(db, "owners_only").policy!.using = subquery;
    expect(renderSchemaModule(db, { dialect: "postgres" })).toContain("using: sql`(EXISTS ( SELECT 1\n   FROM teams t\n  WHERE (t.id = orders.team)))`");
    expect(policy("p", "orders", { using: athanor.sql`(EXISTS ( SELECT 1
   FROM teams t
  WHERE (t.id = orders.team)))` }).object.policy!.using).toBe(subquery);
    expect(source).not.toContain("not in this file");
  });
});
