/**
 * Golden SQL for dropping a MySQL foreign key together with the index InnoDB made for it: with
 * table state from reflection (the hidden indexes recorded), with state tracked through earlier
 * operations (worked out from the definition), and offline with no state.
 */
import { describe, expect, it } from "vitest";
import type { CompileContext } from "../../../../src/dialects/dialect.js";
import type { ForeignKeySchema, IndexSchema, TableSchema } from "../../../../src/catalog/types.js";
import { emptyTable } from "../../../../src/catalog/types.js";
import { mysqlDialect } from "../../../../src/dialects/mysql/index.js";
import { rememberForeignKeyIndexes } from "../../../../src/dialects/mysql/foreign-key-index.js";

const fk = (name: string, columns: string[]): ForeignKeySchema => ({ name, columns, referencedTable: "p", referencedColumns: columns.map((_, i) => `k${i}`) });
const index = (name: string, elements: IndexSchema["elements"]): IndexSchema => ({ name, elements, unique: false, where: null, using: null });

/** A child table `c` with an `id` primary key and the given keys and indexes. */
function child(extra: Partial<TableSchema>): TableSchema {
  return { ...emptyTable("c"), primaryKey: { name: null, columns: ["id"] }, ...extra };
}

/** `table` as reflection returns it: the foreign-key indexes it hid are recorded. */
function reflected(table: TableSchema, hidden: Record<string, string[]>): TableSchema {
  rememberForeignKeyIndexes(table, new Map(Object.entries(hidden)));
  return table;
}

async function dropSql(state: TableSchema | undefined, name: string, offline = false): Promise<string[]> {
  const ctx: CompileContext = { offline, tableState: () => state };
  const statements = await mysqlDialect.compile({ kind: "dropConstraint", table: "c", name, type: "foreignKey" }, ctx);
  return statements.map((s) => s.sql);
}

describe("mysql dropConstraint(foreignKey) with reflected table state", () => {
  it("drops the index InnoDB created for the key in the same statement", async () => {
    const state = reflected(child({ foreignKeys: [fk("fk_a", ["a"])] }), { fk_a: ["a"] });
    expect(await dropSql(state, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`, DROP INDEX `fk_a`"]);
  });

  it("leaves the user's index that serves the key", async () => {
    const state = reflected(child({ foreignKeys: [fk("fk_a", ["a"])], indexes: [index("ix_a", [{ column: "a" }])] }), {});
    expect(await dropSql(state, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
  });

  it("leaves a user's index that only shares the key's name", async () => {
    const state = reflected(child({ foreignKeys: [fk("fk_a", ["a"])], indexes: [index("fk_a", [{ column: "a" }, { column: "b" }])] }), {});
    expect(await dropSql(state, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
  });

  it("replaces the index with the one another key still needs", async () => {
    // fk_a on (a) uses fk_ab's index on (a, b): dropping that index alone is refused by the server.
    const state = reflected(child({ foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"])] }), { fk_ab: ["a", "b"] });
    expect(await dropSql(state, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`, DROP INDEX `fk_ab`, ADD INDEX `fk_a` (`a`)"]);
    expect(await dropSql(state, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
  });

  it("adds the widest index the leaning keys need, and only one", async () => {
    const state = reflected(child({ foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"]), fk("fk_abc", ["a", "b", "c"])] }), { fk_abc: ["a", "b", "c"] });
    expect(await dropSql(state, "fk_abc")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_abc`, DROP INDEX `fk_abc`, ADD INDEX `fk_ab` (`a`, `b`)"]);
  });

  it("drops the index when the other key is served elsewhere", async () => {
    const byIndex = reflected(child({ foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"])], indexes: [index("ix_ac", [{ column: "a" }, { column: "c" }])] }), { fk_ab: ["a", "b"] });
    expect(await dropSql(byIndex, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`, DROP INDEX `fk_ab`"]);
    const byOwn = reflected(child({ foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"])] }), { fk_a: ["a"], fk_ab: ["a", "b"] });
    expect(await dropSql(byOwn, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`, DROP INDEX `fk_ab`"]);
    const byPrimaryKey = reflected(child({ primaryKey: { name: null, columns: ["a", "id"] }, foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"])] }), { fk_ab: ["a", "b"] });
    expect(await dropSql(byPrimaryKey, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`, DROP INDEX `fk_ab`"]);
  });

  it("keeps the index when the name the other key needs is taken", async () => {
    const state = reflected(child({ foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"])], indexes: [index("fk_a", [{ column: "z" }])] }), { fk_ab: ["a", "b"] });
    expect(await dropSql(state, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`"]);
  });
});

describe("mysql dropConstraint(foreignKey) with tracked table state", () => {
  it("drops the key's index when nothing else can serve the key", async () => {
    expect(await dropSql(child({ foreignKeys: [fk("fk_a", ["a"])] }), "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`, DROP INDEX `fk_a`"]);
  });

  it("keeps indexes the definition shows", async () => {
    const covered = child({ foreignKeys: [fk("fk_a", ["a"])], indexes: [index("ix_ab", [{ column: "a" }, { column: "b" }])] });
    expect(await dropSql(covered, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
    const declared = child({ foreignKeys: [fk("fk_a", ["a"])], indexes: [index("fk_a", [{ column: "a" }])] });
    expect(await dropSql(declared, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
    const unique = child({ foreignKeys: [fk("fk_a", ["a"])], uniques: [{ name: "uq_a", columns: ["a"] }] });
    expect(await dropSql(unique, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
    const descending = child({ foreignKeys: [fk("fk_a", ["a"])], indexes: [index("ix_a", [{ column: "a", descending: true }])] });
    expect(await dropSql(descending, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
  });

  it("drops the key's index when only a prefix-length or reordered index exists", async () => {
    const prefix = child({ foreignKeys: [fk("fk_a", ["a"])], indexes: [index("ix_a", [{ column: "a", length: 10 }])] });
    expect(await dropSql(prefix, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`, DROP INDEX `fk_a`"]);
    const reordered = child({ foreignKeys: [fk("fk_ab", ["a", "b"])], indexes: [index("ix_ba", [{ column: "b" }, { column: "a" }])] });
    expect(await dropSql(reordered, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`, DROP INDEX `fk_ab`"]);
  });

  it("keeps the index when other keys on the same leading columns make it uncertain", async () => {
    const shared = child({ foreignKeys: [fk("fk_a", ["a"]), fk("fk_ab", ["a", "b"])] });
    expect(await dropSql(shared, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
    expect(await dropSql(shared, "fk_ab")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_ab`"]);
  });

  it("drops only the key when the table does not have it", async () => {
    expect(await dropSql(child({}), "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
  });
});

describe("mysql dropConstraint(foreignKey) without table state", () => {
  it("offline: drops the key's index if it exists (MariaDB syntax)", async () => {
    expect(await dropSql(undefined, "fk_a", true)).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`, DROP INDEX IF EXISTS `fk_a`"]);
  });

  it("online, for a table that is not there: only the key, so the error names the table", async () => {
    expect(await dropSql(undefined, "fk_a")).toEqual(["ALTER TABLE `c` DROP FOREIGN KEY `fk_a`"]);
  });
});
