/**
 * Golden SQL cases for the operations with the largest output (createTable, alterColumn), kept
 * apart from compile.test.ts so each file stays small; compile.test.ts merges them into its
 * Record<OperationKind, …>.
 */
import type { Statement } from "../../../../src/dialects/dialect.js";
import type { OperationKind, OperationOf } from "../../../../src/operations/types.js";
import type { ColumnSchema, TableSchema } from "../../../../src/catalog/types.js";

/** One golden case: an operation and the statements it must compile to. */
export interface Case<K extends OperationKind> {
  name: string;
  op: OperationOf<K>;
  expected: Statement[];
}

/** Cases for every operation kind. */
export type Cases = { [K in OperationKind]: Case<K>[] };

/** A nullable column with the given extras. */
export function col(name: string, type: ColumnSchema["type"], extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable: true, ...extra };
}

const users: TableSchema = {
  schema: "app",
  name: "users",
  columns: [
    col("id", { kind: "bigint" }, { nullable: false, generated: { kind: "autoincrement" } }),
    col("email", { kind: "varchar", length: 255 }, { nullable: false, comment: "login name" }),
    col("org_id", { kind: "integer" }),
    col("active", { kind: "boolean" }, { nullable: false, default: { kind: "literal", value: true } }),
    col("created", { kind: "timestamp", withTimezone: true }, { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } }),
  ],
  primaryKey: { name: "users_pkey", columns: ["id"] },
  foreignKeys: [{ name: "users_org_fk", columns: ["org_id"], referencedSchema: "app", referencedTable: "orgs", referencedColumns: ["id"], onDelete: "CASCADE" }],
  uniques: [{ name: "users_email_key", columns: ["email"] }],
  checks: [{ name: "users_email_check", expression: "email <> ''" }],
  indexes: [{ name: "users_created_idx", elements: [{ column: "created", descending: true }], unique: false }],
  comment: "People who log in",
};


