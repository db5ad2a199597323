/**
 * Comments on indexes, constraints and enum types, without a database: the model's comment
 * option (every builder that takes one, and the model error for one that is no string), compare
 * (a comment-only change is setComment on PostgreSQL, a drop and create of the index with a
 * warning on MySQL, nothing where the object is created again anyway), reverse(), the rendered
 * revision code, PostgreSQL's COMMENT ON text for awkward comments, and the MySQL and SQLite
 * refusals.
 */
import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { renderOperations } from "../../../src/autogenerate/render-revision.js";
import type { EnumSchema, IndexSchema, TableSchema } from "../../../src/catalog/types.js";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { normalizeMysqlSchema } from "../../../src/dialects/mysql/compare.js";
import { compile as compileMysql } from "../../../src/dialects/mysql/compile.js";
import { compile as compilePostgres } from "../../../src/dialects/postgres/compile.js";
import { normalizeSqliteSchema } from "../../../src/dialects/sqlite/compare.js";
import { compile as compileSqlite } from "../../../src/dialects/sqlite/compile.js";
import { isMigrateError } from "../../../src/errors.js";
import { check, enumType, exclude, foreignKey, index, integer, primaryKey, table, text, unique } from "../../../src/model/index.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import { createOperations } from "../../../src/operations/create-operations.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { OperationSink } from "../../../src/operations/sink.js";
import type { Operation, SetCommentOp } from "../../../src/operations/types.js";
import { col, db, MYSQL_CAPS, PG_CAPS, SQLITE_CAPS, tbl } from "./fixtures.js";

const ctx: CompileContext = { tableState: () => undefined, offline: false };
const ix = (name: string, column: string, extra: Partial<IndexSchema> = {}): IndexSchema => ({ name, elements: [{ column }], unique: false, where: null, using: null, ...extra });
const orders = (extra: Partial<TableSchema> = {}): TableSchema =>
  tbl("orders", [col("id", "integer", { nullable: false }), col("total", "integer", { nullable: false }), col("customer_id", "integer")], { primaryKey: { name: "orders_pkey", columns: ["id"] }, ...extra });

describe("the comment option in the model", () => {
  it("reaches every index, constraint and enum type that takes one", () => {
    const status = enumType("status", ["new", "paid"], { comment: "where it is" });
    const customers = table("customers", { id: integer().primaryKey({ comment: "the key" }), email: text().unique({ comment: "one each" }) });
    const orders = table(
      "orders",
      { id: integer().primaryKey(), customer_id: integer().references(() => customers, "id", { comment: "the buyer" }), total: integer(), state: status.column(), code: text() },
      (t) => ({
        indexes: [index([t.total], { comment: "big ones" })],
        uniques: [unique([t.code], { comment: "public id" })],
        checks: [check("total >= 0", { comment: "no refunds" })],
        foreignKeys: [foreignKey([t.customer_id], () => customers, ["id"], { name: "orders_customer_fk2", comment: "again" })],
        exclusions: [exclude([[t.total, "="]], { using: "gist", comment: "one per total" })],
      }),
    );
    const schema = schemaFromModel({ status, customers, orders });
    const c = schema.tables.find((t) => t.name === "customers")!;
    const o = schema.tables.find((t) => t.name === "orders")!;
    expect(c.primaryKey?.comment).toBe("the key");
    expect(c.uniques[0]?.comment).toBe("one each");
    expect(o.indexes[0]?.comment).toBe("big ones");
    expect(o.uniques[0]?.comment).toBe("public id");
    expect(o.checks[0]?.comment).toBe("no refunds");
    expect(o.foreignKeys.map((fk) => fk.comment).sort()).toEqual(["again", "the buyer"]);
    expect(o.exclusions?.[0]?.comment).toBe("one per total");
    expect(schema.enums).toEqual([{ schema: null, name: "status", values: ["new", "paid"], comment: "where it is" }]);
    // No comment, no field: an uncommented object compares as before.
    expect(o.primaryKey).not.toHaveProperty("comment");
  });

  it("keeps an enum's comment when only its columns name it", () => {
    const mood = enumType("mood", ["sad", "ok"], { comment: "how it feels" });
    const people = table("people", { id: integer().primaryKey(), mood: mood.column() });
    expect(schemaFromModel({ people }).enums).toEqual([{ schema: null, name: "mood", values: ["sad", "ok"], comment: "how it feels" }]);
  });

  it("refuses a comment that is no string with a model error", () => {
    const t = table("t", { id: integer().primaryKey() }, (c) => ({ indexes: [index([c.id], { comment: 42 as unknown as string })] }));
    let error: unknown;
    try {
      schemaFromModel({ t });
    } catch (e) {
      error = e;
    }
    expect(isMigrateError(error) && error.code === "model" && error.message).toBe("The comment of an index on table t is 42, not a string.");
  });
});

