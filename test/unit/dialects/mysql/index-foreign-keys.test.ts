/**
 * Golden SQL for dropping an index a MySQL foreign key needs: the key is dropped first and added
 * back with the index's drop; an index the key does not need (another serves it, or it has its
 * own) is dropped alone, and so is any index when the table is unknown (offline).
 */
import { describe, expect, it } from "vitest";
import type { CompileContext } from "../../../../src/dialects/dialect.js";
import type { ForeignKeySchema, IndexSchema, TableSchema } from "../../../../src/catalog/types.js";
import { emptyTable } from "../../../../src/catalog/types.js";
import { mysqlDialect } from "../../../../src/dialects/mysql/index.js";
import { rememberForeignKeyIndexes } from "../../../../src/dialects/mysql/foreign-key-index.js";
import type { Operation } from "../../../../src/operations/types.js";

const fk: ForeignKeySchema = { name: "fk_c_a", columns: ["a"], referencedTable: "p", referencedColumns: ["id"], onDelete: "CASCADE" };
const index = (name: string, columns: string[]): IndexSchema => ({ name, elements: columns.map((column) => ({ column })), unique: false, where: null, using: null });
const child = (extra: Partial<TableSchema>): TableSchema => ({ ...emptyTable("c"), primaryKey: { name: null, columns: ["id"] }, foreignKeys: [fk], ...extra });

async function sql(state: TableSchema | undefined, op: Operation): Promise<string[]> {
  const ctx: CompileContext = { offline: state === undefined, tableState: () => state };
  return (await mysqlDialect.compile(op, ctx)).map((s) => s.sql);
}
const dropIx = { kind: "dropIndex", table: "c", name: "ix_a" } as const;

describe("mysql: dropping an index a foreign key needs", () => {
  it("drops the key first and adds it back with the index's drop", async () => {
    expect(await sql(child({ indexes: [index("ix_a", ["a", "b"])] }), dropIx)).toEqual([
      "ALTER TABLE `c` DROP FOREIGN KEY `fk_c_a`",
      "ALTER TABLE `c` DROP INDEX `ix_a`, ADD CONSTRAINT `fk_c_a` FOREIGN KEY (`a`) REFERENCES `p` (`id`) ON DELETE CASCADE",
    ]);
  });

  it("does the same for a unique key the foreign key leans on", async () => {
    const state = child({ uniques: [{ name: "uq_a", columns: ["a"] }] });
    expect(await sql(state, { kind: "dropConstraint", table: "c", name: "uq_a", type: "unique" })).toEqual([
      "ALTER TABLE `c` DROP FOREIGN KEY `fk_c_a`",
      "ALTER TABLE `c` DROP INDEX `uq_a`, ADD CONSTRAINT `fk_c_a` FOREIGN KEY (`a`) REFERENCES `p` (`id`) ON DELETE CASCADE",
    ]);
  });

  it("drops the index alone when another index serves the key, or the key has its own", async () => {
    expect(await sql(child({ indexes: [index("ix_a", ["a"]), index("ix_ab", ["a", "b"])] }), dropIx)).toEqual(["DROP INDEX `ix_a` ON `c`"]);
    const reflected = child({ indexes: [index("ix_a", ["a"])] });
    rememberForeignKeyIndexes(reflected, new Map([["fk_c_a", ["a"]]]));
    expect(await sql(reflected, dropIx)).toEqual(["DROP INDEX `ix_a` ON `c`"]);
    expect(await sql(child({ indexes: [index("ix_a", ["b", "a"])] }), dropIx)).toEqual(["DROP INDEX `ix_a` ON `c`"]);
  });

  it("offline, without the table's state, drops the index alone", async () => {
    expect(await sql(undefined, dropIx)).toEqual(["DROP INDEX `ix_a` ON `c`"]);
  });
});
