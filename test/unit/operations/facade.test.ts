import { describe, expect, it } from "vitest";
import { createOperations } from "../../../src/operations/index.js";
import {
  check, foreignKey, index, integer, primaryKey, serial, sql, table, text, timestamp, unique, varchar,
} from "../../../src/model/index.js";
import { MigrateError } from "../../../src/errors.js";
import type { Operation } from "../../../src/operations/types.js";
import { RecordingSink } from "./recording-sink.js";

async function record(build: (op: ReturnType<typeof createOperations>["operations"]) => unknown): Promise<Operation[]> {
  const sink = new RecordingSink();
  const handle = createOperations(sink);
  await build(handle.operations);
  await handle.flush();
  return sink.received;
}

async function one(build: (op: ReturnType<typeof createOperations>["operations"]) => unknown): Promise<Operation> {
  const ops = await record(build);
  expect(ops).toHaveLength(1);
  return ops[0]!;
}

describe("op façade: tables and columns", () => {
  it("createTable builds the full table with conventional names", async () => {
    const op = await one((op) =>
      op.createTable(
        "orders",
        { id: serial().primaryKey(), userId: integer().notNull().references("users", "id", { onDelete: "CASCADE" }), note: text().unique() },
        { schema: "shop", comment: "orders", indexes: [index(["userId"])], checks: [check("id > 0")] },
      ),
    );
    expect(op).toEqual({
      kind: "createTable",
      table: {
        schema: "shop",
        name: "orders",
        columns: [
          { name: "id", type: { kind: "integer" }, nullable: false, default: null, generated: { kind: "autoincrement" }, comment: null, onUpdate: null, collation: null },
          { name: "userId", type: { kind: "integer" }, nullable: false, default: null, generated: null, comment: null, onUpdate: null, collation: null },
          { name: "note", type: { kind: "text" }, nullable: true, default: null, generated: null, comment: null, onUpdate: null, collation: null },
        ],
        primaryKey: { name: "orders_pkey", columns: ["id"] },
        foreignKeys: [
          { name: "orders_userId_fkey", columns: ["userId"], referencedSchema: "shop", referencedTable: "users", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: null, deferrable: false, initiallyDeferred: false },
        ],
        uniques: [{ name: "orders_note_key", columns: ["note"] }],
        checks: [{ name: "orders_id_check", expression: "id > 0" }],
        indexes: [{ name: "ix_orders_userId", elements: [{ column: "userId" }], unique: false, where: null, using: null }],
        comment: "orders",
      },
    });
  });

  it("createTable takes composite keys, uniques and foreign keys from extras", async () => {
    const op = await one((op) =>
      op.createTable("lines", { a: integer(), b: integer() }, { primaryKey: primaryKey(["a", "b"]), uniques: [unique(["b"])], foreignKeys: [foreignKey(["a"], "orders", ["id"])] }),
    );
    expect(op.kind === "createTable" && op.table.primaryKey).toEqual({ name: "lines_pkey", columns: ["a", "b"] });
    expect(op.kind === "createTable" && op.table.columns.every((c) => !c.nullable)).toBe(true);
    expect(op.kind === "createTable" && op.table.foreignKeys[0]!.referencedSchema).toBeNull();
  });

  it("createTable uses the naming overrides it is given", async () => {
    const sink = new RecordingSink();
    const { operations, flush } = createOperations(sink, { naming: { primaryKey: "pk_{table}" } });
    void operations.createTable("t", { id: integer().primaryKey() });
    await flush();
    expect(sink.received[0]!.kind === "createTable" && sink.received[0]!.table.primaryKey?.name).toBe("pk_t");
  });

  it("dropTable, renameTable", async () => {
    const existing = { name: "t", columns: [], foreignKeys: [], uniques: [], checks: [], indexes: [] };
    expect(await one((op) => op.dropTable("t", { schema: "s", existing }))).toEqual({ kind: "dropTable", schema: "s", table: "t", existing });
    expect(await one((op) => op.dropTable("t"))).toEqual({ kind: "dropTable", table: "t" });
    expect(await one((op) => op.renameTable("a", "b", { schema: "s" }))).toEqual({ kind: "renameTable", schema: "s", from: "a", to: "b" });
  });

  it("addColumn and dropColumn", async () => {
    expect(await one((op) => op.addColumn("users", "email", varchar(255).notNull().default("x"), { schema: "app" }))).toEqual({
      kind: "addColumn",
      schema: "app",
      table: "users",
      column: { name: "email", type: { kind: "varchar", length: 255 }, nullable: false, default: { kind: "literal", value: "x" }, generated: null, comment: null, onUpdate: null, collation: null },
    });
    expect(await one((op) => op.dropColumn("users", "email"))).toEqual({ kind: "dropColumn", table: "users", column: "email" });
    const dropped = await one((op) => op.dropColumn("users", "email", { existing: varchar(255).notNull() }));
    expect(dropped).toMatchObject({ kind: "dropColumn", existing: { name: "email", type: { kind: "varchar", length: 255 }, nullable: false } });
  });

  it("alterColumn converts types and defaults and keeps existing state", async () => {
    const op = await one((op) =>
      op.alterColumn("users", "email", {
        type: varchar(320),
        nullable: false,
        default: sql`''`,
        comment: null,
        newName: "mail",
        using: "email::varchar(320)",
        existingType: { kind: "varchar", length: 255 },
        existingNullable: true,
        existingDefault: null,
        existingComment: "old",
      }),
    );
    expect(op).toEqual({
      kind: "alterColumn",
      table: "users",
      column: "email",
      newName: "mail",
      type: { kind: "varchar", length: 320 },
      nullable: false,
      default: { kind: "sql", sql: "''" },
      comment: null,
      using: "email::varchar(320)",
      existingType: { kind: "varchar", length: 255 },
      existingNullable: true,
      existingDefault: null,
      existingComment: "old",
    });
    expect(await one((op) => op.alterColumn("t", "c", { default: 5, existingDefault: { kind: "sql", sql: "now()" } }))).toMatchObject({
      default: { kind: "literal", value: 5 },
      existingDefault: { kind: "sql", sql: "now()" },
    });
  });
});