describe("compare: comments", () => {
  const pg = { capabilities: PG_CAPS };

  it("a comment-only change of an index, a check, a key and an enum is setComment, reversed by the previous comment", () => {
    const before = orders({ indexes: [ix("ix_total", "total", { comment: "old" })], checks: [{ name: "orders_total_check", expression: "total >= 0" }] });
    const after = orders({ indexes: [ix("ix_total", "total")], checks: [{ name: "orders_total_check", expression: "total >= 0", comment: "it's\nnew" }], primaryKey: { name: null, columns: ["id"], comment: "the key" } });
    const enums = (comment?: string): EnumSchema[] => [{ schema: null, name: "mood", values: ["ok"], ...(comment ? { comment } : {}) }];
    const { operations } = compareSchemas(db([after], enums("now")), db([before], enums()), pg);
    const expected: SetCommentOp[] = [
      { kind: "setComment", on: "enum", name: "mood", comment: "now", existingComment: null },
      { kind: "setComment", on: "index", table: "orders", name: "ix_total", comment: null, existingComment: "old" },
      { kind: "setComment", on: "constraint", table: "orders", name: "orders_pkey", comment: "the key", existingComment: null },
      { kind: "setComment", on: "constraint", table: "orders", name: "orders_total_check", comment: "it's\nnew", existingComment: null },
    ];
    expect([...operations].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([...expected].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    expect(reverseAll(operations)).toEqual([...operations].reverse().map((op) => ({ ...op, comment: (op as SetCommentOp).existingComment, existingComment: (op as SetCommentOp).comment })));
    // The database then holds what the model says: nothing more to do.
    expect(compareSchemas(db([after], enums("now")), db([after], enums("now")), pg).operations).toEqual([]);
  });

  it("an empty comment is no comment", () => {
    expect(compareSchemas(db([orders({ indexes: [ix("ix_total", "total", { comment: "" })] })]), db([orders({ indexes: [ix("ix_total", "total")] })]), pg).operations).toEqual([]);
  });

  it("an index created again for its definition carries the new comment, with no setComment", () => {
    const { operations } = compareSchemas(db([orders({ indexes: [ix("ix_total", "total", { unique: true, comment: "new" })] })]), db([orders({ indexes: [ix("ix_total", "total", { comment: "old" })] })]), pg);
    expect(operations.map((op) => op.kind)).toEqual(["dropIndex", "createIndex"]);
    expect((operations[1] as Extract<Operation, { kind: "createIndex" }>).index.comment).toBe("new");
  });

  it("MySQL: a changed index comment drops and creates the index, and says why", () => {
    const { operations, warnings } = compareSchemas(db([orders({ indexes: [ix("ix_total", "total", { comment: "new" })] })]), db([orders({ indexes: [ix("ix_total", "total", { comment: "old" })] })]), { capabilities: { ...MYSQL_CAPS, indexCommentsInDefinition: true } });
    expect(operations).toEqual([
      { kind: "dropIndex", table: "orders", name: "ix_total", existing: ix("ix_total", "total", { comment: "old" }) },
      { kind: "createIndex", table: "orders", index: ix("ix_total", "total", { comment: "new" }) },
    ]);
    expect(warnings).toContain("index ix_total on orders: its comment is part of its definition and cannot be changed in place, so the revision drops the index and creates it again with the new comment");
  });
});

describe("rendering and quoting", () => {
  const awkward = "it's \"quoted\"\nC:\\tmp $$ body $$";

  it("writes setComment as one readable call, and the enum's comment among createEnum's options", () => {
    const ops: Operation[] = [
      { kind: "createEnum", enum: { schema: null, name: "mood", values: ["ok"], comment: awkward } },
      { kind: "setComment", on: "index", table: "orders", name: "ix_total", comment: awkward, existingComment: null },
    ];
    // The printer's line breaks (and the trailing commas they bring) taken out.
    const code = renderOperations(ops).body.replace(/\n\s*/g, " ").replace(/([({[]) /g, "$1").replace(/,? ([)}\]])/g, " $1").replace(/\( /g, "(").replace(/ \)/g, ")");
    expect(code).toContain(`op.createEnum("mood", ["ok"], {comment: ${JSON.stringify(awkward)} })`);
    expect(code).toContain(`await op.setComment({on: "index", table: "orders", name: "ix_total", comment: ${JSON.stringify(awkward)}, existingComment: null });`);
  });

  it("PostgreSQL quotes the comment with its one literal function: doubled quotes, E'' for backslashes, $$ and newlines as they are", async () => {
    const [statement] = await compilePostgres({ kind: "setComment", on: "constraint", schema: "app", table: "orders", name: 'odd"name', comment: awkward }, ctx);
    expect(statement!.sql).toBe(`COMMENT ON CONSTRAINT "odd""name" ON "app"."orders" IS E'it''s "quoted"\nC:\\\\tmp $$ body $$'`);
    expect(statement!.params).toBeUndefined();
  });

  it("PostgreSQL comments what it creates right after creating it", async () => {
    const statements = await compilePostgres({ kind: "createIndex", table: "orders", index: ix("ix_total", "total", { comment: "big" }) }, ctx);
    expect(statements.map((s) => s.sql)).toEqual(['CREATE INDEX "ix_total" ON "orders" ("total")', `COMMENT ON INDEX "ix_total" IS 'big'`]);
    const checks = await compilePostgres({ kind: "createCheckConstraint", table: "orders", constraint: { name: "orders_total_check", expression: "total >= 0", comment: "no refunds" } }, ctx);
    expect(checks.map((s) => s.sql)).toEqual(['ALTER TABLE "orders" ADD CONSTRAINT "orders_total_check" CHECK (total >= 0)', `COMMENT ON CONSTRAINT "orders_total_check" ON "orders" IS 'no refunds'`]);
  });

  it("MySQL writes an index comment in the index's definition, quoted by its literal function", async () => {
    const [statement] = await compileMysql({ kind: "createIndex", table: "orders", index: ix("ix_total", "total", { comment: awkward }) }, ctx);
    expect(statement!.sql).toBe("CREATE INDEX `ix_total` ON `orders` (`total`) COMMENT 'it''s \"quoted\"\nC:\\\\tmp $$ body $$'");
  });
});

describe("refusals", () => {
  const refusal = async (run: () => unknown): Promise<{ message: string; hint?: string }> => {
    try {
      await run();
    } catch (e) {
      if (isMigrateError(e)) return { message: e.message, hint: e.hint };
      throw e;
    }
    throw new Error("not refused");
  };

  it("MySQL refuses a constraint's and an enum type's comment, saying what to do instead", async () => {
    const commented = orders({ checks: [{ name: "orders_total_check", expression: "total >= 0", comment: "no refunds" }] });
    expect(await refusal(() => normalizeMysqlSchema(db([commented])))).toEqual({
      message: "MySQL keeps no constraint comments (the comment on constraint orders_total_check on orders).",
      hint: "Remove comment from the constraint (unique, check, foreignKey, .references, primaryKey or exclude) for MySQL; MySQL keeps comments on tables, columns and indexes only, so put the note in the table's or a column's comment.",
    });
    expect((await refusal(() => normalizeMysqlSchema(db([], [{ name: "mood", values: ["ok"], comment: "x" }])))).message).toBe("MySQL keeps no enum type comments (the comment on enum type mood).");
    expect((await refusal(() => compileMysql({ kind: "createTable", table: commented }, ctx))).message).toBe("MySQL keeps no constraint comments (the comment on constraint orders_total_check on orders).");
    // An index's comment it keeps.
    expect(() => normalizeMysqlSchema(db([orders({ indexes: [ix("ix_total", "total", { comment: "kept" })] })]))).not.toThrow();
  });

  it("SQLite refuses all three with the same message", async () => {
    expect(await refusal(() => normalizeSqliteSchema(db([orders({ indexes: [ix("ix_total", "total", { comment: "big" })] })])))).toEqual({
      message: "SQLite keeps no index comments (the comment on index ix_total on orders).",
      hint: "Remove comment from index(...) for SQLite; SQLite stores no comments, so keep the note as a code comment in schema.ts.",
    });
    expect((await refusal(() => compileSqlite({ kind: "createCheckConstraint", table: "orders", constraint: { name: "c", expression: "1", comment: "x" } }, ctx))).message).toBe("SQLite keeps no constraint comments (the comment on constraint c on orders).");
    expect((await refusal(() => compileSqlite({ kind: "batchAlterTable", table: "orders", operations: [{ kind: "createIndex", table: "orders", index: ix("ix", "total", { comment: "x" }) }] }, ctx))).message).toBe("SQLite keeps no index comments (the comment on index ix on orders).");
    expect(compareSchemas(db([orders()]), db([orders()]), { capabilities: SQLITE_CAPS, normalize: normalizeSqliteSchema }).operations).toEqual([]);
  });

  it("PostgreSQL refuses a commented constraint without a name: COMMENT ON CONSTRAINT finds it by name", async () => {
    expect((await refusal(() => compilePostgres({ kind: "createUniqueConstraint", table: "orders", constraint: { name: null, columns: ["total"], comment: "x" } }, ctx))).message).toBe(
      "A constraint of orders has a comment and no name: COMMENT ON CONSTRAINT finds a constraint by its name.",
    );
  });
});

describe("op.setComment", () => {
  /** The operations one call records, on a façade of its own (a failed call fails the queue behind it). */
  const recorded = async (spec: Parameters<ReturnType<typeof createOperations>["operations"]["setComment"]>[0]): Promise<Operation[]> => {
    const ops: Operation[] = [];
    const sink: OperationSink = { dialect: "postgres", offline: true, run: async (op) => void ops.push(op), query: async () => [] };
    const { operations, flush } = createOperations(sink);
    await operations.setComment(spec);
    await flush();
    return ops;
  };

  it("builds the operation", async () => {
    expect(await recorded({ on: "constraint", table: "orders", name: "orders_total_check", comment: "no refunds", existingComment: null })).toEqual([
      { kind: "setComment", on: "constraint", table: "orders", name: "orders_total_check", comment: "no refunds", existingComment: null },
    ]);
  });

  it("refuses an index or constraint without its table and an enum with one", async () => {
    await expect(recorded({ on: "index", name: "ix_total", comment: "x" })).rejects.toThrow("op.setComment ix_total: the index's table is missing.");
    await expect(recorded({ on: "enum", table: "orders", name: "mood", comment: "x" })).rejects.toThrow("op.setComment mood: an enum type has no table.");
  });
});

// The primary key's index options are the key's: primaryKey([...], { comment }) reaches it too.
it("primaryKey([...]) takes a comment", () => {
  const t = table("t", { a: integer(), b: integer() }, () => ({ primaryKey: primaryKey(["a", "b"], { comment: "pair" }) }));
  expect(schemaFromModel({ t }).tables[0]!.primaryKey).toMatchObject({ columns: ["a", "b"], comment: "pair" });
});
