/**
 * UNLOGGED and storage parameters against a real database, written by hand in PostgreSQL's own
 * spellings: reflection reads relpersistence, reloptions (the TOAST table's as `toast.` names, a
 * partition's, each plain index's) as PostgreSQL stores them; a model declaring the same with
 * numbers and booleans compares equal; the storage parameters of a key's index stay unmanaged;
 * alterTableOptions and alterIndexOptions round-trip through their reverse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { array, defineSchema, index, integer, schemaFromModel, table, text } from "../../../src/model/index.js";
import { reverseOperation } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("PostgreSQL UNLOGGED and storage parameters, reflected", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
    await kit.conn.query(`CREATE UNLOGGED TABLE scratch (id integer PRIMARY KEY, body text, tags text[])
        WITH (FILLFACTOR = 070, autovacuum_enabled = off, toast.autovacuum_enabled = 0, vacuum_index_cleanup = AUTO);
      CREATE INDEX scratch_body ON scratch (body) WITH (fillfactor = 80, deduplicate_items = off);
      CREATE INDEX scratch_tags ON scratch USING gin (tags) WITH (fastupdate = false, gin_pending_list_limit = 512);
      CREATE TABLE tuned (id integer, at integer, CONSTRAINT tuned_pkey PRIMARY KEY (id, at) WITH (fillfactor = 90)) PARTITION BY RANGE (at);
      CREATE TABLE tuned_1 PARTITION OF tuned FOR VALUES FROM (0) TO (10) WITH (fillfactor = 50);
      CREATE UNLOGGED TABLE z_parent (id integer PRIMARY KEY);
      CREATE UNLOGGED TABLE a_child (id integer PRIMARY KEY, parent_id integer REFERENCES z_parent (id))`);
  });
  afterAll(async () => kit?.close());

  it("reads persistence and each relation's reloptions as PostgreSQL stores them", async () => {
    const db = await kit.reflectAll();
    const scratch = db.tables.find((t) => t.name === "scratch")!;
    expect(scratch.unlogged).toBe(true);
    expect(scratch.storageParameters).toEqual({ fillfactor: "70", autovacuum_enabled: "off", vacuum_index_cleanup: "auto", "toast.autovacuum_enabled": "0" });
    expect(Object.fromEntries(scratch.indexes.map((i) => [i.name, i.storageParameters]))).toEqual({
      scratch_body: { fillfactor: "80", deduplicate_items: "off" },
      scratch_tags: { fastupdate: "false", gin_pending_list_limit: "512" },
    });
    expect(db.tables.find((t) => t.name === "tuned_1")!.storageParameters).toEqual({ fillfactor: "50" });
    expect(db.tables.find((t) => t.name === "tuned")!.unlogged).toBeUndefined();
    expect((db.unmanagedObjects ?? []).map((u) => `${u.kind} ${u.name}: ${u.detail}`)).toEqual(["index storage parameters tuned_pkey: fillfactor=90"]);
  });

  it("a model writing the same with numbers and booleans compares equal", async () => {
    const model = schemaFromModel(
      defineSchema({
        tables: [
          table("scratch", { id: integer().primaryKey(), body: text(), tags: array(text()) }, (t) => ({
            unlogged: true,
            with: { fillfactor: 70, autovacuum_enabled: false, "toast.autovacuum_enabled": false, vacuum_index_cleanup: "auto" },
            indexes: [index([t.body], { name: "scratch_body", with: { fillfactor: 80, deduplicate_items: false } }), index([t.tags], { name: "scratch_tags", using: "gin", with: { fastupdate: false, gin_pending_list_limit: 512 } })],
          })),
        ],
      }),
    );
    const reflected = await kit.reflectAll();
    const scratch = { ...reflected, tables: reflected.tables.filter((t) => t.name === "scratch"), unmanagedObjects: [] };
    expect(compareSchemas(model, scratch, dialectCompareOptions(postgresDialect)).operations).toEqual([]);
  });

  it("tables a foreign key links become LOGGED, and UNLOGGED again, in an order PostgreSQL accepts", async () => {
    const parent = table("z_parent", { id: integer().primaryKey() });
    const model = schemaFromModel(defineSchema({ tables: [parent, table("a_child", { id: integer().primaryKey(), parent_id: integer().references(() => parent, "id") })] }));
    const reflected = await kit.reflectAll();
    const linked = { ...reflected, tables: reflected.tables.filter((t) => t.name === "z_parent" || t.name === "a_child"), unmanagedObjects: [] };
    const ops = compareSchemas(model, linked, dialectCompareOptions(postgresDialect)).operations;
    expect(ops.map((op) => op.kind)).toEqual(["alterTableOptions", "alterTableOptions"]);
    await kit.apply(...ops);
    const persistence = async () => Object.fromEntries((await kit.rows("SELECT relname::text AS name, relpersistence::text AS p FROM pg_class WHERE relname IN ('z_parent', 'a_child')")).map((r) => [r.name, r.p]));
    expect(await persistence()).toEqual({ z_parent: "p", a_child: "p" });
    await kit.apply(...[...ops].reverse().flatMap(reverseOperation));
    expect(await persistence()).toEqual({ z_parent: "u", a_child: "u" });
  });

  it("alterTableOptions and alterIndexOptions apply and reverse to the same reflection", async () => {
    const forward: Operation[] = [
      { kind: "alterTableOptions", table: "scratch", unlogged: false, existingUnlogged: true, storageParameters: { fillfactor: "60", autovacuum_enabled: null, parallel_workers: "2" }, existingStorageParameters: { fillfactor: "70", autovacuum_enabled: "off", parallel_workers: null } },
      { kind: "alterIndexOptions", table: "scratch", name: "scratch_tags", using: "gin", storageParameters: { fastupdate: null, gin_pending_list_limit: "1024" }, existingStorageParameters: { fastupdate: "false", gin_pending_list_limit: "512" } },
    ];
    const inverse = [...forward].reverse().flatMap(reverseOperation);
    await kit.roundTrip(forward, inverse, (after) => {
      const scratch = after.tables.find((t) => t.name === "scratch")!;
      expect(scratch.unlogged).toBeUndefined();
      expect(scratch.storageParameters).toEqual({ vacuum_index_cleanup: "auto", fillfactor: "60", parallel_workers: "2", "toast.autovacuum_enabled": "0" });
      expect(scratch.indexes.find((i) => i.name === "scratch_tags")!.storageParameters).toEqual({ gin_pending_list_limit: "1024" });
    });
  });
});
