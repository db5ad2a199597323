/**
 * The index InnoDB creates for a foreign key no index covers must go when the key goes, and only
 * that index: an index the user made stays. Checked by reflection and by reading the catalog
 * directly (reflection hides a key's own index, so it alone cannot show one left behind under a
 * key that still exists).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { Operation } from "../../../src/operations/types.js";
import type { ForeignKeySchema, IndexSchema } from "../../../src/catalog/types.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { OnlineSink } from "../../../src/runtime/online-sink.js";
import { col, openKit, table, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");

const int = { kind: "integer" } as const;

const parent = table("parent", {
  columns: [col("id", int, { nullable: false }), col("x", int, { nullable: false })],
  primaryKey: { name: null, columns: ["id"] },
  uniques: [{ name: "uq_parent_id_x", columns: ["id", "x"] }],
});

/** The child table, with extra indexes. */
function child(indexes: IndexSchema[] = []) {
  return table("child", {
    columns: [col("id", int, { nullable: false }), col("a", int), col("b", int)],
    primaryKey: { name: null, columns: ["id"] },
    indexes,
  });
}

/** A foreign key in the canonical form reflection returns. */
const key = (name: string, columns: string[], referencedColumns: string[]): ForeignKeySchema => ({ name, columns, referencedSchema: null, referencedTable: "parent", referencedColumns, onDelete: null, onUpdate: null });
const fkA = key("fk_child_a", ["a"], ["id"]);
const fkB = key("fk_child_b", ["b"], ["id"]);
const fkAB = key("fk_child_ab", ["a", "b"], ["id", "x"]);
const ixA: IndexSchema = { name: "ix_child_a", elements: [{ column: "a" }], unique: false, where: null, using: null };
const create = (constraint: ForeignKeySchema): Operation => ({ kind: "createForeignKey", table: "child", constraint });
const drop = (constraint: ForeignKeySchema): Operation => ({ kind: "dropConstraint", table: "child", name: constraint.name!, type: "foreignKey", existing: { type: "foreignKey", constraint } });

describe.skipIf(!available)("mysql: dropping a foreign key takes the index InnoDB made for it", () => {
  let kit: MysqlKit;

  beforeEach(async () => {
    kit = await openKit();
    await kit.run({ kind: "createTable", table: parent });
  });
  afterEach(async () => {
    await kit.close();
  });

  /** Every index of `child` in the catalog, as "name(col,col)", sorted. */
  async function catalogIndexes(): Promise<string[]> {
    const rows = await kit.conn.query<{ name: string; cols: string }>(
      "SELECT INDEX_NAME AS name, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS cols FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? GROUP BY INDEX_NAME",
      ["child"],
    );
    return rows.map((r) => `${r.name}(${r.cols})`).sort();
  }

  it("online: no index is left behind", async () => {
    await kit.run({ kind: "createTable", table: child() });
    await kit.run(create(fkA), { online: true });
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)", "fk_child_a(a)"]);
    expect((await kit.table("child"))?.indexes).toEqual([]);

    await kit.run(drop(fkA), { online: true });
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)"]);
    expect(await kit.table("child")).toEqual(child());
  });

  it("offline, with no table state: no index is left behind either", async () => {
    await kit.run({ kind: "createTable", table: child() });
    await kit.run([create(fkA), drop(fkA)]);
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)"]);
  });

  it("keeps the user's own index on the column, online and offline", async () => {
    await kit.run({ kind: "createTable", table: child([ixA]) });
    await kit.run(create(fkA), { online: true });
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)", "ix_child_a(a)"]);
    await kit.run(drop(fkA), { online: true });
    expect(await kit.table("child")).toEqual(child([ixA]));

    await kit.run([create(fkA), drop(fkA)]);
    expect(await kit.table("child")).toEqual(child([ixA]));
  });

  it("keeps a user's index that carries the key's name", async () => {
    const named: IndexSchema = { name: "fk_child_a", elements: [{ column: "a" }, { column: "b" }], unique: false, where: null, using: null };
    await kit.run({ kind: "createTable", table: child([named]) });
    await kit.run(create(fkA), { online: true });
    await kit.run(drop(fkA), { online: true });
    expect(await kit.table("child")).toEqual(child([named]));
  });

  it("keeps another key served: the index it leaned on is replaced by its own", async () => {
    await kit.run({ kind: "createTable", table: child() });
    // fk_child_a uses fk_child_ab's index, which the server will not drop while it is needed.
    await kit.run([create(fkAB), create(fkA)], { online: true });
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)", "fk_child_ab(a,b)"]);

    await kit.run(drop(fkAB), { online: true });
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)", "fk_child_a(a)"]);
    expect(await kit.table("child")).toEqual({ ...child(), foreignKeys: [fkA] });
    // The remaining key still holds: a row without a parent is refused.
    await expect(kit.conn.query("INSERT INTO `child` (`id`, `a`, `b`) VALUES (1, 99, 0)")).rejects.toThrow(/foreign key constraint fails/i);

    await kit.run(drop(fkA), { online: true });
    expect(await kit.table("child")).toEqual(child());
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)"]);
  });

  it("compile-first: several keys dropped in one revision leave no index", async () => {
    await kit.run({ kind: "createTable", table: child() });
    await kit.run([create(fkA), create(fkB)], { online: true });
    // As a MySQL revision runs: every operation compiled (later ones against tracked table state) before any runs.
    const sink = new OnlineSink(kit.conn, mysqlDialect);
    await sink.run(drop(fkA));
    await sink.run(drop(fkB));
    await sink.drain();
    expect(await catalogIndexes()).toEqual(["PRIMARY(id)"]);
    expect(await kit.table("child")).toEqual(child());
  });
});
