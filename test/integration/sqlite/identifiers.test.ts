/**
 * Awkward identifiers — reserved words, spaces, quotes, mixed case, non-ASCII — for tables,
 * columns, indexes and constraints, through create, native alters, rebuilds and reflection.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TableSchema } from "../../../src/catalog/types.js";
import { column, foreignKey, index, table } from "./fixtures.js";
import { openHarness, type Harness } from "./harness.js";

const NAMES = ["user", "order", "group", 'say "hi"', "it's", "Mixed Case", "ünï_表", "select"];

function awkwardTable(name: string, parent: string): TableSchema {
  return table(name, {
    columns: [
      column("order", { kind: "integer" }, false),
      column('the "value"', { kind: "text" }, true, { default: { kind: "literal", value: "it's" } }),
      column("Größe", { kind: "numeric", precision: 6, scale: 1 }, true),
      column("group", { kind: "enum", name: `${name} enum`, values: ["a'b", 'c"d'] }, true),
      column("user id", { kind: "integer" }, true),
    ],
    primaryKey: { name: `pk ${name}`, columns: ["order"] },
    foreignKeys: [foreignKey({ name: `fk "${name}"`, columns: ["user id"], referencedTable: parent, referencedColumns: ["order"], onDelete: "CASCADE" })],
    uniques: [{ name: `uq ${name}`, columns: ['the "value"', "Größe"] }],
    checks: [{ name: `ck '${name}'`, expression: `"Größe" > 0 OR "Größe" IS NULL` }],
    indexes: [index(`ix ${name}`, [{ column: "Größe", descending: true }, { expression: 'lower("the ""value""")' }], { where: '"group" IS NOT NULL' })],
  });
}

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

describe("awkward identifiers", () => {
  it.each(NAMES)("table %j: create, reflect, alter in place, rebuild, rename", async (name) => {
    const parent = `${name} parent`;
    const parentTable = table(parent, { columns: [column("order", { kind: "integer" }, false)], primaryKey: { name: null, columns: ["order"] } });
    const t = awkwardTable(name, parent);
    await h.run({ kind: "createTable", table: parentTable }, { kind: "createTable", table: t });
    expect(await h.table(name)).toEqual(t);

    await h.run(
      { kind: "bulkInsert", table: parent, rows: [{ order: 1 }] },
      { kind: "bulkInsert", table: name, rows: [{ order: 1, 'the "value"': "x'y", Größe: 2.5, group: "a'b", "user id": 1 }] },
    );
    // In place: add and rename columns, create an index.
    await h.run(
      { kind: "addColumn", table: name, column: column("from", { kind: "text" }, true) },
      { kind: "alterColumn", table: name, column: "from", newName: "to 'x'" },
      { kind: "createIndex", table: name, index: index(`ix2 "${name}"`, [{ column: "to 'x'" }], { unique: true }) },
    );
    // Rebuilds: of the child, and of the parent it references with ON DELETE CASCADE.
    await h.run({ kind: "alterColumn", table: name, column: "Größe", newName: "size ü", type: { kind: "real" } });
    await h.run({ kind: "alterColumn", table: parent, column: "order", type: { kind: "bigint" } });
    await h.run({ kind: "renameTable", from: name, to: `${name} 2` });

    const after = await h.table(`${name} 2`);
    expect(after?.columns.map((c) => c.name)).toEqual(["order", 'the "value"', "size ü", "group", "user id", "to 'x'"]);
    expect(after?.checks).toEqual([{ name: `ck '${name}'`, expression: `"size ü" > 0 OR "size ü" IS NULL` }]);
    expect(after?.uniques).toEqual([{ name: `uq ${name}`, columns: ['the "value"', "size ü"] }]);
    expect(after?.foreignKeys.map((f) => [f.name, f.referencedTable])).toEqual([[`fk "${name}"`, parent]]);
    expect(after?.indexes.map((i) => i.name).sort()).toEqual([`ix ${name}`, `ix2 "${name}"`].sort());
    expect(await h.rows(`SELECT * FROM "${`${name} 2`.replace(/"/g, '""')}"`)).toEqual([
      { order: 1, 'the "value"': "x'y", "size ü": 2.5, group: "a'b", "user id": 1, "to 'x'": null },
    ]);
    expect(await h.rows("PRAGMA foreign_key_check")).toEqual([]);

    await h.run({ kind: "dropIndex", table: `${name} 2`, name: `ix2 "${name}"` }, { kind: "dropColumn", table: `${name} 2`, column: "to 'x'" });
    expect((await h.table(`${name} 2`))?.columns.length).toBe(5);
  });

  it("treats names that differ only in ASCII case as the same, as SQLite does", async () => {
    await h.run({ kind: "createTable", table: table("Users", { columns: [column("ID", { kind: "integer" }, false)] }) });
    await h.run({ kind: "alterColumn", table: "users", column: "id", nullable: true });
    expect(await h.table("USERS")).toEqual(table("Users", { columns: [column("ID", { kind: "integer" }, true)] }));
  });
});
