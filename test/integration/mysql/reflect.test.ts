/**
 * Reflection on a real server: a rich set of tables created through compile reflects back
 * deep-equal to what was written; filters work inside the catalog queries; and the number of
 * queries does not grow with the number of tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { TableSchema } from "../../../src/catalog/types.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { col, openKit, table, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");

const pk = (...columns: string[]) => ({ name: null, columns });
const autoId = col("id", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } });

/** Every type, default, generation and constraint form that round-trips, in reflection's order. */
const rich: TableSchema[] = [
  table("accounts", {
    columns: [
      col("id", { kind: "bigint", unsigned: true }, { nullable: false, generated: { kind: "autoincrement" } }),
      col("tiny", { kind: "smallint" }, { default: { kind: "literal", value: -3 } }),
      col("count", { kind: "integer", unsigned: true }, { nullable: false, default: { kind: "literal", value: 0 } }),
      col("big", { kind: "bigint" }, { default: { kind: "literal", value: 9007199254740991 } }),
      col("price", { kind: "numeric", precision: 10, scale: 2 }, { default: { kind: "literal", value: 1.5 } }),
      col("ratio", { kind: "real" }),
      col("precise", { kind: "double" }, { default: { kind: "literal", value: 0.25 } }),
      col("active", { kind: "boolean" }, { nullable: false, default: { kind: "literal", value: false } }),
      col("code", { kind: "char", length: 3 }, { default: { kind: "literal", value: "abc" } }),
      col("email", { kind: "varchar", length: 190 }, { nullable: false, collation: "utf8mb4_bin", comment: "login, case-sensitive" }),
      col("bio", { kind: "text" }),
      col("tiny_text", { kind: "text", size: "tiny" }),
      col("long_text", { kind: "text", size: "long" }, { default: { kind: "literal", value: "it's" } }),
      col("birthday", { kind: "date" }, { default: { kind: "literal", value: "2000-01-01" } }),
      col("alarm", { kind: "time", precision: 3 }),
      col("created", { kind: "timestamp", precision: 6 }, { nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP(6)" } }),
      col("updated", { kind: "timestamp" }, { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" }, onUpdate: "CURRENT_TIMESTAMP" }),
      col("instant", { kind: "timestamp", withTimezone: true }),
      col("doc", { kind: "json" }, { default: { kind: "literal", value: "{}" } }),
      col("digest", { kind: "binary", length: 32, fixed: true }),
      col("blobby", { kind: "binary", length: 100 }),
      col("payload", { kind: "binary" }),
      col("big_payload", { kind: "binary", size: "medium" }),
      col("state", { kind: "enum", name: "state", values: ["new", "it's", "back\\slash"] }, { nullable: false, default: { kind: "literal", value: "new" } }),
      col("token", { kind: "char", length: 36 }, { default: { kind: "sql", sql: "uuid()" } }),
      col("medium", { kind: "raw", sql: "mediumint unsigned" }),
      col("yr", { kind: "raw", sql: "year" }),
      col("flags", { kind: "raw", sql: "set('a','B')" }),
      col("total", { kind: "integer" }, { generated: { kind: "computed", sql: "`count` * 2", stored: true } }),
      col("label", { kind: "varchar", length: 200 }, { generated: { kind: "computed", sql: "concat(`code`,'-',`email`)", stored: false } }),
    ],
    primaryKey: pk("id"),
    uniques: [
      { name: "accounts_code_email_key", columns: ["code", "email"] },
      { name: "accounts_email_key", columns: ["email"] },
    ],
    checks: [
      { name: "accounts_count_check", expression: "`count` < 1000000" },
      { name: "accounts_price_check", expression: "`price` >= 0 and `price` <= 100000" },
    ],
    indexes: [
      { name: "accounts_bio_ft", elements: [{ column: "bio" }], unique: false, where: null, using: "fulltext" },
      { name: "accounts_created_idx", elements: [{ column: "created", descending: true }, { column: "id" }], unique: false, where: null, using: null },
      { name: "accounts_long_prefix", elements: [{ column: "long_text", length: 20 }], unique: true, where: null, using: null },
    ],
    comment: "all the 'types' \\ and more",
  }),
  table("members", {
    columns: [
      col("account_id", { kind: "bigint", unsigned: true }, { nullable: false }),
      col("team_id", { kind: "integer" }, { nullable: false }),
      col("team_region", { kind: "char", length: 2 }, { nullable: false }),
      col("role", { kind: "varchar", length: 20 }, { nullable: false, default: { kind: "literal", value: "member" } }),
    ],
    primaryKey: pk("account_id", "team_id"),
    foreignKeys: [
      { name: "members_account_fk", columns: ["account_id"], referencedSchema: null, referencedTable: "accounts", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: "CASCADE" },
      { name: "members_team_fk", columns: ["team_id", "team_region"], referencedSchema: null, referencedTable: "teams", referencedColumns: ["id", "region"], onDelete: null, onUpdate: null },
    ],
    indexes: [{ name: "members_role_idx", elements: [{ column: "role" }], unique: false, where: null, using: null }],
  }),
  table("teams", {
    columns: [
      autoId,
      col("region", { kind: "char", length: 2 }, { nullable: false }),
      col("parent_id", { kind: "integer" }),
      col("parent_region", { kind: "char", length: 2 }),
    ],
    primaryKey: pk("id", "region"),
    foreignKeys: [{ name: "teams_parent_fk", columns: ["parent_id", "parent_region"], referencedSchema: null, referencedTable: "teams", referencedColumns: ["id", "region"], onDelete: "SET NULL", onUpdate: null }],
    comment: "self-referencing",
  }),
];

describe.skipIf(!available)("mysql reflection", () => {
  let kit: MysqlKit;
  beforeAll(async () => {
    kit = await openKit();
    const byDependency = [rich[0], rich[2], rich[1]] as TableSchema[];
    await kit.run(byDependency.map((t) => ({ kind: "createTable" as const, table: t })));
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("reflects tables created by compile back deep-equal", async () => {
    const schema = await mysqlDialect.reflect(kit.conn);
    // What a table gets when it names no collation or engine: the test database's own defaults.
    expect(schema).toEqual({ tables: rich, enums: [], tableDefaults: { collation: "utf8mb4_general_ci", engine: "InnoDB" } });
  });

  it("reflectTable reads one table and returns undefined for a missing one", async () => {
    expect(await mysqlDialect.reflectTable(kit.conn, { name: "teams" })).toEqual(rich[2]);
    expect(await mysqlDialect.reflectTable(kit.conn, { name: "nope" })).toBeUndefined();
  });

  it("applies include and exclude filters, and reads a database by name", async () => {
    const included = await mysqlDialect.reflect(kit.conn, { includeTables: ["teams", "members"], excludeTables: ["members"] });
    expect(included.tables.map((t) => t.name)).toEqual(["teams"]);
    const [{ db }] = (await kit.conn.query<{ db: string }>("SELECT DATABASE() AS db")) as [{ db: string }];
    const qualified = await mysqlDialect.reflect(kit.conn, { includeTables: [`${db}.accounts`] });
    expect(qualified.tables).toEqual([rich[0]]);
    const explicit = await mysqlDialect.reflect(kit.conn, { schemas: [db], excludeTables: ["accounts", "members"] });
    expect(explicit.tables).toEqual([rich[2]]);
  });

  it("does not report MariaDB's json_valid check or json collation, and keeps user checks", async () => {
    const accounts = await mysqlDialect.reflectTable(kit.conn, { name: "accounts" });
    expect(accounts?.checks.map((c) => c.name)).toEqual(["accounts_count_check", "accounts_price_check"]);
    expect(accounts?.columns.find((c) => c.name === "doc")).toEqual(rich[0]?.columns.find((c) => c.name === "doc"));
  });
});

describe.skipIf(!available)("mysql reflection query count", () => {
  let kit: MysqlKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  /** Creates tables t<from>..t<to-1>, each with a key, an index, a foreign key and a check. */
  async function createTables(from: number, to: number): Promise<void> {
    for (let i = from; i < to; i++) {
      await kit.run({
        kind: "createTable",
        table: table(`t${i}`, {
          columns: [autoId, col("ref", { kind: "integer" }), col("v", { kind: "varchar", length: 10 })],
          primaryKey: pk("id"),
          indexes: [{ name: `t${i}_v`, elements: [{ column: "v" }], unique: false, where: null, using: null }],
          foreignKeys: i === 0 ? [] : [{ name: `t${i}_ref`, columns: ["ref"], referencedSchema: null, referencedTable: "t0", referencedColumns: ["id"], onDelete: null, onUpdate: null }],
          checks: [{ name: `t${i}_ck`, expression: "`ref` > 0" }],
        }),
      });
    }
  }

  async function countQueries(): Promise<{ queries: number; tables: number }> {
    const before = kit.conn.queryCount;
    const schema = await mysqlDialect.reflect(kit.conn);
    return { queries: kit.conn.queryCount - before, tables: schema.tables.length };
  }

  it("uses the same number of queries for 10 and for 500 tables", async () => {
    await createTables(0, 10);
    const small = await countQueries();
    expect(small.tables).toBe(10);
    await createTables(10, 500);
    const large = await countQueries();
    expect(large.tables).toBe(500);
    expect(large.queries).toBe(small.queries);
    // Six catalog queries for tables and constraints, four for views, triggers and routines, one for
    // events and partitioning (reflect-unmanaged.ts).
    expect(small.queries).toBeLessThanOrEqual(11);
  });
});
