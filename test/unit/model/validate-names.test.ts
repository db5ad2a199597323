import { describe, expect, it } from "vitest";
import { mysqlCapabilities } from "../../../src/dialects/mysql/index.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { MigrateError } from "../../../src/errors.js";
import { emptyTable, type DatabaseSchema, type TableSchema } from "../../../src/catalog/types.js";
import { validateSchemaWideNames } from "../../../src/catalog/validate-names.js";

function tableWith(name: string, extra: Partial<TableSchema>, schema: string | null = null): TableSchema {
  return { ...emptyTable(name, schema), columns: [{ name: "x", type: { kind: "integer" }, nullable: false }], ...extra };
}

/** Two tables that each have an index named `same` (employees on MySQL: dept_emp and dept_manager). */
const sameIndexName: DatabaseSchema = {
  enums: [],
  tables: [
    tableWith("dept_emp", { indexes: [{ name: "same", elements: [{ column: "x" }], unique: false }] }),
    tableWith("dept_manager", { indexes: [{ name: "same", elements: [{ column: "x" }], unique: false }] }),
  ],
};

const sameForeignKeyName: DatabaseSchema = {
  enums: [],
  tables: [
    tableWith("a", { foreignKeys: [{ name: "fk", columns: ["x"], referencedTable: "c", referencedColumns: ["x"] }] }),
    tableWith("b", { foreignKeys: [{ name: "fk", columns: ["x"], referencedTable: "c", referencedColumns: ["x"] }] }),
  ],
};

function thrown(fn: () => void): MigrateError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MigrateError) return error;
    throw error;
  }
  throw new Error("expected a MigrateError");
}

describe("validateSchemaWideNames with each dialect's capabilities", () => {
  it("MySQL accepts one index name on two tables (index names are per table)", () => {
    expect(() => validateSchemaWideNames(sameIndexName, mysqlCapabilities.schemaWideNames ?? [], "mysql")).not.toThrow();
  });

  it("PostgreSQL refuses it, naming both tables", () => {
    const error = thrown(() => validateSchemaWideNames(sameIndexName, postgresDialect.capabilities.schemaWideNames ?? [], "postgres"));
    expect(error.code).toBe("model");
    expect(error.message).toBe('The name "same" is used by the index of table dept_emp and by the index of table dept_manager; on postgres, names of indexes, primary keys, unique constraints and exclusion constraints must be unique within a schema.');
    expect(error.hint).toContain("Rename one of them");
  });

  it("SQLite refuses it too (CREATE INDEX names are per database)", () => {
    expect(() => validateSchemaWideNames(sameIndexName, sqliteDialect.capabilities.schemaWideNames ?? [], "sqlite")).toThrow(/used by the index of table dept_emp and by the index of table dept_manager/);
  });

  it("PostgreSQL counts a unique constraint and an index of another table as one namespace", () => {
    const schema: DatabaseSchema = {
      enums: [],
      tables: [tableWith("a", { uniques: [{ name: "k", columns: ["x"] }] }), tableWith("b", { indexes: [{ name: "k", elements: [{ column: "x" }], unique: true }] })],
    };
    expect(() => validateSchemaWideNames(schema, postgresDialect.capabilities.schemaWideNames ?? [], "postgres")).toThrow('The name "k" is used by the unique constraint of table a and by the index of table b');
  });

  it("foreign-key names are per database on MySQL but per table on PostgreSQL", () => {
    expect(() => validateSchemaWideNames(sameForeignKeyName, mysqlCapabilities.schemaWideNames ?? [], "mysql")).toThrow('The name "fk" is used by the foreign key of table a and by the foreign key of table b');
    expect(() => validateSchemaWideNames(sameForeignKeyName, postgresDialect.capabilities.schemaWideNames ?? [], "postgres")).not.toThrow();
  });

  it("tables in different PostgreSQL schemas may reuse a name", () => {
    const schema: DatabaseSchema = {
      enums: [],
      tables: [tableWith("a", { indexes: [{ name: "ix", elements: [{ column: "x" }], unique: false }] }, "s1"), tableWith("a", { indexes: [{ name: "ix", elements: [{ column: "x" }], unique: false }] }, "s2")],
    };
    expect(() => validateSchemaWideNames(schema, postgresDialect.capabilities.schemaWideNames ?? [], "postgres")).not.toThrow();
  });
});
