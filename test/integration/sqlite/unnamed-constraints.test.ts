/**
 * SQLite's usual constraints have no name. Adding one (and undoing it) goes through the rebuild,
 * which finds an unnamed constraint by its definition: reverse() gives the drop, rows survive
 * both ways, and named constraints keep their names.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import { column, foreignKey, table } from "./fixtures.js";
import { openHarness, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const parent = table("parent", { columns: [column("id", { kind: "integer" }, false)], primaryKey: { name: null, columns: ["id"] } });
const child = table("child", {
  columns: [column("id", { kind: "integer" }, false), column("parent_id", { kind: "integer" }, true), column("qty", { kind: "integer" }, true)],
  primaryKey: { name: null, columns: ["id"] },
  checks: [{ name: "ck_named", expression: "qty < 1000" }],
});

it("adds and removes unnamed foreign keys, checks and primary keys through the rebuild, keeping rows and names", async () => {
  await h.run({ kind: "createTable", table: parent }, { kind: "createTable", table: child });
  await h.rows("INSERT INTO parent (id) VALUES (1), (2)");
  await h.rows("INSERT INTO child (id, parent_id, qty) VALUES (10, 1, 5), (11, 2, 7)");
  const before = await h.table("child");

  const up: Operation[] = [
    { kind: "createForeignKey", table: "child", constraint: foreignKey({ name: null, columns: ["parent_id"], referencedTable: "parent", referencedColumns: ["id"] }) },
    { kind: "createCheckConstraint", table: "child", constraint: { name: null, expression: "qty > 0" } },
  ];
  const down = reverseAll(up);
  expect(down.map((op) => op.kind)).toEqual(["dropConstraint", "dropConstraint"]);
  await h.run(...up);
  const after = await h.table("child");
  expect(after?.foreignKeys).toMatchObject([{ name: null, columns: ["parent_id"], referencedTable: "parent" }]);
  expect(after?.checks).toEqual([{ name: "ck_named", expression: "qty < 1000" }, { name: null, expression: "qty > 0" }]);
  expect(await h.rows("SELECT id, parent_id, qty FROM child ORDER BY id")).toEqual([{ id: 10, parent_id: 1, qty: 5 }, { id: 11, parent_id: 2, qty: 7 }]);
  await expect(h.rows("INSERT INTO child (id, parent_id, qty) VALUES (12, 1, -1)")).rejects.toThrow(/CHECK/);

  await h.run(...down);
  expect(await h.table("child")).toEqual(before);
  expect((await h.rows("SELECT count(*) AS n FROM child"))[0]!.n).toBe(2);

  // An unnamed primary key changed to another column: drop (by definition) and create, rows kept.
  const pk: Operation[] = [
    { kind: "dropConstraint", table: "child", name: "child_pkey", type: "primaryKey", existing: { type: "primaryKey", constraint: { name: null, columns: ["id"] } } },
    { kind: "createPrimaryKey", table: "child", constraint: { name: null, columns: ["id", "qty"] } },
  ];
  await h.run(...pk);
  expect((await h.table("child"))?.primaryKey).toEqual({ name: null, columns: ["id", "qty"] });
  await h.run(...reverseAll(pk));
  expect(await h.table("child")).toEqual(before);
  expect((await h.rows("SELECT count(*) AS n FROM child"))[0]!.n).toBe(2);
});
