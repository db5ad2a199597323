/**
 * PostgreSQL UNLOGGED tables and storage parameters without a database: the model (`unlogged`,
 * `with` on tables and indexes, and what it refuses), compare by meaning (false = off, 70 = 070),
 * compile (CREATE UNLOGGED TABLE … WITH, CREATE INDEX … WITH, SET/RESET, SET LOGGED), the refusals
 * of MySQL and SQLite, reverse, and the rendered revision and pulled module, which evaluate back
 * to the same statements.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../helpers/project.js";
import { array, defineSchema, index, integer, schemaFromModel, table, text } from "../../../src/model/index.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import { checkStorageParameters, storageParameterChanges } from "../../../src/catalog/storage-parameters.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { createOperations } from "../../../src/operations/create-operations.js";
import { reverseOperation } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { evaluate, Recorder } from "./evaluate-rendered.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };
const compare = (target: DatabaseSchema, actual: DatabaseSchema) => compareSchemas(target, actual, dialectCompareOptions(postgresDialect));
const sqlOf = async (ops: readonly Operation[]) => (await Promise.all(ops.map((op) => postgresDialect.compile(op, offline)))).flat().map((s) => s.sql);

const events = () =>
  table(
    "events",
    { id: integer().primaryKey(), body: text(), tags: array(text()) },
    (t) => ({
      unlogged: true,
      with: { fillfactor: 70, autovacuum_enabled: false, "toast.autovacuum_enabled": false, vacuum_index_cleanup: "auto" },
      indexes: [index([t.id], { name: "ix_events_id", with: { fillfactor: 80, deduplicate_items: false } }), index([t.tags], { name: "ix_events_tags", using: "gin", with: { fastupdate: false } })],
    }),
  );
const model = (): DatabaseSchema => schemaFromModel(defineSchema({ tables: [events()] }));

/** The model as PostgreSQL stores it: reloptions spelt its own way (off, 070 would be 70, …). */
function asReflected(): DatabaseSchema {
  const db = structuredClone(model());
  const t = db.tables[0]!;
  t.storageParameters = { fillfactor: "70", autovacuum_enabled: "off", vacuum_index_cleanup: "auto", "toast.autovacuum_enabled": "0" };
  t.indexes.find((i) => i.name === "ix_events_id")!.storageParameters = { fillfactor: "80", deduplicate_items: "off" };
  return db;
}

