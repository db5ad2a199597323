/**
 * Golden SQL for every operation kind on PostgreSQL. The cases are a Record<OperationKind, …>,
 * so adding an operation kind fails to typecheck until it has golden SQL here.
 */
import { describe, expect, it } from "vitest";
import type { CompileContext } from "../../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../../src/dialects/postgres/index.js";
import { sql } from "../../../../src/core/sql.js";
import type { OperationKind } from "../../../../src/operations/types.js";
import { col, tableCases, type Case, type Cases } from "./golden-cases.js";

const offline: CompileContext = { offline: true, tableState: () => undefined };

const cases: Cases = {
  ...tableCases,
  dropTable: [{ name: "schema-qualified", op: { kind: "dropTable", schema: "app", table: "users" }, expected: [{ sql: 'DROP TABLE "app"."users"' }] }],
  renameTable: [{ name: "keeps the schema", op: { kind: "renameTable", schema: "app", from: "users", to: "people" }, expected: [{ sql: 'ALTER TABLE "app"."users" RENAME TO "people"' }] }],
  addColumn: [
    {
      name: "with default, not null and comment",
      op: { kind: "addColumn", table: "users", column: col("nick", { kind: "varchar", length: 40 }, { nullable: false, default: { kind: "literal", value: "it's" }, comment: "shown name" }) },
      expected: [
        { sql: "ALTER TABLE \"users\" ADD COLUMN \"nick\" varchar(40) DEFAULT 'it''s' NOT NULL" },
        { sql: "COMMENT ON COLUMN \"users\".\"nick\" IS 'shown name'" },
      ],
    },
    {
      // DEFAULT takes PostgreSQL's restricted b_expr: AT TIME ZONE, AND, IS … only inside parentheses.
      name: "an expression default of more than one term is parenthesised; one term is not",
      op: { kind: "addColumn", table: "users", column: col("at", { kind: "timestamp" }, { default: { kind: "sql", sql: "now() at time zone 'utc'" } }) },
      expected: [{ sql: "ALTER TABLE \"users\" ADD COLUMN \"at\" timestamp DEFAULT (now() at time zone 'utc')" }],
    },
    {
      name: "a function call, a cast literal and an array stay as written",
      op: { kind: "addColumn", table: "users", column: col("tags", { kind: "array", of: { kind: "integer" } }, { default: { kind: "sql", sql: "ARRAY[1, 2]::integer[]" } }) },
      expected: [{ sql: 'ALTER TABLE "users" ADD COLUMN "tags" integer[] DEFAULT ARRAY[1, 2]::integer[]' }],
    },
    {
      name: "autoincrement becomes serial",
      op: { kind: "addColumn", table: "users", column: col("n", { kind: "integer" }, { nullable: false, generated: { kind: "autoincrement" } }) },
      expected: [{ sql: 'ALTER TABLE "users" ADD COLUMN "n" serial NOT NULL' }],
    },
    {
      name: "a collation with its schema stays qualified",
      op: { kind: "addColumn", table: "users", column: col("nick", { kind: "text" }, { collation: "c", collationSchema: "s" }) },
      expected: [{ sql: 'ALTER TABLE "users" ADD COLUMN "nick" text COLLATE "s"."c"' }],
    },
  ],
  dropColumn: [{ name: "plain", op: { kind: "dropColumn", schema: "app", table: "users", column: "nick" }, expected: [{ sql: 'ALTER TABLE "app"."users" DROP COLUMN "nick"' }] }],
  createIndex: [
    {
      name: "unique composite partial with expression, method and IF NOT EXISTS",
      op: {
        kind: "createIndex",
        schema: "app",
        table: "users",
        ifNotExists: true,
        index: { name: "users_lower_email", unique: true, elements: [{ expression: "lower(email)" }, { column: "org_id", descending: true }], where: "deleted_at IS NULL", using: "btree" },
      },
      expected: [{ sql: 'CREATE UNIQUE INDEX IF NOT EXISTS "users_lower_email" ON "app"."users" USING "btree" ((lower(email)), "org_id" DESC) WHERE deleted_at IS NULL' }],
    },
    {
      name: "CONCURRENTLY is non-transactional",
      op: { kind: "createIndex", table: "docs", concurrently: true, index: { name: "docs_body", unique: false, elements: [{ column: "body" }], using: "gin" } },
      expected: [{ sql: 'CREATE INDEX CONCURRENTLY "docs_body" ON "docs" USING "gin" ("body")', transactional: false }],
    },
    {
      name: "element collation with its schema, operator class, order and NULLS; NULLS NOT DISTINCT",
      op: {
        kind: "createIndex",
        table: "t",
        index: {
          name: "ix",
          unique: true,
          nullsNotDistinct: true,
          include: ["d", "e"],
          elements: [
            { column: "a", collation: "c", collationSchema: "s", opclass: "text_pattern_ops", descending: true, nulls: "last" },
            { expression: "lower(b)", collation: "C", nulls: "first" },
            { column: "c", opclass: "ops", opclassSchema: "s" },
          ],
          where: "a IS NOT NULL",
        },
      },
      expected: [{ sql: 'CREATE UNIQUE INDEX "ix" ON "t" ("a" COLLATE "s"."c" "text_pattern_ops" DESC NULLS LAST, (lower(b)) COLLATE "C" NULLS FIRST, "c" "s"."ops") INCLUDE ("d", "e") NULLS NOT DISTINCT WHERE a IS NOT NULL' }],
    },
  ],
  dropIndex: [
    { name: "schema-qualified", op: { kind: "dropIndex", schema: "app", table: "users", name: "users_lower_email" }, expected: [{ sql: 'DROP INDEX "app"."users_lower_email"' }] },
    {
      name: "CONCURRENTLY IF EXISTS",
      op: { kind: "dropIndex", table: "docs", name: "docs_body", concurrently: true, ifExists: true },
      expected: [{ sql: 'DROP INDEX CONCURRENTLY IF EXISTS "docs_body"', transactional: false }],
    },
  ],
  replacePrimaryKey: [
    {
      name: "dropped by its name and added in one statement",
      op: { kind: "replacePrimaryKey", table: "m", constraint: { name: "m_pkey", columns: ["a", "b"] }, existing: { name: "m_pkey", columns: ["a"] } },
      expected: [{ sql: 'ALTER TABLE "m" DROP CONSTRAINT "m_pkey", ADD CONSTRAINT "m_pkey" PRIMARY KEY ("a", "b")' }],
    },
  ],
  // Collation and engine are refused: see "refuses what PostgreSQL has no statement for" below.
  alterTableOptions: [
    {
      name: "persistence first, then SET and RESET in one statement, names quoted",
      op: { kind: "alterTableOptions", schema: "app", table: "m", unlogged: true, existingUnlogged: false, storageParameters: { fillfactor: "70", "toast.autovacuum_enabled": "false", vacuum_index_cleanup: "auto", autovacuum_enabled: null } },
      expected: [
        { sql: 'ALTER TABLE "app"."m" SET UNLOGGED' },
        { sql: 'ALTER TABLE "app"."m" SET ("fillfactor" = 70, "toast"."autovacuum_enabled" = false, "vacuum_index_cleanup" = auto), RESET ("autovacuum_enabled")' },
      ],
    },
    { name: "SET LOGGED", op: { kind: "alterTableOptions", table: "m", unlogged: false, existingUnlogged: true }, expected: [{ sql: 'ALTER TABLE "m" SET LOGGED' }] },
  ],
  alterIndexOptions: [
    {
      name: "SET and RESET in one ALTER INDEX, schema-qualified",
      op: { kind: "alterIndexOptions", schema: "app", table: "m", name: "ix_m_tags", using: "gin", storageParameters: { fastupdate: "off", gin_pending_list_limit: null } },
      expected: [{ sql: 'ALTER INDEX "app"."ix_m_tags" SET ("fastupdate" = off), RESET ("gin_pending_list_limit")' }],
    },
  ],
  createPrimaryKey: [
    { name: "named composite", op: { kind: "createPrimaryKey", table: "m", constraint: { name: "m_pk", columns: ["a", "b"] } }, expected: [{ sql: 'ALTER TABLE "m" ADD CONSTRAINT "m_pk" PRIMARY KEY ("a", "b")' }] },
    {
      name: "deferrable, initially deferred",
      op: { kind: "createPrimaryKey", table: "m", constraint: { name: "m_pk", columns: ["a"], deferrable: true, initiallyDeferred: true } },
      expected: [{ sql: 'ALTER TABLE "m" ADD CONSTRAINT "m_pk" PRIMARY KEY ("a") DEFERRABLE INITIALLY DEFERRED' }],
    },
  ],
  createForeignKey: [
    {
      name: "composite with actions and deferral",
      op: {
        kind: "createForeignKey",
        table: "lines",
        constraint: {
          name: "lines_order_fk",
          columns: ["order_id", "shop_id"],
          referencedSchema: "sales",
          referencedTable: "orders",
          referencedColumns: ["id", "shop_id"],
          onDelete: "SET NULL",
          onUpdate: "RESTRICT",
          deferrable: true,
          initiallyDeferred: true,
        },
      },
      expected: [
        {
          sql:
            'ALTER TABLE "lines" ADD CONSTRAINT "lines_order_fk" FOREIGN KEY ("order_id", "shop_id") REFERENCES "sales"."orders" ("id", "shop_id") ' +
            "ON DELETE SET NULL ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED",
        },
      ],
    },
    {
      name: "NO ACTION is left out; deferrable initially immediate",
      op: { kind: "createForeignKey", table: "a", constraint: { name: "a_b", columns: ["b"], referencedTable: "b", referencedColumns: ["id"], onDelete: "NO ACTION", deferrable: true } },
      expected: [{ sql: 'ALTER TABLE "a" ADD CONSTRAINT "a_b" FOREIGN KEY ("b") REFERENCES "b" ("id") DEFERRABLE INITIALLY IMMEDIATE' }],
    },
    {
      name: "MATCH FULL and an ON DELETE SET NULL column list",
      op: { kind: "createForeignKey", table: "t", constraint: { name: "t_fk", columns: ["team", "email"], referencedTable: "agents", referencedColumns: ["team", "email"], match: "FULL", onDelete: "SET NULL", onDeleteColumns: ["email"], onUpdate: "CASCADE" } },
      expected: [{ sql: 'ALTER TABLE "t" ADD CONSTRAINT "t_fk" FOREIGN KEY ("team", "email") REFERENCES "agents" ("team", "email") MATCH FULL ON DELETE SET NULL ("email") ON UPDATE CASCADE' }],
    },
  ],
  createUniqueConstraint: [
    { name: "named", op: { kind: "createUniqueConstraint", table: "u", constraint: { name: "u_ab", columns: ["a", "b"] } }, expected: [{ sql: 'ALTER TABLE "u" ADD CONSTRAINT "u_ab" UNIQUE ("a", "b")' }] },
    {
      name: "NULLS NOT DISTINCT, deferrable",
      op: { kind: "createUniqueConstraint", table: "u", constraint: { name: "u_a", columns: ["a"], nullsNotDistinct: true, deferrable: true } },
      expected: [{ sql: 'ALTER TABLE "u" ADD CONSTRAINT "u_a" UNIQUE NULLS NOT DISTINCT ("a") DEFERRABLE INITIALLY IMMEDIATE' }],
    },
  ],
  createCheckConstraint: [
    { name: "named", op: { kind: "createCheckConstraint", table: "u", constraint: { name: "u_pos", expression: "n > 0" } }, expected: [{ sql: 'ALTER TABLE "u" ADD CONSTRAINT "u_pos" CHECK (n > 0)' }] },
  ],
  createExclusionConstraint: [
    {
      name: "elements with their operators, the predicate in parentheses",
      op: { kind: "createExclusionConstraint", schema: "s", table: "bookings", constraint: { name: "bookings_no_overlap", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled" } },
      expected: [{ sql: 'ALTER TABLE "s"."bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING "gist" ("room_id" WITH =, "during" WITH &&) WHERE (NOT cancelled)' }],
    },
    {
      name: "an expression with an operator class, INCLUDE and timing",
      op: {
        kind: "createExclusionConstraint",
        table: "b",
        constraint: { name: "b_x", using: "gist", elements: [{ expression: "tstzrange(starts, ends)", opclass: "range_ops", operator: "&&" }], include: ["note"], initiallyDeferred: true },
      },
      expected: [{ sql: 'ALTER TABLE "b" ADD CONSTRAINT "b_x" EXCLUDE USING "gist" ((tstzrange(starts, ends)) "range_ops" WITH &&) INCLUDE ("note") DEFERRABLE INITIALLY DEFERRED' }],
    },
  ],
  validateConstraint: [
    { name: "by name", op: { kind: "validateConstraint", schema: "s", table: "orders", name: "orders_customer_fkey", type: "foreignKey" }, expected: [{ sql: 'ALTER TABLE "s"."orders" VALIDATE CONSTRAINT "orders_customer_fkey"' }] },
  ],
  dropConstraint: [
    { name: "by name", op: { kind: "dropConstraint", schema: "s", table: "u", name: "u_pos", type: "check" }, expected: [{ sql: 'ALTER TABLE "s"."u" DROP CONSTRAINT "u_pos"' }] },
  ],
  createTableComment: [
    { name: "quoted", op: { kind: "createTableComment", table: "u", comment: "it's \\ here" }, expected: [{ sql: "COMMENT ON TABLE \"u\" IS E'it''s \\\\ here'" }] },
  ],
  dropTableComment: [{ name: "IS NULL", op: { kind: "dropTableComment", table: "u" }, expected: [{ sql: 'COMMENT ON TABLE "u" IS NULL' }] }],
  setComment: [
    {
      name: "index, quote and newline",
      op: { kind: "setComment", on: "index", schema: "app", table: "orders", name: "ix_placed", comment: "it's\nplaced", existingComment: null },
      expected: [{ sql: "COMMENT ON INDEX \"app\".\"ix_placed\" IS 'it''s\nplaced'" }],
    },
    {
      name: "constraint, backslash as E'' literal",
      op: { kind: "setComment", on: "constraint", table: "orders", name: "orders_total_check", comment: "C:\\tmp $$ x" },
      expected: [{ sql: "COMMENT ON CONSTRAINT \"orders_total_check\" ON \"orders\" IS E'C:\\\\tmp $$ x'" }],
    },
    { name: "enum, removed", op: { kind: "setComment", on: "enum", name: "mood", comment: null, existingComment: "how" }, expected: [{ sql: 'COMMENT ON TYPE "mood" IS NULL' }] },
  ],
  createEnum: [
    {
      name: "with a comment",
      op: { kind: "createEnum", enum: { name: "mood", values: ["sad"], comment: "how it feels" } },
      expected: [{ sql: "CREATE TYPE \"mood\" AS ENUM ('sad')" }, { sql: "COMMENT ON TYPE \"mood\" IS 'how it feels'" }],
    },
    { name: "values quoted", op: { kind: "createEnum", enum: { schema: "app", name: "mood", values: ["sad", "it's ok"] } }, expected: [{ sql: "CREATE TYPE \"app\".\"mood\" AS ENUM ('sad', 'it''s ok')" }] },
  ],
  dropEnum: [{ name: "plain", op: { kind: "dropEnum", name: "mood" }, expected: [{ sql: 'DROP TYPE "mood"' }] }],
  addEnumValue: [
    { name: "at the end", op: { kind: "addEnumValue", name: "mood", value: "happy" }, expected: [{ sql: "ALTER TYPE \"mood\" ADD VALUE 'happy'", transactional: false }] },
    { name: "BEFORE", op: { kind: "addEnumValue", schema: "app", name: "mood", value: "meh", before: "sad" }, expected: [{ sql: "ALTER TYPE \"app\".\"mood\" ADD VALUE 'meh' BEFORE 'sad'", transactional: false }] },
    { name: "AFTER", op: { kind: "addEnumValue", name: "mood", value: "meh", after: "sad" }, expected: [{ sql: "ALTER TYPE \"mood\" ADD VALUE 'meh' AFTER 'sad'", transactional: false }] },
  ],
  renameEnumValue: [
    { name: "RENAME VALUE", op: { kind: "renameEnumValue", name: "mood", from: "sad", to: "blue" }, expected: [{ sql: "ALTER TYPE \"mood\" RENAME VALUE 'sad' TO 'blue'" }] },
  ],
  createSchema: [
    { name: "CREATE SCHEMA", op: { kind: "createSchema", name: "billing" }, expected: [{ sql: 'CREATE SCHEMA "billing"' }] },
    { name: "quoted name", op: { kind: "createSchema", name: 'Odd "one"' }, expected: [{ sql: 'CREATE SCHEMA "Odd ""one"""' }] },
  ],
  dropSchema: [{ name: "DROP SCHEMA, never CASCADE", op: { kind: "dropSchema", name: "billing" }, expected: [{ sql: 'DROP SCHEMA "billing"' }] }],
  createObject: [
    { name: "trigger: created with its comment", op: { kind: "createObject", object: { kind: "trigger", schema: null, name: "t", table: "posts", definition: "CREATE TRIGGER t BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION f()", comment: "keeps it fresh" } }, expected: [{ sql: "CREATE TRIGGER t BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION f()" }, { sql: `COMMENT ON TRIGGER "t" ON "posts" IS 'keeps it fresh'` }] },
    { name: "view", op: { kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 1 AS one" } }, expected: [{ sql: 'CREATE VIEW "v" AS SELECT 1 AS one' }] },
    {
      name: "view with security_invoker and a check option, the query's own semicolon dropped before it",
      op: { kind: "createObject", object: { kind: "view", schema: "app", name: "v", definition: "SELECT t.a FROM app.t WHERE t.a > 0;", viewOptions: { security: "invoker", checkOption: "local" } } },
      expected: [{ sql: 'CREATE VIEW "app"."v" WITH (security_invoker = true) AS SELECT t.a FROM app.t WHERE t.a > 0 WITH LOCAL CHECK OPTION' }],
    },
    { name: "extension in a schema", op: { kind: "createObject", object: { kind: "extension", schema: "ext", name: "pgcrypto", definition: "" } }, expected: [{ sql: 'CREATE EXTENSION IF NOT EXISTS "pgcrypto" SCHEMA "ext"' }] },
    {
      name: "function bodies are not checked against tables created later",
      op: { kind: "createObject", object: { kind: "function", schema: null, name: "f", definition: "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select count(*) from later'" } },
      // One message: SET LOCAL holds for the CREATE alone, whichever server session a pooler picks.
      expected: [{ sql: "SET LOCAL check_function_bodies = false;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select count(*) from later'\n;\nSET LOCAL check_function_bodies TO DEFAULT" }],
    },
  ],
  dropObject: [
    { name: "trigger names its table", op: { kind: "dropObject", object: { kind: "trigger", schema: "app", name: "t", table: "notes", definition: "CREATE TRIGGER …" } }, expected: [{ sql: 'DROP TRIGGER "t" ON "app"."notes"' }] },
    { name: "sequence may have gone with its table", op: { kind: "dropObject", object: { kind: "sequence", schema: null, name: "s", definition: "" } }, expected: [{ sql: 'DROP SEQUENCE IF EXISTS "s"' }] },
  ],
  replaceObject: [
    // PostgreSQL refuses CREATE OR REPLACE when a column is dropped, renamed or retyped (42P16); the view is then rebuilt.
    { name: "view: CREATE OR REPLACE, else drop and create", op: { kind: "replaceObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 2 AS two;" }, existing: { kind: "view", schema: null, name: "v", definition: "SELECT 1 AS one" } }, expected: [{ sql: 'DO $athanor$ BEGIN CREATE OR REPLACE VIEW "v" AS SELECT 2 AS two; EXCEPTION WHEN invalid_table_definition THEN DROP VIEW "v"; CREATE VIEW "v" AS SELECT 2 AS two; END $athanor$' }] },
    { name: "view: a comment is set again after the replace", op: { kind: "replaceObject", object: { kind: "view", schema: "r", name: "v", definition: "SELECT 2", comment: "it's new" }, existing: { kind: "view", schema: "r", name: "v", definition: "SELECT 1", comment: "old" } }, expected: [{ sql: 'DO $athanor$ BEGIN CREATE OR REPLACE VIEW "r"."v" AS SELECT 2; EXCEPTION WHEN invalid_table_definition THEN DROP VIEW "r"."v"; CREATE VIEW "r"."v" AS SELECT 2; END $athanor$' }, { sql: `COMMENT ON VIEW "r"."v" IS 'it''s new'` }] },
    { name: "view: only the comment changes", op: { kind: "replaceObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 1" }, existing: { kind: "view", schema: null, name: "v", definition: "SELECT 1", comment: "old" } }, expected: [{ sql: 'COMMENT ON VIEW "v" IS NULL' }] },
    {
      name: "view: a changed option is CREATE OR REPLACE with the options written (an explicit definer as security_invoker = false)",
      op: {
        kind: "replaceObject",
        object: { kind: "view", schema: null, name: "v", definition: "SELECT 1 AS one", viewOptions: { security: "definer", checkOption: "cascaded" } },
        existing: { kind: "view", schema: null, name: "v", definition: "SELECT 1 AS one", viewOptions: { security: "invoker" } },
      },
      expected: [{ sql: 'CREATE OR REPLACE VIEW "v" WITH (security_invoker = false) AS SELECT 1 AS one WITH CASCADED CHECK OPTION' }],
    },
    {
      name: "materialized view: drop and create",
      op: { kind: "replaceObject", object: { kind: "materializedView", schema: null, name: "m", definition: "SELECT 2" }, existing: { kind: "materializedView", schema: null, name: "m", definition: "SELECT 1" } },
      expected: [{ sql: 'DROP MATERIALIZED VIEW "m"' }, { sql: 'CREATE MATERIALIZED VIEW "m" AS SELECT 2' }],
    },
  ],
  execute: [
    { name: "plain string verbatim", op: { kind: "execute", sql: "UPDATE t SET a = 1" }, expected: [{ sql: "UPDATE t SET a = 1" }] },
    { name: "fragment binds values", op: { kind: "execute", sql: sql`UPDATE t SET a = ${"x'"} WHERE id = ${7}` }, expected: [{ sql: "UPDATE t SET a = $1 WHERE id = $2", params: ["x'", 7] }] },
  ],
  bulkInsert: [
    {
      name: "multi-row, JSON stringified, missing values take the default",
      op: {
        kind: "bulkInsert",
        schema: "app",
        table: "t",
        columns: [
          { name: "doc", type: { kind: "jsonb" } },
          { name: "id", type: { kind: "integer" } },
        ],
        rows: [
          { id: 1, doc: { a: [1] }, note: "x" },
          { id: 2, doc: ["b"] },
          { id: 3n, doc: null, note: null },
        ],
      },
      expected: [
        { sql: 'INSERT INTO "app"."t" ("doc", "id", "note") VALUES ($1, $2, $3), ($4, $5, DEFAULT), ($6, $7, $8)', params: ['{"a":[1]}', 1, "x", '["b"]', 2, null, "3", null] },
      ],
    },
    { name: "no rows", op: { kind: "bulkInsert", table: "t", rows: [] }, expected: [] },
    { name: "rows without values", op: { kind: "bulkInsert", table: "t", rows: [{}, {}] }, expected: [{ sql: 'INSERT INTO "t" DEFAULT VALUES' }, { sql: 'INSERT INTO "t" DEFAULT VALUES' }] },
  ],
  batchAlterTable: [
    {
      name: "inner operations compile one by one against the batch's table",
      op: {
        kind: "batchAlterTable",
        schema: "app",
        table: "users",
        recreate: "always",
        operations: [
          { kind: "addColumn", table: "users", column: col("x", { kind: "integer" }) },
          { kind: "alterColumn", table: "users", column: "x", nullable: false, existingNullable: true },
          { kind: "createIndex", table: "users", index: { name: "users_x", unique: false, elements: [{ column: "x" }] } },
          { kind: "dropConstraint", table: "users", name: "users_email_check", type: "check" },
        ],
      },
      expected: [
        { sql: 'ALTER TABLE "app"."users" ADD COLUMN "x" integer' },
        { sql: 'ALTER TABLE "app"."users" ALTER COLUMN "x" SET NOT NULL' },
        { sql: 'CREATE INDEX "users_x" ON "app"."users" ("x")' },
        { sql: 'ALTER TABLE "app"."users" DROP CONSTRAINT "users_email_check"' },
      ],
    },
  ],
};

describe("postgres compile: golden SQL for every operation kind", () => {
  for (const [kind, list] of Object.entries(cases) as [OperationKind, Case<OperationKind>[]][]) {
    describe(kind, () => {
      // A kind PostgreSQL refuses has its test below instead.
      it("has at least one case", () => expect(list.length > 0 || kind === "alterTableOptions").toBe(true));
      for (const c of list) {
        it(c.name, async () => {
          expect(await postgresDialect.compile(c.op, offline)).toEqual(c.expected);
        });
      }
    });
  }
});

describe("PostgreSQL compile: a type change under a default that stays", () => {
  it("sets the default aside and sets it again on the new type, in the same ALTER TABLE", async () => {
    const kind = { kind: "enum" as const, name: "kind", values: ["chore"], schema: null };
    const chore = { kind: "literal" as const, value: "chore" };
    const op = { kind: "alterColumn" as const, table: "jobs", column: "kind", type: kind, existingType: { kind: "varchar" as const, length: 20 }, existingDefault: chore };
    expect(await postgresDialect.compile(op, offline)).toEqual([
      { sql: `ALTER TABLE "jobs" ALTER COLUMN "kind" DROP DEFAULT, ALTER COLUMN "kind" TYPE "kind" USING "kind"::"kind", ALTER COLUMN "kind" SET DEFAULT 'chore'` },
    ]);
    // No default before: nothing to restate.
    expect(await postgresDialect.compile({ ...op, existingDefault: null }, offline)).toEqual([{ sql: 'ALTER TABLE "jobs" ALTER COLUMN "kind" TYPE "kind" USING "kind"::"kind"' }]);
  });
});

describe("PostgreSQL compile: primary-key replacement and table options", () => {
  it("refuses what PostgreSQL has no statement for", async () => {
    await expect(postgresDialect.compile({ kind: "replacePrimaryKey", table: "m", constraint: { columns: ["a", "b"] }, existing: { columns: ["a"] } }, offline)).rejects.toThrow(/drops a primary key by its name/);
    await expect(postgresDialect.compile({ kind: "alterTableOptions", table: "m", collation: "C" }, offline)).rejects.toThrow(/no table collation or engine/);
  });

  it("changes a column's collation with TYPE … COLLATE, restating the type", async () => {
    const op = { kind: "alterColumn", table: "m", column: "name", collation: "C", existingCollation: null, existingType: { kind: "text" } } as const;
    expect(await postgresDialect.compile(op, offline)).toEqual([{ sql: 'ALTER TABLE "m" ALTER COLUMN "name" TYPE text COLLATE "C"' }]);
    const back = { kind: "alterColumn", table: "m", column: "name", collation: null, existingCollation: "C", existingType: { kind: "varchar", length: 20 } } as const;
    expect(await postgresDialect.compile(back, offline)).toEqual([{ sql: 'ALTER TABLE "m" ALTER COLUMN "name" TYPE varchar(20) COLLATE "default"' }]);
  });
});