/** createTable and alterColumn cases. */
export const tableCases: Pick<Cases, "createTable" | "alterColumn"> = {
  createTable: [
    {
      name: "a partitioned table: PARTITION BY after the columns",
      op: { kind: "createTable", table: { name: "events", columns: [col("id", { kind: "bigint" }, { nullable: false }), col("happened", { kind: "date" }, { nullable: false })], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], partitionBy: "RANGE (happened)" } },
      expected: [{ sql: 'CREATE TABLE "events" (\n  "id" bigint NOT NULL,\n  "happened" date NOT NULL\n) PARTITION BY RANGE (happened)' }],
    },
    {
      name: "a partition: PARTITION OF its parent, its own constraints inline, no columns, its bound, its own key; its own index after",
      op: {
        kind: "createTable",
        table: {
          name: "events_2021",
          columns: [col("id", { kind: "bigint" }, { nullable: false, comment: "the parent's" }), col("region", { kind: "text" }, { nullable: false })],
          primaryKey: null,
          foreignKeys: [],
          uniques: [],
          checks: [{ name: "positive", expression: "id > 0" }],
          indexes: [{ name: "events_2021_region", elements: [{ column: "region" }], unique: false }],
          partitionOf: { table: "events", bound: "FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')" },
          partitionBy: "LIST (region)",
        },
      },
      expected: [
        { sql: 'CREATE TABLE "events_2021" PARTITION OF "events" (\n  CONSTRAINT "positive" CHECK (id > 0)\n) FOR VALUES FROM (\'2021-01-01\') TO (\'2022-01-01\') PARTITION BY LIST (region)' },
        { sql: 'CREATE INDEX "events_2021_region" ON "events_2021" ("region")' },
      ],
    },
    {
      name: "columns, inline constraints, indexes, comments",
      op: { kind: "createTable", table: users },
      expected: [
        {
          sql:
            'CREATE TABLE "app"."users" (\n' +
            '  "id" bigserial NOT NULL,\n' +
            '  "email" varchar(255) NOT NULL,\n' +
            '  "org_id" integer,\n' +
            '  "active" boolean DEFAULT true NOT NULL,\n' +
            '  "created" timestamp with time zone DEFAULT CURRENT_TIMESTAMP,\n' +
            '  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),\n' +
            '  CONSTRAINT "users_email_key" UNIQUE ("email"),\n' +
            "  CONSTRAINT \"users_email_check\" CHECK (email <> ''),\n" +
            '  CONSTRAINT "users_org_fk" FOREIGN KEY ("org_id") REFERENCES "app"."orgs" ("id") ON DELETE CASCADE\n' +
            ")",
        },
        { sql: 'CREATE INDEX "users_created_idx" ON "app"."users" ("created" DESC)' },
        { sql: "COMMENT ON TABLE \"app\".\"users\" IS 'People who log in'" },
        { sql: "COMMENT ON COLUMN \"app\".\"users\".\"email\" IS 'login name'" },
      ],
    },
    {
      name: "identity, computed, enum, arrays, numeric, raw and unnamed constraints",
      op: {
        kind: "createTable",
        table: {
          name: "items",
          columns: [
            col("id", { kind: "integer" }, { nullable: false, generated: { kind: "identity", always: true } }),
            col("seq", { kind: "smallint" }, { nullable: false, generated: { kind: "identity", always: false } }),
            col("price", { kind: "numeric", precision: 10, scale: 2 }, { default: { kind: "literal", value: 0 } }),
            col("qty", { kind: "integer", unsigned: true }),
            col("total", { kind: "numeric" }, { generated: { kind: "computed", sql: "price * qty", stored: true } }),
            col("state", { kind: "enum", name: "Item State", values: ["new"], schema: "app" }, { default: { kind: "literal", value: "new" } }),
            col("tags", { kind: "array", of: { kind: "varchar", length: 20 } }),
            col("grid", { kind: "array", of: { kind: "integer" }, dimensions: 2 }),
            col("loc", { kind: "raw", sql: "point" }),
            col("name", { kind: "text", size: "long" }, { collation: "C" }),
          ],
          primaryKey: { columns: ["id"] },
          foreignKeys: [],
          uniques: [{ columns: ["name"] }],
          checks: [{ expression: "qty >= 0" }],
          indexes: [],
        },
      },
      expected: [
        {
          sql:
            'CREATE TABLE "items" (\n' +
            '  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,\n' +
            '  "seq" smallint GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n' +
            '  "price" numeric(10,2) DEFAULT 0,\n' +
            '  "qty" integer,\n' +
            '  "total" numeric GENERATED ALWAYS AS (price * qty) STORED,\n' +
            '  "state" "app"."Item State" DEFAULT \'new\',\n' +
            '  "tags" varchar(20)[],\n' +
            '  "grid" integer[][],\n' +
            '  "loc" point,\n' +
            '  "name" text COLLATE "C",\n' +
            '  PRIMARY KEY ("id"),\n' +
            '  UNIQUE ("name"),\n' +
            "  CHECK (qty >= 0)\n" +
            ")",
        },
      ],
    },
    {
      name: "every scalar type",
      op: {
        kind: "createTable",
        table: {
          name: "t",
          columns: [
            col("a", { kind: "smallint" }),
            col("b", { kind: "numeric", precision: 8 }),
            col("c", { kind: "real" }),
            col("d", { kind: "double" }),
            col("e", { kind: "char", length: 2 }),
            col("f", { kind: "varchar" }),
            col("g", { kind: "date" }),
            col("h", { kind: "time", precision: 3 }),
            col("i", { kind: "time", withTimezone: true }),
            col("j", { kind: "timestamp", precision: 6 }),
            col("k", { kind: "interval" }),
            col("l", { kind: "json" }),
            col("m", { kind: "jsonb" }, { default: { kind: "literal", value: "{}" } }),
            col("n", { kind: "uuid" }, { default: { kind: "sql", sql: "gen_random_uuid()" } }),
            col("o", { kind: "binary", length: 16, fixed: true }),
            col("p", { kind: "integer" }, { default: { kind: "literal", value: null } }),
          ],
          foreignKeys: [],
          uniques: [],
          checks: [],
          indexes: [],
        },
      },
      expected: [
        {
          sql:
            'CREATE TABLE "t" (\n' +
            '  "a" smallint,\n  "b" numeric(8),\n  "c" real,\n  "d" double precision,\n  "e" char(2),\n  "f" varchar,\n  "g" date,\n' +
            '  "h" time(3),\n  "i" time with time zone,\n  "j" timestamp(6),\n  "k" interval,\n  "l" json,\n' +
            "  \"m\" jsonb DEFAULT '{}',\n  \"n\" uuid DEFAULT gen_random_uuid(),\n  \"o\" bytea,\n  \"p\" integer DEFAULT NULL\n)",
        },
      ],
    },
  ],
  alterColumn: [
    {
      name: "type with USING, nullability, default, comment and rename",
      op: {
        kind: "alterColumn",
        table: "users",
        column: "age",
        newName: "years",
        type: { kind: "integer" },
        existingType: { kind: "text" },
        using: "age::integer",
        nullable: false,
        existingNullable: true,
        default: { kind: "literal", value: 0 },
        existingDefault: { kind: "literal", value: "0" },
        comment: "in years",
        existingComment: null,
      },
      expected: [
        { sql: 'ALTER TABLE "users" ALTER COLUMN "age" DROP DEFAULT, ALTER COLUMN "age" TYPE integer USING age::integer, ALTER COLUMN "age" SET DEFAULT 0, ALTER COLUMN "age" SET NOT NULL' },
        { sql: "COMMENT ON COLUMN \"users\".\"age\" IS 'in years'" },
        { sql: 'ALTER TABLE "users" RENAME COLUMN "age" TO "years"' },
      ],
    },
    {
      name: "only the parts that change",
      op: {
        kind: "alterColumn",
        table: "users",
        column: "email",
        type: { kind: "varchar", length: 255 },
        existingType: { kind: "varchar", length: 255 },
        nullable: true,
        existingNullable: false,
        default: null,
        existingDefault: { kind: "literal", value: "x" },
        comment: null,
        existingComment: "old",
      },
      expected: [
        { sql: 'ALTER TABLE "users" ALTER COLUMN "email" DROP DEFAULT, ALTER COLUMN "email" DROP NOT NULL' },
        { sql: 'COMMENT ON COLUMN "users"."email" IS NULL' },
      ],
    },
    {
      name: "nothing changes",
      op: { kind: "alterColumn", table: "users", column: "email", nullable: false, existingNullable: false },
      expected: [],
    },
    {
      name: "add identity after NOT NULL, then move the sequence past existing values",
      op: { kind: "alterColumn", schema: "app", table: "t", column: "id", nullable: false, existingNullable: true, generated: { kind: "identity", always: true }, existingGenerated: null },
      expected: [
        { sql: 'ALTER TABLE "app"."t" ALTER COLUMN "id" SET NOT NULL' },
        { sql: 'ALTER TABLE "app"."t" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY' },
        { sql: 'SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence($1, $2), COALESCE(MAX("id"), 0) + 1, false) FROM "app"."t"', params: ['"app"."t"', "id"] },
      ],
    },
    {
      name: "identity always -> by default",
      op: { kind: "alterColumn", table: "t", column: "id", generated: { kind: "identity", always: false }, existingGenerated: { kind: "identity", always: true } },
      expected: [{ sql: 'ALTER TABLE "t" ALTER COLUMN "id" SET GENERATED BY DEFAULT' }],
    },
    {
      name: "drop identity",
      op: { kind: "alterColumn", table: "t", column: "id", generated: null, existingGenerated: { kind: "identity", always: true } },
      expected: [{ sql: 'ALTER TABLE "t" ALTER COLUMN "id" DROP IDENTITY' }],
    },
    {
      name: "make serial",
      op: { kind: "alterColumn", table: "t", column: "id", generated: { kind: "autoincrement" }, existingGenerated: null, existingType: { kind: "bigint" } },
      expected: [
        { sql: 'CREATE SEQUENCE "t_id_seq" AS bigint OWNED BY "t"."id"' },
        { sql: 'SELECT pg_catalog.setval($1::regclass, COALESCE(MAX("id"), 0) + 1, false) FROM "t"', params: ['"t_id_seq"'] },
        { sql: "ALTER TABLE \"t\" ALTER COLUMN \"id\" SET DEFAULT nextval('\"t_id_seq\"'::regclass)" },
      ],
    },
    {
      name: "drop serial (default and owned sequence)",
      op: { kind: "alterColumn", table: "t", column: "id", generated: null, existingGenerated: { kind: "autoincrement" } },
      expected: [
        { sql: 'ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT' },
        {
          sql:
            "DO $athanor$ DECLARE seq text := pg_catalog.pg_get_serial_sequence('\"t\"', 'id'); " +
            "BEGIN IF seq IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || seq; END IF; END $athanor$",
        },
      ],
    },
    {
      name: "computed -> plain column",
      op: { kind: "alterColumn", table: "t", column: "total", generated: null, existingGenerated: { kind: "computed", sql: "a + b", stored: true } },
      expected: [{ sql: 'ALTER TABLE "t" ALTER COLUMN "total" DROP EXPRESSION' }],
    },
  ],
};