describe("the model", () => {
  it("keeps unlogged and the parameters as reloptions text, names lower-case", () => {
    const t = model().tables[0]!;
    expect(t.unlogged).toBe(true);
    expect(t.storageParameters).toEqual({ fillfactor: "70", autovacuum_enabled: "false", "toast.autovacuum_enabled": "false", vacuum_index_cleanup: "auto" });
    expect(t.indexes.map((i) => i.storageParameters)).toEqual([{ fillfactor: "80", deduplicate_items: "false" }, { fastupdate: "false" }]);
    const plain = schemaFromModel(defineSchema({ tables: [table("p", { id: integer() }, { unlogged: false, with: {} })] })).tables[0]!;
    expect(plain.unlogged).toBeUndefined();
    expect(plain.storageParameters).toBeUndefined();
  });

  it("refuses an unknown name with the names it knows, and a value of the wrong kind or out of range", () => {
    const load = (extras: object) => () => schemaFromModel(defineSchema({ tables: [table("t", { id: integer() }, extras as never)] }));
    expect(load({ with: { fillfactr: 70 } })).toThrow(/^Table t: "fillfactr" is no table storage parameter PostgreSQL knows\.$/);
    expect(load({ with: { fillfactor: 5 } })).toThrow(/^Table t: fillfactor is 5\.$/);
    expect(load({ with: { autovacuum_enabled: "maybe" } })).toThrow(/autovacuum_enabled is "maybe"/);
    expect(load({ with: { fillfactor: "70); DROP TABLE t; --" } })).toThrow(/fillfactor is/);
    expect(load({ unlogged: "yes" })).toThrow(/unlogged is "yes"/);
    expect(load({ with: { fillfactor: 70, FillFactor: 80 } })).toThrow(/^Table t: fillfactor is given twice\.$/);
    // Index parameters are the method's: fastupdate is gin's, not btree's.
    expect(load({ indexes: [index(["id"], { name: "ix", with: { fastupdate: false } })] })).toThrow(/^Index ix on table t: "fastupdate" is no btree index storage parameter PostgreSQL knows\.$/);
    expect(load({ indexes: [index(["id"], { using: "bloom", with: { length: 80 } })] })).toThrow(/does not know the storage parameters of index method "bloom"/);
    try {
      load({ with: { fillfactr: 70 } })();
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/fillfactor, toast_tuple_target/);
    }
  });

  it("refuses what PostgreSQL would refuse or forget: storage on a partitioned table, toast. parameters on a table that has no TOAST table", () => {
    const load = (t: { athanorKind: "table" }) => () => schemaFromModel(defineSchema({ tables: [t as never] }));
    expect(load(table("p", { id: integer(), at: integer() }, { partitionBy: "RANGE (at)", with: { fillfactor: 70 } }))).toThrow(/^Table p is partitioned \(partitionBy\) and declared with with, which PostgreSQL refuses/);
    expect(load(table("p", { id: integer(), at: integer() }, { partitionBy: "RANGE (at)", unlogged: true }))).toThrow(/declared with unlogged/);
    expect(load(table("n", { id: integer(), at: integer() }, { with: { "toast.autovacuum_enabled": false } }))).toThrow(/^Table n has no TOAST table \(none of its columns is of a variable-length type\), so PostgreSQL would ignore toast\.autovacuum_enabled\.$/);
    expect(load(table("n", { id: integer(), note: text() }, { with: { "toast.autovacuum_enabled": false } }))).not.toThrow();
  });

  it("the README's example loads into what it says", async () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const code = /storage parameters are table and index options:\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code, "README has the storage-parameters example").toBeTruthy();
    const dir = join(REPO_ROOT, "test/.tmp");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `readme-storage-${process.pid}.ts`);
    writeFileSync(file, `import { array, index, integer, table, text } from ${JSON.stringify(join(REPO_ROOT, "src/index.ts"))};\n${code}`);
    const t = schemaFromModel(await import(pathToFileURL(file).href)).tables[0]!;
    expect([t.unlogged, t.storageParameters, t.indexes.map((i) => i.storageParameters)]).toEqual([
      true,
      { fillfactor: "70", autovacuum_enabled: "false", "toast.autovacuum_enabled": "false" },
      [{ fillfactor: "80", deduplicate_items: "false" }, { fastupdate: "false" }],
    ]);
  });

  it("refuses a logged table's foreign key to an unlogged one, which PostgreSQL refuses", () => {
    const scratch = table("scratch", { id: integer().primaryKey() }, { unlogged: true });
    const load = (unlogged: boolean) => () => schemaFromModel(defineSchema({ tables: [scratch, table("notes", { id: integer().primaryKey(), scratch_id: integer().references(() => scratch, "id") }, { unlogged })] }));
    expect(load(false)).toThrow(/^Foreign key on notes\(scratch_id\) references the UNLOGGED table scratch, and PostgreSQL lets only an unlogged table reference one\.$/);
    expect(load(true)).not.toThrow();
  });

  it("checks values by kind: numbers, PostgreSQL's boolean spellings, a parameter's words", () => {
    expect(checkStorageParameters({ autovacuum_enabled: "off", vacuum_truncate: 1, autovacuum_vacuum_scale_factor: 0.05, vacuum_index_cleanup: true }, { of: "table" }, "t")).toEqual({
      autovacuum_enabled: "off",
      vacuum_truncate: "1",
      autovacuum_vacuum_scale_factor: "0.05",
      vacuum_index_cleanup: "true",
    });
    expect(checkStorageParameters({ buffering: "AUTO" }, { of: "index", using: "gist" }, "i")).toEqual({ buffering: "auto" });
    expect(checkStorageParameters({ pages_per_range: 1.5 }, { of: "index", using: "brin" }, "i")).toMatchObject({ message: "i: pages_per_range is 1.5." });
  });
});

