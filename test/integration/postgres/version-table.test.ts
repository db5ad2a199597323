/** The version table's SQL against a real database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { VersionTableName } from "../../../src/core/version-table-name.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");
const { versionTable } = postgresDialect;

describe.skipIf(!available)("postgres version table", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  async function exists(table: VersionTableName): Promise<boolean> {
    const s = versionTable.exists(table);
    const rows = await kit.conn.query(s.sql, s.params);
    return Boolean(Object.values(rows[0] ?? {})[0]);
  }

  async function create(table: VersionTableName): Promise<void> {
    for (const s of versionTable.create(table)) await kit.conn.query(s.sql, s.params);
  }

  for (const table of [{ name: "athanor_version" }, { schema: "Migr ations", name: 'ver"sions' }] as VersionTableName[]) {
    it(`creates ${JSON.stringify(table)} idempotently with a varchar(32) primary key`, async () => {
      expect(await exists(table)).toBe(false);
      await create(table);
      await create(table);
      expect(await exists(table)).toBe(true);
      const reflected = await postgresDialect.reflectTable(kit.conn, { schema: table.schema, name: table.name });
      expect(reflected?.columns).toEqual([{ name: "version_num", type: { kind: "varchar", length: 32 }, nullable: false, default: null, generated: null, comment: null, collation: null }]);
      expect(reflected?.primaryKey).toEqual({ name: `${table.name}_pkc`, columns: ["version_num"] });
    });
  }

  it("does not see a table of that name in another schema", async () => {
    await kit.conn.query('CREATE SCHEMA "elsewhere"; CREATE TABLE "elsewhere"."v_only_there" (x int)');
    expect(await exists({ name: "v_only_there" })).toBe(false);
    expect(await exists({ schema: "elsewhere", name: "v_only_there" })).toBe(true);
  });

  it("sees a column of the named table only: not a dropped one, not one of a namesake elsewhere", async () => {
    const has = async (table: VersionTableName, column: string) => {
      const s = versionTable.columnExists(table, column);
      return Boolean(Object.values((await kit.conn.query(s.sql, s.params))[0] ?? {})[0]);
    };
    await kit.conn.query('CREATE SCHEMA "col schema"; CREATE TABLE "col schema"."old_log" (revision text, "Table_State" text, gone text); CREATE TABLE "old_log" (revision text)');
    await kit.conn.query('ALTER TABLE "col schema"."old_log" DROP COLUMN gone');
    expect(await has({ schema: "col schema", name: "old_log" }, "Table_State")).toBe(true);
    expect(await has({ schema: "col schema", name: "old_log" }, "table_state")).toBe(false);
    expect(await has({ schema: "col schema", name: "old_log" }, "gone")).toBe(false);
    expect(await has({ name: "old_log" }, "revision")).toBe(true);
    expect(await has({ name: "old_log" }, "Table_State")).toBe(false);
  });
});
