/**
 * Golden SQL for every operation kind on SQLite. The cases are a Record over OperationKind, so a
 * new operation kind fails to typecheck here until it has a case.
 */
import { describe, expect, it } from "vitest";
import { sqliteDialect } from "../../../../src/dialects/sqlite/index.js";
import type { CompileContext, Statement } from "../../../../src/dialects/dialect.js";
import { isMigrateError, type MigrateError } from "../../../../src/errors.js";
import { sql } from "../../../../src/core/sql.js";
import type { OperationKind, OperationOf } from "../../../../src/operations/types.js";
import type { TableSchema } from "../../../../src/catalog/types.js";

/** The table the rebuild cases start from. */
const notes: TableSchema = {
  schema: null,
  name: "notes",
  comment: null,
  columns: [
    { name: "id", type: { kind: "integer" }, nullable: false },
    { name: "title", type: { kind: "varchar", length: 200 }, nullable: false },
    { name: "body", type: { kind: "text" }, nullable: true },
    { name: "author_id", type: { kind: "integer" }, nullable: true },
  ],
  primaryKey: { name: "pk_notes", columns: ["id"] },
  foreignKeys: [],
  uniques: [],
  checks: [],
  indexes: [{ name: "ix_notes_author", elements: [{ column: "author_id" }], unique: false }],
};

const NOTES_COLUMNS = ['"id" INTEGER NOT NULL', '"title" VARCHAR(200) NOT NULL', '"body" TEXT', '"author_id" INTEGER'];
const NOTES_COPY = 'INSERT INTO "_athanor_tmp_notes" ("id", "title", "body", "author_id") SELECT "id", "title", "body", "author_id" FROM "notes"';
const NOTES_INDEX = 'CREATE INDEX "ix_notes_author" ON "notes" ("author_id")';

/** The rebuild of "notes": a new definition, the copy, the swap, then indexes (the last checks foreign keys). */
function rebuild(lines: string[], copy: string | null, after: string[] = [NOTES_INDEX]): Statement[] {
  const statements: Statement[] = [
    { sql: `CREATE TABLE "_athanor_tmp_notes" (\n  ${lines.join(",\n  ")}\n)` },
    ...(copy ? [{ sql: copy }] : []),
    { sql: 'DROP TABLE "notes"' },
    { sql: "PRAGMA legacy_alter_table = ON" },
    { sql: 'ALTER TABLE "_athanor_tmp_notes" RENAME TO "notes"' },
    { sql: "PRAGMA legacy_alter_table = OFF" },
    ...after.map((text) => ({ sql: text })),
  ];
  statements[statements.length - 1].checkForeignKeys = true;
  return statements;
}

const PK = 'CONSTRAINT "pk_notes" PRIMARY KEY ("id")';

interface Case<K extends OperationKind> {
  name: string;
  op: OperationOf<K>;
  /** What ctx.tableState returns for the table (undefined: unknown). */
  state?: TableSchema;
  offline?: boolean;
  expected?: Statement[];
  throws?: RegExp;
}

type Cases = { [K in OperationKind]: Case<K>[] };