describe("compare", () => {
  it("finds nothing when the database spells the same values its own way", () => {
    expect(compare(model(), asReflected()).operations).toEqual([]);
  });

  it("sets, changes and resets parameters and switches persistence, each with what it was", () => {
    const target = model();
    const t = target.tables[0]!;
    delete t.unlogged;
    t.storageParameters = { fillfactor: "60", autovacuum_analyze_threshold: "100", "toast.autovacuum_enabled": "false", vacuum_index_cleanup: "auto" };
    t.indexes[0]!.storageParameters = { fillfactor: "90" };
    delete t.indexes[1]!.storageParameters;
    const ops = compare(target, asReflected()).operations;
    expect(ops).toContainEqual({
      kind: "alterTableOptions",
      table: "events",
      unlogged: false,
      existingUnlogged: true,
      storageParameters: { autovacuum_analyze_threshold: "100", autovacuum_enabled: null, fillfactor: "60" },
      existingStorageParameters: { autovacuum_analyze_threshold: null, autovacuum_enabled: "off", fillfactor: "70" },
    });
    expect(ops).toContainEqual({ kind: "alterIndexOptions", table: "events", name: "ix_events_id", storageParameters: { deduplicate_items: null, fillfactor: "90" }, existingStorageParameters: { deduplicate_items: "off", fillfactor: "80" } });
    expect(ops).toContainEqual({ kind: "alterIndexOptions", table: "events", name: "ix_events_tags", using: "gin", storageParameters: { fastupdate: null }, existingStorageParameters: { fastupdate: "false" } });
    expect(ops.some((op) => op.kind === "dropIndex" || op.kind === "createIndex")).toBe(false);
    expect(storageParameterChanges({ fillfactor: "070" }, { fillfactor: "70" }, { of: "table" })).toEqual({});
  });

  it("switches persistence in foreign-key order, whatever the names: LOGGED referenced first, UNLOGGED referencing first", () => {
    const parent = (unlogged: boolean) => table("z_parent", { id: integer().primaryKey() }, { unlogged });
    const schema = (unlogged: boolean) => {
      const p = parent(unlogged);
      return schemaFromModel(defineSchema({ tables: [p, table("a_child", { id: integer().primaryKey(), parent_id: integer().references(() => p, "id") }, { unlogged })] }));
    };
    const tables = (ops: readonly Operation[]) => ops.filter((op) => op.kind === "alterTableOptions").map((op) => `${(op as { table: string }).table} ${(op as { unlogged?: boolean }).unlogged ? "unlogged" : "logged"}`);
    const toLogged = compare(schema(false), schema(true)).operations;
    expect(tables(toLogged)).toEqual(["z_parent logged", "a_child logged"]);
    expect(tables(compare(schema(true), schema(false)).operations)).toEqual(["a_child unlogged", "z_parent unlogged"]);
    // The downgrade is the reversed list, so it too is in an order PostgreSQL accepts.
    expect(tables([...toLogged].reverse().flatMap(reverseOperation))).toEqual(["a_child unlogged", "z_parent unlogged"]);
  });

  it("reverses each change exactly, and refuses to reverse one whose prior values are unknown", () => {
    const target = model();
    delete target.tables[0]!.unlogged;
    target.tables[0]!.storageParameters = { fillfactor: "60" };
    target.tables[0]!.indexes[0]!.storageParameters = { fillfactor: "90" };
    for (const op of compare(target, asReflected()).operations) {
      const back = reverseOperation(op);
      expect(back.flatMap(reverseOperation)).toEqual([op]);
    }
    expect(() => reverseOperation({ kind: "alterIndexOptions", table: "events", name: "ix", storageParameters: { fillfactor: "90" } })).toThrow(/prior storage parameters are unknown/);
    try {
      reverseOperation({ kind: "alterTableOptions", table: "events", storageParameters: { fillfactor: "90" }, existingStorageParameters: {} });
      expect.unreachable();
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/existingStorageParameters/);
    }
  });
});

