/**
 * A foreign key added NOT VALID (ForeignKeySchema.notValid) and its validation: PostgreSQL adds
 * it with ALTER TABLE … ADD … NOT VALID, also for a new table (inside CREATE TABLE it would be
 * validated), and validates it with VALIDATE CONSTRAINT; MySQL and SQLite, which have no such
 * state, refuse it by name, as they refuse exclusion constraints.
 */
import { describe, expect, it } from "vitest";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { ExclusionSchema, ForeignKeySchema, TableSchema } from "../../../src/catalog/types.js";
import { emptyTable } from "../../../src/catalog/types.js";
import { UnsupportedOperationError } from "../../../src/errors.js";
import { foreignKey, integer, table } from "../../../src/model/index.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import type { Operation } from "../../../src/operations/types.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };
const column = (name: string) => ({ name, type: { kind: "integer" as const }, nullable: true, default: null, generated: null, comment: null, collation: null });
const clientKey: ForeignKeySchema = { name: "invoice_client_fkey", columns: ["client_id"], referencedTable: "client", referencedColumns: ["id"], notValid: true };
const invoice: TableSchema = {
  ...emptyTable("invoice"),
  columns: [column("id"), column("client_id"), column("payer_id")],
  foreignKeys: [clientKey, { name: "invoice_payer_fkey", columns: ["payer_id"], referencedTable: "client", referencedColumns: ["id"] }],
};
const overlap: ExclusionSchema = { name: "invoice_no_overlap", using: "gist", elements: [{ column: "client_id", operator: "=" }] };

describe("PostgreSQL: a NOT VALID foreign key", () => {
  it("is added NOT VALID, and validated in place", async () => {
    expect(await postgresDialect.compile({ kind: "createForeignKey", table: "invoice", constraint: clientKey }, offline)).toEqual([
      { sql: 'ALTER TABLE "invoice" ADD CONSTRAINT "invoice_client_fkey" FOREIGN KEY ("client_id") REFERENCES "client" ("id") NOT VALID' },
    ]);
    expect(await postgresDialect.compile({ kind: "validateConstraint", table: "invoice", name: "invoice_client_fkey", type: "foreignKey" }, offline)).toEqual([
      { sql: 'ALTER TABLE "invoice" VALIDATE CONSTRAINT "invoice_client_fkey"' },
    ]);
  });

  it("is added after CREATE TABLE, where the validated keys stay inline", async () => {
    const statements = (await postgresDialect.compile({ kind: "createTable", table: invoice }, offline)).map((s) => s.sql);
    expect(statements[0]).toContain('CONSTRAINT "invoice_payer_fkey" FOREIGN KEY ("payer_id")');
    expect(statements[0]).not.toContain("invoice_client_fkey");
    expect(statements[1]).toBe('ALTER TABLE "invoice" ADD CONSTRAINT "invoice_client_fkey" FOREIGN KEY ("client_id") REFERENCES "client" ("id") NOT VALID');
  });

  it("is what foreignKey(…, { notValid: true }) and .references(…, { notValid: true }) declare", () => {
    const client = table("client", { id: integer().primaryKey() });
    const inv = table("invoice", { id: integer().primaryKey(), client_id: integer().references(() => client, "id", { notValid: true }), payer_id: integer() }, (t) => ({
      foreignKeys: [foreignKey([t.payer_id], () => client, ["id"], { notValid: true }), foreignKey([t.id], () => client, ["id"])],
    }));
    const model = schemaFromModel({ client, inv }).tables.find((t) => t.name === "invoice")!;
    expect(model.foreignKeys.map((fk) => [fk.columns[0], fk.notValid])).toEqual([
      ["client_id", true],
      ["payer_id", true],
      ["id", undefined],
    ]);
  });
});

describe.each([
  { dialect: "MySQL", compile: mysqlDialect.compile.bind(mysqlDialect) },
  { dialect: "SQLite", compile: sqliteDialect.compile.bind(sqliteDialect) },
])("$dialect refuses what only PostgreSQL holds", ({ dialect, compile }) => {
  // SQLite adds a key by rebuilding the table, so it is given the table as it stands.
  const known: CompileContext = { offline: true, tableState: () => ({ ...invoice, foreignKeys: [] }) };
  const refusal = async (op: Operation): Promise<string> => {
    const error = await compile(op, known).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    return (error as Error).message;
  };

  it("a NOT VALID foreign key, in a new table and added to one", async () => {
    for (const op of [{ kind: "createTable" as const, table: invoice }, { kind: "createForeignKey" as const, table: "invoice", constraint: clientKey }]) {
      expect(await refusal(op)).toMatch(new RegExp(`^${dialect} has no NOT VALID foreign key \\((invoice, )?invoice_client_fkey`));
    }
  });

  it("a validation", async () => {
    expect(await refusal({ kind: "validateConstraint", table: "invoice", name: "invoice_client_fkey", type: "foreignKey" })).toMatch(new RegExp(`^${dialect} has no VALIDATE CONSTRAINT \\(invoice_client_fkey on invoice\\)`));
  });

  it("an exclusion constraint, in a new table, added to one and inside a batch", async () => {
    const ops: Operation[] = [
      { kind: "createTable", table: { ...invoice, foreignKeys: [], exclusions: [overlap] } },
      { kind: "createExclusionConstraint", table: "invoice", constraint: overlap },
      { kind: "batchAlterTable", table: "invoice", operations: [{ kind: "createExclusionConstraint", table: "invoice", constraint: overlap }] },
    ];
    for (const op of ops) expect(await refusal(op)).toBe(`${dialect} has no exclusion constraints (invoice_no_overlap on invoice).`);
  });
});