const cases: Cases = {
  createTable: [
    {
      name: "a descending one-column key is written in its column, whatever its placement says",
      op: {
        kind: "createTable",
        table: {
          schema: null,
          name: "events",
          comment: null,
          columns: [{ name: "id", type: { kind: "integer" }, nullable: true }, { name: "note", type: { kind: "text" }, nullable: true }],
          primaryKey: { name: null, columns: ["id"], descending: true },
          foreignKeys: [],
          uniques: [],
          checks: [],
          indexes: [],
        },
      },
      expected: [{ sql: 'CREATE TABLE "events" (\n  "id" INTEGER PRIMARY KEY DESC,\n  "note" TEXT\n)' }],
    },
    {
      name: "columns, keys, checks, enum, generated column and indexes",
      op: {
        kind: "createTable",
        table: {
          schema: null,
          name: "users",
          comment: "ignored: SQLite stores no comments",
          columns: [
            { name: "id", type: { kind: "bigint" }, nullable: false, generated: { kind: "autoincrement" } },
            { name: "email", type: { kind: "varchar", length: 255 }, nullable: false, collation: "NOCASE" },
            { name: "role", type: { kind: "enum", name: "user_role", values: ["admin", "it's me"] }, nullable: false, default: { kind: "literal", value: "admin" } },
            { name: "created_at", type: { kind: "timestamp", withTimezone: true }, nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } },
            { name: "score", type: { kind: "numeric", precision: 8, scale: 2 }, nullable: true, default: { kind: "sql", sql: "abs(-1)" } },
            { name: "active", type: { kind: "boolean" }, nullable: false, default: { kind: "literal", value: false } },
            { name: "team_id", type: { kind: "integer" }, nullable: true },
            { name: "email_lower", type: { kind: "text" }, nullable: true, generated: { kind: "computed", sql: "lower(email)", stored: true } },
          ],
          primaryKey: { name: "pk_users", columns: ["id"] },
          foreignKeys: [{ name: "fk_users_team", columns: ["team_id"], referencedTable: "teams", referencedColumns: ["id"], onDelete: "SET NULL", deferrable: true, initiallyDeferred: true }],
          uniques: [{ name: "uq_users_email", columns: ["email"] }],
          checks: [{ name: "ck_users_score", expression: "score >= 0" }],
          indexes: [
            { name: "ix_users_team", elements: [{ column: "team_id" }, { column: "created_at", descending: true }], unique: false },
            { name: "ux_users_active_email", elements: [{ expression: "lower(email)" }], unique: true, where: "active = 1" },
          ],
        },
      },
      expected: [
        {
          sql: [
            'CREATE TABLE "users" (',
            '  "id" INTEGER CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT NOT NULL,',
            '  "email" VARCHAR(255) NOT NULL COLLATE "NOCASE",',
            `  "role" TEXT NOT NULL DEFAULT 'admin' CONSTRAINT "user_role" CHECK ("role" IN ('admin', 'it''s me')),`,
            '  "created_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,',
            '  "score" NUMERIC(8,2) DEFAULT (abs(-1)),',
            '  "active" BOOLEAN NOT NULL DEFAULT 0,',
            '  "team_id" INTEGER,',
            '  "email_lower" TEXT GENERATED ALWAYS AS (lower(email)) STORED,',
            '  CONSTRAINT "uq_users_email" UNIQUE ("email"),',
            '  CONSTRAINT "fk_users_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,',
            '  CONSTRAINT "ck_users_score" CHECK (score >= 0)',
            ")",
          ].join("\n"),
        },
        { sql: 'CREATE INDEX "ix_users_team" ON "users" ("team_id", "created_at" DESC)' },
        { sql: 'CREATE UNIQUE INDEX "ux_users_active_email" ON "users" (lower(email)) WHERE active = 1' },
      ],
    },
    {
      name: "composite primary key as a table constraint",
      op: { kind: "createTable", table: { ...notes, name: "pairs", indexes: [], columns: notes.columns.slice(0, 2), primaryKey: { name: null, columns: ["id", "title"] } } },
      expected: [{ sql: 'CREATE TABLE "pairs" (\n  "id" INTEGER NOT NULL,\n  "title" VARCHAR(200) NOT NULL,\n  PRIMARY KEY ("id", "title")\n)' }],
    },
    {
      name: "autoincrement outside a single-column primary key is refused",
      op: { kind: "createTable", table: { ...notes, columns: [{ ...notes.columns[0], generated: { kind: "autoincrement" } }, notes.columns[1]], primaryKey: { columns: ["id", "title"] } } },
      throws: /single-column integer primary key/,
    },
    {
      name: "array columns are refused",
      op: { kind: "createTable", table: { ...notes, columns: [{ name: "tags", type: { kind: "array", of: { kind: "text" } }, nullable: true }], primaryKey: null, indexes: [] } },
      throws: /no array types/,
    },
    {
      name: "ON UPDATE columns are refused",
      op: { kind: "createTable", table: { ...notes, columns: [{ name: "at", type: { kind: "timestamp" }, nullable: true, onUpdate: "CURRENT_TIMESTAMP" }], primaryKey: null, indexes: [] } },
      throws: /no ON UPDATE clause/,
    },
  ],
  dropTable: [{ name: "drop", op: { kind: "dropTable", table: "notes" }, expected: [{ sql: 'DROP TABLE "notes"' }] }],
  renameTable: [{ name: "rename", op: { kind: "renameTable", from: "notes", to: "memos" }, expected: [{ sql: 'ALTER TABLE "notes" RENAME TO "memos"' }] }],
  addColumn: [
    {
      name: "nullable column in place",
      op: { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "varchar", length: 50 }, nullable: true } },
      expected: [{ sql: 'ALTER TABLE "notes" ADD COLUMN "slug" VARCHAR(50)' }],
    },
    {
      name: "NOT NULL with a constant default in place",
      op: { kind: "addColumn", table: "notes", column: { name: "views", type: { kind: "integer" }, nullable: false, default: { kind: "literal", value: 0 } } },
      expected: [{ sql: 'ALTER TABLE "notes" ADD COLUMN "views" INTEGER NOT NULL DEFAULT 0' }],
    },
    {
      name: "CURRENT_TIMESTAMP default needs a rebuild; the new column is filled by its default",
      op: { kind: "addColumn", table: "notes", column: { name: "at", type: { kind: "timestamp" }, nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } } },
      state: notes,
      expected: rebuild([...NOTES_COLUMNS, '"at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP', PK], NOTES_COPY),
    },
    {
      name: "placed after the last column: in place",
      op: { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "text" }, nullable: true }, position: { after: "author_id" } },
      state: notes,
      expected: [{ sql: 'ALTER TABLE "notes" ADD COLUMN "slug" TEXT' }],
    },
    {
      name: "placed among the columns: by rebuild, the column in its place",
      op: { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "text" }, nullable: true }, position: { after: "title" } },
      state: notes,
      expected: rebuild(['"id" INTEGER NOT NULL', '"title" VARCHAR(200) NOT NULL', '"slug" TEXT', '"body" TEXT', '"author_id" INTEGER', PK], NOTES_COPY),
    },
    {
      name: "placed first: by rebuild",
      op: { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "text" }, nullable: true }, position: { first: true } },
      state: notes,
      expected: rebuild(['"slug" TEXT', ...NOTES_COLUMNS, PK], NOTES_COPY),
    },
    {
      name: "placed after a column the table does not have",
      op: { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "text" }, nullable: true }, position: { after: "nope" } },
      state: notes,
      throws: /Table "notes" has no column "nope"/,
    },
    {
      name: "offline, a rebuild of an unknown table is refused",
      op: { kind: "addColumn", table: "notes", column: { name: "at", type: { kind: "text" }, nullable: false } },
      offline: true,
      throws: /Offline --sql cannot rebuild "notes"/,
    },
  ],
  dropColumn: [
    { name: "plain column in place", op: { kind: "dropColumn", table: "notes", column: "body" }, state: notes, expected: [{ sql: 'ALTER TABLE "notes" DROP COLUMN "body"' }] },
    {
      name: "indexed column by rebuild, its index going with it",
      op: { kind: "dropColumn", table: "notes", column: "author_id" },
      state: notes,
      expected: rebuild(
        [...NOTES_COLUMNS.slice(0, 3), PK],
        'INSERT INTO "_athanor_tmp_notes" ("id", "title", "body") SELECT "id", "title", "body" FROM "notes"',
        [],
      ).map((s, i, all) => (i === all.length - 1 ? { ...s, checkForeignKeys: true } : s)),
    },
  ],
  alterColumn: [
    {
      name: "rename only, in place",
      op: { kind: "alterColumn", table: "notes", column: "body", newName: "content" },
      expected: [{ sql: 'ALTER TABLE "notes" RENAME COLUMN "body" TO "content"' }],
    },
    {
      name: "type, nullability and rename by one rebuild",
      op: { kind: "alterColumn", table: "notes", column: "author_id", newName: "writer_id", type: { kind: "bigint" }, nullable: false, existingType: { kind: "integer" } },
      state: notes,
      expected: rebuild(
        [...NOTES_COLUMNS.slice(0, 3), '"writer_id" BIGINT NOT NULL', PK],
        'INSERT INTO "_athanor_tmp_notes" ("id", "title", "body", "writer_id") SELECT "id", "title", "body", "author_id" FROM "notes"',
        ['CREATE INDEX "ix_notes_author" ON "notes" ("writer_id")'],
      ),
    },
    {
      name: "`using` converts the copied values",
      op: { kind: "alterColumn", table: "notes", column: "title", type: { kind: "text" }, using: "upper(title)" },
      state: notes,
      expected: rebuild(
        [NOTES_COLUMNS[0], '"title" TEXT NOT NULL', ...NOTES_COLUMNS.slice(2), PK],
        'INSERT INTO "_athanor_tmp_notes" ("id", "title", "body", "author_id") SELECT "id", upper(title), "body", "author_id" FROM "notes"',
      ),
    },
    { name: "a comment-only change is refused", op: { kind: "alterColumn", table: "notes", column: "body", comment: "the text" }, throws: /no column comments/ },
  ],
  createIndex: [
    {
      name: "unique partial index with an expression",
      op: { kind: "createIndex", table: "notes", ifNotExists: true, index: { name: "ux_notes_title", elements: [{ expression: "lower(title)" }, { column: "id", descending: true }], unique: true, where: "body IS NOT NULL" } },
      expected: [{ sql: 'CREATE UNIQUE INDEX IF NOT EXISTS "ux_notes_title" ON "notes" (lower(title), "id" DESC) WHERE body IS NOT NULL' }],
    },
    { name: "concurrently is refused", op: { kind: "createIndex", table: "notes", concurrently: true, index: { name: "ix", elements: [{ column: "id" }], unique: false } }, throws: /no concurrent index builds/ },
    { name: "access methods are refused", op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "id" }], unique: false, using: "gin" } }, throws: /USING gin/ },
    { name: "prefix lengths are refused", op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "title", length: 10 }], unique: false } }, throws: /no prefix indexes/ },
    {
      name: "COLLATE on columns and (parenthesised) expressions, before the order",
      op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "title", collation: "NOCASE", descending: true }, { expression: "a || b", collation: "RTRIM" }], unique: false } },
      expected: [{ sql: 'CREATE INDEX "ix" ON "notes" ("title" COLLATE "NOCASE" DESC, (a || b) COLLATE "RTRIM")' }],
    },
    { name: "NULLS FIRST/LAST is refused", op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "title", nulls: "last" }], unique: false } }, throws: /no NULLS LAST in indexes/ },
    { name: "operator classes are refused", op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "title", opclass: "text_ops" }], unique: false } }, throws: /no operator classes/ },
    { name: "collation schemas are refused", op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "title", collation: "c", collationSchema: "s" }], unique: false } }, throws: /schema-qualified collations/ },
    { name: "NULLS NOT DISTINCT is refused", op: { kind: "createIndex", table: "notes", index: { name: "ix", elements: [{ column: "title" }], unique: true, nullsNotDistinct: true } }, throws: /no NULLS NOT DISTINCT/ },
  ],
  dropIndex: [
    { name: "drop", op: { kind: "dropIndex", table: "notes", name: "ix_notes_author" }, expected: [{ sql: 'DROP INDEX "ix_notes_author"' }] },
    { name: "if exists", op: { kind: "dropIndex", table: "notes", name: "ix", ifExists: true }, expected: [{ sql: 'DROP INDEX IF EXISTS "ix"' }] },
    { name: "concurrently is refused", op: { kind: "dropIndex", table: "notes", name: "ix", concurrently: true }, throws: /no concurrent index builds/ },
  ],
  replacePrimaryKey: [
    {
      name: "by rebuild, the old key needing no name",
      op: { kind: "replacePrimaryKey", table: "notes", constraint: { name: "pk_notes2", columns: ["id", "title"] }, existing: { columns: ["id"] } },
      state: notes,
      expected: rebuild([...NOTES_COLUMNS, 'CONSTRAINT "pk_notes2" PRIMARY KEY ("id", "title")'], NOTES_COPY),
    },
  ],
  alterTableOptions: [
    { name: "refused", op: { kind: "alterTableOptions", table: "notes", engine: "InnoDB" }, throws: /no table collation or engine/ },
    { name: "UNLOGGED refused by name", op: { kind: "alterTableOptions", table: "notes", unlogged: true, existingUnlogged: false }, throws: /SQLite has no UNLOGGED tables \(table notes/ },
  ],
  alterIndexOptions: [{ name: "refused by name", op: { kind: "alterIndexOptions", table: "notes", name: "ix_notes", storageParameters: { fillfactor: "70" } }, throws: /SQLite has no storage parameters \(with: \{ … \} on index ix_notes on notes\)/ }],
  createPrimaryKey: [
    {
      name: "by rebuild",
      op: { kind: "createPrimaryKey", table: "notes", constraint: { name: "pk_notes2", columns: ["id", "title"] } },
      state: { ...notes, primaryKey: null },
      expected: rebuild([...NOTES_COLUMNS, 'CONSTRAINT "pk_notes2" PRIMARY KEY ("id", "title")'], NOTES_COPY),
    },
  ],
  createForeignKey: [
    {
      name: "by rebuild",
      op: { kind: "createForeignKey", table: "notes", constraint: { name: "fk_author", columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: "RESTRICT" } },
      state: notes,
      expected: rebuild([...NOTES_COLUMNS, PK, 'CONSTRAINT "fk_author" FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE CASCADE ON UPDATE RESTRICT'], NOTES_COPY),
    },
  ],
  createUniqueConstraint: [
    {
      name: "by rebuild",
      op: { kind: "createUniqueConstraint", table: "notes", constraint: { name: "uq_title", columns: ["title"] } },
      state: notes,
      expected: rebuild([...NOTES_COLUMNS, PK, 'CONSTRAINT "uq_title" UNIQUE ("title")'], NOTES_COPY),
    },
  ],
  createCheckConstraint: [
    {
      name: "by rebuild",
      op: { kind: "createCheckConstraint", table: "notes", constraint: { name: "ck_title", expression: "length(title) > 0" } },
      state: notes,
      expected: rebuild([...NOTES_COLUMNS, PK, 'CONSTRAINT "ck_title" CHECK (length(title) > 0)'], NOTES_COPY),
    },
  ],
  createExclusionConstraint: [{ name: "refused", op: { kind: "createExclusionConstraint", table: "notes", constraint: { name: "bookings_no_overlap", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled" } }, state: notes, throws: /SQLite has no exclusion constraints \(bookings_no_overlap on notes\)/ }],
  validateConstraint: [{ name: "refused", op: { kind: "validateConstraint", table: "notes", name: "fk", type: "foreignKey" }, state: notes, throws: /SQLite has no VALIDATE CONSTRAINT \(fk on notes\)/ }],
  dropConstraint: [
    {
      name: "by rebuild",
      op: { kind: "dropConstraint", table: "notes", name: "ck_title", type: "check" },
      state: { ...notes, checks: [{ name: "ck_title", expression: "length(title) > 0" }] },
      expected: rebuild([...NOTES_COLUMNS, PK], NOTES_COPY),
    },
    { name: "an unknown name is an error", op: { kind: "dropConstraint", table: "notes", name: "nope", type: "unique" }, state: notes, throws: /no unique constraint named "nope"/ },
  ],
  createTableComment: [{ name: "refused", op: { kind: "createTableComment", table: "notes", comment: "x" }, throws: /no table comments/ }],
  dropTableComment: [{ name: "refused", op: { kind: "dropTableComment", table: "notes" }, throws: /no table comments/ }],
  setComment: [{ name: "refused", op: { kind: "setComment", on: "index", table: "notes", name: "ix", comment: "x" }, throws: /SQLite keeps no index comments \(the comment on index ix on notes\)/ }],
  createEnum: [{ name: "refused", op: { kind: "createEnum", enum: { name: "mood", values: ["a"] } }, throws: /no named enum types/ }],
  dropEnum: [{ name: "refused", op: { kind: "dropEnum", name: "mood" }, throws: /no named enum types/ }],
  addEnumValue: [{ name: "refused", op: { kind: "addEnumValue", name: "mood", value: "b" }, throws: /no named enum types/ }],
  renameEnumValue: [{ name: "refused", op: { kind: "renameEnumValue", name: "mood", from: "a", to: "b" }, throws: /no named enum types/ }],
  createSchema: [{ name: "refused", op: { kind: "createSchema", name: "billing" }, throws: /only PostgreSQL has schemas/ }],
  dropSchema: [{ name: "refused", op: { kind: "dropSchema", name: "billing" }, throws: /only PostgreSQL has schemas/ }],
  createObject: [
    { name: "view", op: { kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 1 AS one" } }, expected: [{ sql: 'CREATE VIEW "v" AS SELECT 1 AS one' }] },
    { name: "no functions", op: { kind: "createObject", object: { kind: "function", schema: null, name: "f", definition: "CREATE FUNCTION f()" } }, throws: /SQLite has no functions/ },
    {
      name: "no view options",
      op: { kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 1", viewOptions: { security: "invoker", checkOption: "local" } } },
      throws: /^SQLite views have no options, and the view v says security: "invoker", checkOption: "local"\.$/,
    },
  ],
  dropObject: [{ name: "trigger", op: { kind: "dropObject", object: { kind: "trigger", schema: null, name: "t_touch", table: "notes", definition: "CREATE TRIGGER t_touch AFTER UPDATE ON notes BEGIN SELECT 1; END" } }, expected: [{ sql: 'DROP TRIGGER "t_touch"' }] }],
  replaceObject: [{ name: "drop and create", op: { kind: "replaceObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 2 AS two" }, existing: { kind: "view", schema: null, name: "v", definition: "SELECT 1 AS one" } }, expected: [{ sql: 'DROP VIEW "v"' }, { sql: 'CREATE VIEW "v" AS SELECT 2 AS two' }] }],
  execute: [
    { name: "plain text runs verbatim", op: { kind: "execute", sql: "UPDATE notes SET body = ''" }, expected: [{ sql: "UPDATE notes SET body = ''" }] },
    {
      name: "fragments bind their values",
      op: { kind: "execute", sql: sql`UPDATE notes SET title = ${"it's"} WHERE id = ${3}` },
      expected: [{ sql: "UPDATE notes SET title = ? WHERE id = ?", params: ["it's", 3] }],
    },
  ],
  bulkInsert: [
    {
      name: "rows grouped by their keys, values converted",
      op: {
        kind: "bulkInsert",
        table: "notes",
        columns: [{ name: "meta", type: { kind: "json" } }],
        rows: [
          { id: 1, title: "a", flag: true, meta: "x" },
          { title: "b", id: 2, flag: false, meta: { k: 1 } },
          { id: 3 },
        ],
      },
      expected: [
        { sql: 'INSERT INTO "notes" ("id", "title", "flag", "meta") VALUES (?, ?, ?, ?), (?, ?, ?, ?)', params: [1, "a", 1, '"x"', 2, "b", 0, '{"k":1}'] },
        { sql: 'INSERT INTO "notes" ("id") VALUES (?)', params: [3] },
      ],
    },
  ],
  batchAlterTable: [
    {
      name: "several changes, one rebuild",
      op: {
        kind: "batchAlterTable",
        table: "notes",
        operations: [
          { kind: "alterColumn", table: "notes", column: "title", nullable: true },
          { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "text" }, nullable: true } },
          { kind: "dropIndex", table: "notes", name: "ix_notes_author" },
          { kind: "createIndex", table: "notes", index: { name: "ix_notes_slug", elements: [{ column: "slug" }], unique: true } },
        ],
      },
      state: notes,
      expected: rebuild(
        [NOTES_COLUMNS[0], '"title" VARCHAR(200)', ...NOTES_COLUMNS.slice(2), '"slug" TEXT', PK],
        NOTES_COPY,
        ['CREATE UNIQUE INDEX "ix_notes_slug" ON "notes" ("slug")'],
      ),
    },
    {
      name: "native changes stay native",
      op: {
        kind: "batchAlterTable",
        table: "notes",
        operations: [
          { kind: "addColumn", table: "notes", column: { name: "slug", type: { kind: "text" }, nullable: true } },
          { kind: "createIndex", table: "notes", index: { name: "ix_notes_slug", elements: [{ column: "slug" }], unique: false } },
        ],
      },
      expected: [{ sql: 'ALTER TABLE "notes" ADD COLUMN "slug" TEXT' }, { sql: 'CREATE INDEX "ix_notes_slug" ON "notes" ("slug")' }],
    },
    {
      name: 'recreate: "always" rebuilds anyway',
      op: { kind: "batchAlterTable", table: "notes", recreate: "always", operations: [{ kind: "dropIndex", table: "notes", name: "ix_notes_author" }] },
      state: notes,
      expected: rebuild([...NOTES_COLUMNS, PK], NOTES_COPY, []).map((s, i, all) => (i === all.length - 1 ? { ...s, checkForeignKeys: true } : s)),
    },
    {
      name: 'recreate: "never" refuses a change that needs a rebuild',
      op: { kind: "batchAlterTable", table: "notes", recreate: "never", operations: [{ kind: "alterColumn", table: "notes", column: "title", nullable: true }] },
      state: notes,
      throws: /recreate: "never"/,
    },
  ],
};

function contextFor(c: Case<OperationKind>): CompileContext {
  return { offline: c.offline ?? false, tableState: () => (c.state ? structuredClone(c.state) : undefined) };
}

describe("SQLite compile: every operation kind", () => {
  for (const [kind, list] of Object.entries(cases) as Array<[OperationKind, Case<OperationKind>[]]>) {
    describe(kind, () => {
      it("has at least one case", () => expect(list.length).toBeGreaterThan(0));
      for (const c of list) {
        it(c.name, async () => {
          const result = sqliteDialect.compile(c.op, contextFor(c));
          if (c.throws) {
            const error = await result.then(() => undefined, (e: unknown) => e);
            expect(isMigrateError(error), String(error)).toBe(true);
            expect((error as MigrateError).message).toMatch(c.throws);
            expect((error as MigrateError).hint).toMatch(/\w/);
          } else {
            expect(await result).toEqual(c.expected);
          }
        });
      }
    });
  }
});

describe("SQLite compile: errors", () => {
  it("refusals are UnsupportedOperationErrors naming the operation", async () => {
    await expect(sqliteDialect.compile({ kind: "createEnum", enum: { name: "mood", values: [] } }, contextFor({ name: "", op: { kind: "dropTable", table: "x" } }))).rejects.toMatchObject({
      name: "UnsupportedOperationError",
      code: "unsupported-operation",
      message: expect.stringContaining("createEnum"),
    });
  });

  it("bulkInsert chunks to stay under 999 bound values", async () => {
    const rows = Array.from({ length: 700 }, (_, i) => ({ a: i, b: `v${i}` }));
    const statements = await sqliteDialect.compile({ kind: "bulkInsert", table: "t", rows }, { offline: true, tableState: () => undefined });
    expect(statements.map((s) => s.params?.length)).toEqual([998, 402]);
    expect(statements.flatMap((s) => s.params)).toEqual(rows.flatMap((r) => [r.a, r.b]));
  });
});