describe("compile", () => {
  it("creates the table UNLOGGED with WITH (…) and each index WITH its method's parameters, names quoted", async () => {
    const sql = await sqlOf(compare(model(), { tables: [], enums: [] }).operations);
    expect(sql).toContain('CREATE UNLOGGED TABLE "events" (\n  "id" integer NOT NULL,\n  "body" text,\n  "tags" text[],\n  CONSTRAINT "events_pkey" PRIMARY KEY ("id")\n) WITH ("fillfactor" = 70, "autovacuum_enabled" = false, "toast"."autovacuum_enabled" = false, "vacuum_index_cleanup" = auto)');
    expect(sql).toContain('CREATE INDEX "ix_events_id" ON "events" ("id") WITH ("fillfactor" = 80, "deduplicate_items" = false)');
    expect(sql).toContain('CREATE INDEX "ix_events_tags" ON "events" USING "gin" ("tags") WITH ("fastupdate" = false)');
  });

  it("re-checks a hand-edited operation: an unknown name or a value that is not one never reaches the SQL", async () => {
    await expect(postgresDialect.compile({ kind: "alterTableOptions", table: "t", storageParameters: { "fillfactor = 1); DROP TABLE t; --": "1" } }, offline)).rejects.toThrow(/is no table storage parameter/);
    await expect(postgresDialect.compile({ kind: "alterTableOptions", table: "t", storageParameters: { fillfactor: "1); DROP TABLE t; --" } }, offline)).rejects.toThrow(/fillfactor is/);
    await expect(postgresDialect.compile({ kind: "alterIndexOptions", table: "t", name: "i", storageParameters: { nope: null } }, offline)).rejects.toThrow(/"nope" is no btree index storage parameter/);
  });

  it("MySQL and SQLite refuse UNLOGGED and storage parameters by table and index, each with one message", async () => {
    const create = compare(model(), { tables: [], enums: [] }).operations.find((op) => op.kind === "createTable")!;
    for (const [dialect, name] of [
      [mysqlDialect, "MySQL"],
      [sqliteDialect, "SQLite"],
    ] as const) {
      await expect(dialect.compile(create, offline)).rejects.toThrow(new RegExp(`^${name} has no UNLOGGED tables \\(table events is declared unlogged: true\\)\\.$`));
      const logged = structuredClone(create) as Extract<Operation, { kind: "createTable" }>;
      delete logged.table.unlogged;
      await expect(dialect.compile(logged, offline)).rejects.toThrow(new RegExp(`^${name} has no storage parameters \\(with: \\{ … \\} on table events\\)\\.$`));
      delete logged.table.storageParameters;
      await expect(dialect.compile(logged, offline)).rejects.toThrow(new RegExp(`^${name} has no storage parameters \\(with: \\{ … \\} on index ix_events_id on events\\)\\.$`));
    }
  });
});