describe("op façade: indexes, constraints, comments, enums, SQL", () => {
  it("createIndex and dropIndex", async () => {
    expect(await one((op) => op.createIndex("ix_lower", "users", ["id", sql`lower(email)`, { column: "name", descending: true }], { unique: true, where: "active", using: "btree", concurrently: true, schema: "app" }))).toEqual({
      kind: "createIndex",
      schema: "app",
      table: "users",
      index: { name: "ix_lower", elements: [{ column: "id" }, { expression: "lower(email)" }, { column: "name", descending: true }], unique: true, where: "active", using: "btree" },
      concurrently: true,
    });
    expect(await one((op) => op.dropIndex("ix_lower", { table: "users", concurrently: true, ifExists: true }))).toEqual({ kind: "dropIndex", table: "users", name: "ix_lower", concurrently: true, ifExists: true });
  });

  it("constraint operations", async () => {
    expect(await one((op) => op.createPrimaryKey("t_pkey", "t", ["a", "b"]))).toEqual({ kind: "createPrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["a", "b"] } });
    expect(await one((op) => op.createForeignKey("fk", "orders", "users", ["user_id"], ["id"], { onDelete: "CASCADE", onUpdate: "NO ACTION", deferrable: true, initiallyDeferred: true, referencedSchema: "auth", schema: "shop" }))).toEqual({
      kind: "createForeignKey",
      schema: "shop",
      table: "orders",
      constraint: { name: "fk", columns: ["user_id"], referencedSchema: "auth", referencedTable: "users", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: "NO ACTION", deferrable: true, initiallyDeferred: true },
    });
    expect(await one((op) => op.createUniqueConstraint("uq", "t", ["a"]))).toEqual({ kind: "createUniqueConstraint", table: "t", constraint: { name: "uq", columns: ["a"] } });
    expect(await one((op) => op.createCheckConstraint("ck", "t", sql`a > 0`))).toEqual({ kind: "createCheckConstraint", table: "t", constraint: { name: "ck", expression: "a > 0" } });
    expect(await one((op) => op.dropConstraint("fk", "orders", { type: "foreignKey" }))).toEqual({ kind: "dropConstraint", table: "orders", name: "fk", type: "foreignKey" });
    expect(await one((op) => op.dropConstraint("ck", "t", { type: "check", existing: { name: "ck", expression: "a > 0" } }))).toEqual({
      kind: "dropConstraint",
      table: "t",
      name: "ck",
      type: "check",
      existing: { type: "check", constraint: { name: "ck", expression: "a > 0" } },
    });
  });

  it("table comments", async () => {
    expect(await one((op) => op.createTableComment("t", "hello", { existingComment: null }))).toEqual({ kind: "createTableComment", table: "t", comment: "hello", existingComment: null });
    expect(await one((op) => op.dropTableComment("t", { existingComment: "hello" }))).toEqual({ kind: "dropTableComment", table: "t", existingComment: "hello" });
  });

  it("enum operations", async () => {
    expect(await one((op) => op.createEnum("mood", ["sad", "ok"], { schema: "app" }))).toEqual({ kind: "createEnum", enum: { schema: "app", name: "mood", values: ["sad", "ok"] } });
    expect(await one((op) => op.dropEnum("mood", { existingValues: ["sad"] }))).toEqual({ kind: "dropEnum", name: "mood", existing: { schema: null, name: "mood", values: ["sad"] } });
    expect(await one((op) => op.addEnumValue("mood", "happy", { after: "ok", existingValues: ["sad", "ok"] }))).toEqual({ kind: "addEnumValue", name: "mood", value: "happy", after: "ok", existingValues: ["sad", "ok"] });
    expect(await one((op) => op.renameEnumValue("mood", "ok", "fine"))).toEqual({ kind: "renameEnumValue", name: "mood", from: "ok", to: "fine" });
  });

  it("execute keeps bound values apart from the SQL", async () => {
    const id = 7;
    expect(await one((op) => op.execute(sql`DELETE FROM t WHERE id = ${id}`, { reverse: "SELECT 1" }))).toEqual({
      kind: "execute",
      sql: { strings: ["DELETE FROM t WHERE id = ", ""], values: [7] },
      reverse: "SELECT 1",
    });
  });

  it("bulkInsert with a name, explicit column types, or a table object", async () => {
    const rows = [{ id: 1, name: "a" }];
    expect(await one((op) => op.bulkInsert("t", rows))).toEqual({ kind: "bulkInsert", table: "t", rows });
    expect(await one((op) => op.bulkInsert("t", rows, { columns: { id: integer(), name: { kind: "text" } } }))).toMatchObject({ columns: [{ name: "id", type: { kind: "integer" } }, { name: "name", type: { kind: "text" } }] });
    const people = table("people", { id: integer(), at: timestamp() }, { schema: "app" });
    expect(await one((op) => op.bulkInsert(people, [{ id: 1 }]))).toEqual({
      kind: "bulkInsert",
      schema: "app",
      table: "people",
      rows: [{ id: 1 }],
      columns: [{ name: "id", type: { kind: "integer" } }, { name: "at", type: { kind: "timestamp" } }],
    });
  });

  it("bulkInsert snapshots its rows at call time", async () => {
    const rows: Record<string, unknown>[] = [{ id: 1 }];
    const ops = await record((op) => {
      void op.bulkInsert("t", rows);
      rows[0]!.id = 2;
      rows.push({ id: 3 });
    });
    expect(ops[0]).toMatchObject({ rows: [{ id: 1 }] });
  });

  it("batchAlterTable collects table-level operations into one", async () => {
    const op = await one((op) =>
      op.batchAlterTable(
        "users",
        (batch) => {
          batch.addColumn("age", integer());
          batch.alterColumn("name", { nullable: false, existingNullable: true });
          batch.dropColumn("legacy");
          batch.createIndex("ix_age", ["age"]);
          batch.dropIndex("ix_old");
          batch.createPrimaryKey("pk", ["id"]);
          batch.createForeignKey("fk", "teams", ["team_id"], ["id"]);
          batch.createUniqueConstraint("uq", ["age"]);
          batch.createCheckConstraint("ck", "age >= 0");
          batch.dropConstraint("old_ck", { type: "check" });
          batch.createTableComment("people");
          batch.dropTableComment();
        },
        { recreate: "always", schema: "app" },
      ),
    );
    expect(op.kind).toBe("batchAlterTable");
    if (op.kind !== "batchAlterTable") return;
    expect(op).toMatchObject({ schema: "app", table: "users", recreate: "always" });
    expect(op.operations.map((o) => o.kind)).toEqual([
      "addColumn", "alterColumn", "dropColumn", "createIndex", "dropIndex", "createPrimaryKey",
      "createForeignKey", "createUniqueConstraint", "createCheckConstraint", "dropConstraint", "createTableComment", "dropTableComment",
    ]);
    expect(op.operations.every((o) => o.table === "users" && o.schema === "app")).toBe(true);
    expect(op.operations[6]).toMatchObject({ constraint: { referencedSchema: "app", referencedTable: "teams" } });
  });

  it("exposes the sink's dialect and offline flag", () => {
    const { operations } = createOperations(new RecordingSink("sqlite", true));
    expect(operations.dialect).toBe("sqlite");
    expect(operations.offline).toBe(true);
  });
});

describe("op façade: ordering and failures", () => {
  it("delivers operations in call order when nothing is awaited", async () => {
    const sink = new RecordingSink();
    const { operations: op, flush } = createOperations(sink);
    const names = Array.from({ length: 12 }, (_, i) => `t${i}`);
    for (const name of names) void op.dropTable(name);
    await flush();
    expect(sink.received.map((o) => (o.kind === "dropTable" ? o.table : ""))).toEqual(names);
  });

  it("runs a query after every earlier operation", async () => {
    const sink = new RecordingSink();
    const { operations: op, flush } = createOperations(sink);
    void op.execute("SELECT 1");
    void op.execute("SELECT 2");
    const rows = await op.query<{ seen: number }>("SELECT count(*) FROM t");
    void op.execute("SELECT 3");
    await flush();
    expect(rows).toEqual([{ seen: 2 }]);
    expect(sink.received).toHaveLength(3);
  });

  it("stops at the first failure and reports it from flush", async () => {
    const sink = new RecordingSink("postgres", false, (o) => o.kind === "dropTable");
    const { operations: op, flush } = createOperations(sink);
    void op.execute("SELECT 1");
    const failing = op.dropTable("t");
    const later = op.execute("SELECT 2");
    await expect(failing).rejects.toThrow("sink refused dropTable");
    await expect(later).rejects.toThrow("sink refused dropTable");
    await expect(flush()).rejects.toThrow("sink refused dropTable");
    expect(sink.received.map((o) => o.kind)).toEqual(["execute"]);
  });

  it("reports an argument error in order: earlier calls run, later ones do not", async () => {
    const sink = new RecordingSink();
    const { operations: op, flush } = createOperations(sink);
    void op.execute("SELECT 1");
    void op.addColumn("t", "", integer());
    void op.execute("SELECT 2");
    const error = await flush().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe("script");
    expect((error as MigrateError).message).toBe("op.addColumn: the column name is empty.");
    expect(sink.received).toHaveLength(1);
  });

  it("flush resolves when everything succeeded", async () => {
    const sink = new RecordingSink();
    const { operations: op, flush } = createOperations(sink);
    await op.execute("SELECT 1");
    await expect(flush()).resolves.toBeUndefined();
  });
});

describe("op façade: argument validation", () => {
  const rejects = async (build: (op: ReturnType<typeof createOperations>["operations"]) => Promise<unknown>, message: string | RegExp): Promise<void> => {
    const { operations } = createOperations(new RecordingSink());
    await expect(build(operations)).rejects.toThrow(message);
  };

  it("empty names and column lists", async () => {
    await rejects((op) => op.dropTable(""), "op.dropTable: the table name is empty.");
    await rejects((op) => op.createTable("t", {}), "op.createTable t has no columns.");
    await rejects((op) => op.createTable("", { a: integer() }), "op.createTable: the table name is empty.");
    await rejects((op) => op.renameTable("a", " "), "op.renameTable: the new name is empty.");
    await rejects((op) => op.createIndex("ix", "t", []), "op.createIndex ix lists no columns.");
    await rejects((op) => op.createIndex("", "t", ["a"]), "op.createIndex: the index name is empty.");
    await rejects((op) => op.createPrimaryKey("pk", "t", []), "op.createPrimaryKey pk lists no columns.");
    await rejects((op) => op.createUniqueConstraint("uq", "t", [""]), "op.createUniqueConstraint uq: column 1 is empty.");
    await rejects((op) => op.createForeignKey("fk", "a", "b", ["x"], []), "op.createForeignKey fk: the referenced columns lists no columns.");
    await rejects((op) => op.createCheckConstraint("ck", "t", ""), "op.createCheckConstraint ck: the condition is empty.");
    await rejects((op) => op.dropIndex("ix", { table: "" }), "op.dropIndex ix: the table name is empty.");
    await rejects((op) => op.execute("  "), "op.execute: the SQL is empty.");
    await rejects((op) => op.query(""), "op.query: the SQL is empty.");
  });

  it("mismatched foreign key columns", async () => {
    await rejects((op) => op.createForeignKey("fk", "a", "b", ["x", "y"], ["id"]), /has 2 column\(s\) but references 1 column\(s\) of b/);
  });

  it("column builders with keys in addColumn", async () => {
    await rejects((op) => op.addColumn("t", "u", integer().references("x", "id")), /cannot be used here/);
  });

  it("alterColumn that changes nothing, or whose type carries more than a type", async () => {
    await rejects((op) => op.alterColumn("t", "c", { existingNullable: true }), "op.alterColumn t.c changes nothing.");
    await rejects((op) => op.alterColumn("t", "c", { type: varchar(3).notNull() }), /type carries more than a type/);
  });

  it("dropConstraint without a known type", async () => {
    await rejects((op) => op.dropConstraint("x", "t", { type: "index" } as never), /type must be one of primaryKey, foreignKey, unique, check/);
  });

  it("enum arguments", async () => {
    await rejects((op) => op.createEnum("e", []), "Enum e has no values.");
    await rejects((op) => op.addEnumValue("e", "a", { before: "b", after: "c" }), /both before and after/);
    await rejects((op) => op.addEnumValue("e", "a", { existingValues: ["a"] }), /already one of existingValues/);
  });

  it("bulkInsert rows that are not objects", async () => {
    await rejects((op) => op.bulkInsert("t", [1 as never]), "op.bulkInsert t: rows must be an array of objects.");
  });

  it("batch misuse", async () => {
    await rejects((op) => op.batchAlterTable("t", () => undefined), /the batch contains no operations/);
    await rejects((op) => op.batchAlterTable("t", (async (b: { addColumn: (n: string, c: ReturnType<typeof integer>) => void }) => b.addColumn("a", integer())) as never), /returned a promise/);
    await rejects((op) => op.batchAlterTable("t", () => undefined, { recreate: "sometimes" as never }), /recreate must be/);
    let kept: { addColumn(name: string, column: ReturnType<typeof integer>): void } | undefined;
    const { operations, flush } = createOperations(new RecordingSink());
    void operations.batchAlterTable("t", (b) => {
      kept = b;
      b.dropColumn("x");
    });
    await flush();
    expect(() => kept!.addColumn("late", integer())).toThrow(/used after its callback returned/);
  });

  it("an empty batch is allowed when the table is rebuilt on purpose", async () => {
    expect(await one((op) => op.batchAlterTable("t", () => undefined, { recreate: "always" }))).toEqual({ kind: "batchAlterTable", table: "t", operations: [], recreate: "always" });
  });
});
