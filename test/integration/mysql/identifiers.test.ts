/**
 * Awkward identifiers and literals on a real server: spaces, backticks, quotes, mixed case,
 * unicode and reserved words as table, column, index and constraint names; quotes and
 * backslashes in defaults and comments; and offline (--sql) output that runs as printed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { TableSchema } from "../../../src/catalog/types.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { col, openKit, table, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");

const NAMES = ["user", "order", "group", "with space", "back`tick", "it's \"quoted\"", "MixedCase", "ünïcødé 表"];
const TRICKY_TEXT = "a 'b' \"c\" \\d `e` ü 表 \\' -- /* ? */";

/** A table whose every name is `name`-derived and awkward. */
function awkwardTable(name: string): TableSchema {
  return table(name, {
    columns: [
      col(name, { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" }, comment: TRICKY_TEXT }),
      col(`${name} 2`, { kind: "varchar", length: 64 }, { default: { kind: "literal", value: TRICKY_TEXT } }),
      col("select", { kind: "integer" }),
      col("parent", { kind: "integer" }),
    ],
    primaryKey: { name: null, columns: [name] },
    uniques: [{ name: `${name} uq`, columns: [`${name} 2`] }],
    indexes: [{ name: `${name} ix`, elements: [{ column: "select", descending: true }], unique: false, where: null, using: null }],
    foreignKeys: [{ name: `${name} fk`, columns: ["parent"], referencedSchema: null, referencedTable: name, referencedColumns: [name], onDelete: "CASCADE", onUpdate: null }],
    checks: [{ name: `${name} ck`, expression: "`select` > 0" }],
    comment: TRICKY_TEXT,
  });
}

describe.skipIf(!available)("mysql awkward identifiers and literals", () => {
  let kit: MysqlKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it.each(NAMES)("creates, reflects, fills, alters, renames and drops %j", async (name) => {
    const t = awkwardTable(name);
    await kit.run({ kind: "createTable", table: t });
    expect(await kit.table(name)).toEqual(t);

    await kit.run({ kind: "bulkInsert", table: name, rows: [{ select: 1 }, { select: 2, [`${name} 2`]: "x`y'z" }] });
    const rows = await kit.rows(name, name);
    expect(rows.map((r) => r[`${name} 2`])).toEqual([TRICKY_TEXT, "x`y'z"]);

    await kit.run({ kind: "alterColumn", table: name, column: "select", newName: "from", type: { kind: "bigint" } }, { online: true });
    const renamedColumn = (await kit.table(name))?.columns.find((c) => c.name === "from");
    expect(renamedColumn).toEqual(col("from", { kind: "bigint" }));

    await kit.run({ kind: "renameTable", from: name, to: `${name} (old)` });
    expect((await kit.rows(`${name} (old)`, name)).length).toBe(2);
    await kit.run({ kind: "dropTable", table: `${name} (old)` });
    expect(await kit.table(`${name} (old)`)).toBeUndefined();
  });

  it("keeps tables whose names differ only in case apart", async () => {
    await kit.run([{ kind: "createTable", table: table("Case", { columns: [col("a", { kind: "integer" })] }) }, { kind: "createTable", table: table("case", { columns: [col("b", { kind: "integer" })] }) }]);
    expect((await kit.table("Case"))?.columns.map((c) => c.name)).toEqual(["a"]);
    expect((await kit.table("case"))?.columns.map((c) => c.name)).toEqual(["b"]);
    const schema = await mysqlDialect.reflect(kit.conn, { excludeTables: ["case"] });
    expect(schema.tables.map((x) => x.name)).toEqual(["Case"]);
    await kit.run([{ kind: "dropTable", table: "Case" }, { kind: "dropTable", table: "case" }]);
  });

  it("offline output with inlined values runs as printed and stores the same rows as bound values", async () => {
    const values = [TRICKY_TEXT, "", "\\", "'", "\\'", "line\nbreak\ttab", "ends with \\", "?", "😀"];
    const spec = table("inlined", { columns: [col("id", { kind: "integer" }, { nullable: false }), col("v", { kind: "text" }), col("ok", { kind: "boolean" }), col("at", { kind: "timestamp", precision: 3 })], primaryKey: { name: null, columns: ["id"] } });
    await kit.run({ kind: "createTable", table: { ...spec, name: "bound" } });
    await kit.run({ kind: "createTable", table: spec });
    const at = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123));
    const rows = values.map((v, i) => ({ id: i, v, ok: i % 2 === 0, at }));
    const columns = [{ name: "ok", type: { kind: "boolean" as const } }];
    const offline = { offline: true, tableState: () => undefined };
    for (const statement of await mysqlDialect.compile({ kind: "bulkInsert", table: "inlined", rows, columns }, offline)) {
      const text = mysqlDialect.inlineParams(statement);
      expect(text).not.toContain("?,");
      await kit.conn.query(text);
    }
    await kit.run({ kind: "bulkInsert", table: "bound", rows, columns });
    const inlined = await kit.rows("inlined", "id");
    expect(inlined).toEqual(await kit.rows("bound", "id"));
    expect(inlined.map((r) => r.v)).toEqual(values);
    expect(inlined[0]?.at).toBe("2024-02-29 23:59:58.123");
  });
});