describe("op arguments", () => {
  const run = async (write: (op: ReturnType<typeof createOperations>["operations"]) => Promise<void>): Promise<Operation[]> => {
    const sink = new Recorder();
    const { operations, flush } = createOperations(sink);
    await write(operations);
    await flush();
    return sink.received;
  };

  it("keeps values as the catalog does, null for RESET, and checks them against the index's method", async () => {
    expect(await run((op) => op.alterIndexOptions("ix_tags", "events", { using: "gin", storageParameters: { FastUpdate: "OFF", gin_pending_list_limit: null } }))).toEqual([
      { kind: "alterIndexOptions", table: "events", name: "ix_tags", using: "gin", storageParameters: { fastupdate: "off", gin_pending_list_limit: null } },
    ]);
    await expect(run((op) => op.alterIndexOptions("ix_tags", "events", { storageParameters: { fastupdate: false } }))).rejects.toThrow(/^op\.alterIndexOptions ix_tags: storageParameters: "fastupdate" is no btree index storage parameter PostgreSQL knows\.$/);
    await expect(run((op) => op.alterIndexOptions("ix_tags", "events", { storageParameters: {} }))).rejects.toThrow(/changes nothing/);
    await expect(run((op) => op.alterTableOptions("events", { storageParameters: { fillfactor: "ninety" } }))).rejects.toThrow(/fillfactor is "ninety"/);
    await expect(run((op) => op.alterTableOptions("events", { unlogged: "yes" as never }))).rejects.toThrow(/unlogged is "yes"/);
    await expect(run((op) => op.alterTableOptions("events", { storageParameters: { fillfactor: 70, FILLFACTOR: null } }))).rejects.toThrow(/fillfactor is given twice/);
  });
});

describe("render", () => {
  it("a revision writes numbers and booleans as such, and evaluates back to the same statements", async () => {
    const target = model();
    delete target.tables[0]!.unlogged;
    target.tables[0]!.storageParameters = { fillfactor: "60", "toast.autovacuum_enabled": "false", vacuum_index_cleanup: "auto" };
    target.tables[0]!.indexes[1]!.storageParameters = { fastupdate: "true", gin_pending_list_limit: "512" };
    for (const ops of [compare(model(), { tables: [], enums: [] }).operations, compare(target, asReflected()).operations]) {
      const rendered = renderOperations(ops);
      expect(await sqlOf(await evaluate(rendered))).toEqual(await sqlOf(ops));
    }
    const created = renderOperations(compare(model(), { tables: [], enums: [] }).operations).body;
    expect(created).toContain("unlogged: true");
    expect(created).toMatch(/with: \{\s*fillfactor: 70,\s*autovacuum_enabled: false,\s*"toast\.autovacuum_enabled": false,\s*vacuum_index_cleanup: "auto",?\s*\}/);
    expect(created).toMatch(/with: \{ fillfactor: 80, deduplicate_items: false \}/);
    const changed = renderOperations(compare(target, asReflected()).operations).body;
    expect(changed).toMatch(/op\.alterTableOptions\("events", \{\s*unlogged: false,\s*storageParameters: \{ autovacuum_enabled: null, fillfactor: 60 \},\s*existingUnlogged: true,\s*existingStorageParameters: \{ autovacuum_enabled: "off", fillfactor: 70 \},?\s*\}\)/);
    expect(changed).toMatch(/op\.alterIndexOptions\("ix_events_tags", "events", \{\s*using: "gin",\s*storageParameters: \{ fastupdate: true, gin_pending_list_limit: 512 \},\s*existingStorageParameters: \{ fastupdate: false, gin_pending_list_limit: null \},?\s*\}\)/);
  });

  it("warns above a table made UNLOGGED, whose rows a crash empties", () => {
    const made = renderOperations([{ kind: "alterTableOptions", table: "events", unlogged: true, existingUnlogged: false }]).body;
    expect(made).toContain('// WARNING: makes table "events" UNLOGGED: its rows are emptied after a crash and are not replicated to standbys');
    expect(renderOperations([{ kind: "alterTableOptions", table: "events", unlogged: false, existingUnlogged: true }]).body).not.toContain("WARNING");
  });

  it("pull writes unlogged and with on the table and its indexes", () => {
    const source = renderSchemaModule(asReflected(), { dialect: "postgres" });
    expect(source).toContain("unlogged: true");
    expect(source).toMatch(/with: \{\s*fillfactor: 70,\s*autovacuum_enabled: "off",\s*vacuum_index_cleanup: "auto",\s*"toast\.autovacuum_enabled": "0",?\s*\}/);
    expect(source).toMatch(/using: "gin",\s*with: \{ fastupdate: false \}/);
  });
});
