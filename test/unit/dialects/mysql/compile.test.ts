/**
 * Golden SQL for every operation kind on MySQL. The cases are a Record over OperationKind, so a
 * new kind fails to typecheck until it has a case here.
 */
import { describe, expect, it } from "vitest";
import type { CompileContext, Statement } from "../../../../src/dialects/dialect.js";
import type { Operation, OperationKind } from "../../../../src/operations/types.js";
import type { ErrorCode } from "../../../../src/errors.js";
import { isMigrateError } from "../../../../src/errors.js";
import type { TableRef, TableSchema } from "../../../../src/catalog/types.js";
import { emptyTable } from "../../../../src/catalog/types.js";
import { sql } from "../../../../src/core/sql.js";
import { mysqlDialect } from "../../../../src/dialects/mysql/index.js";

interface Case {
  name: string;
  op: Operation;
  /** Expected statements (sql, and params when bound). */
  expected?: Statement[];
  /** Expected MigrateError code instead. */
  error?: ErrorCode;
  /** Live table definitions the context reports (online compile). */
  state?: TableSchema[];
}

function context(state: TableSchema[] = []): CompileContext {
  return {
    offline: state.length === 0,
    tableState: (ref: TableRef) => state.find((t) => t.name === ref.name && (t.schema ?? null) === (ref.schema ?? null)),
  };
}

const users: TableSchema = {
  ...emptyTable("users"),
  columns: [
    { name: "id", type: { kind: "bigint", unsigned: true }, nullable: false, generated: { kind: "autoincrement" } },
    { name: "email", type: { kind: "varchar", length: 200 }, nullable: false, collation: "utf8mb4_bin" },
    { name: "name", type: { kind: "varchar" }, nullable: true, default: { kind: "literal", value: "it's \\ ok" }, comment: "display name" },
    { name: "active", type: { kind: "boolean" }, nullable: false, default: { kind: "literal", value: true } },
    { name: "balance", type: { kind: "numeric", precision: 12, scale: 2 }, nullable: false, default: { kind: "literal", value: 0 } },
    { name: "bio", type: { kind: "text", size: "medium" }, nullable: true, default: { kind: "literal", value: "" } },
    { name: "prefs", type: { kind: "json" }, nullable: true },
    { name: "role", type: { kind: "enum", name: "role", values: ["admin", "o'brien"] }, nullable: false, default: { kind: "literal", value: "admin" } },
    { name: "created_at", type: { kind: "timestamp", precision: 3 }, nullable: false, default: { kind: "sql", sql: "CURRENT_TIMESTAMP(3)" }, onUpdate: "CURRENT_TIMESTAMP(3)" },
    { name: "seen_at", type: { kind: "timestamp", withTimezone: true }, nullable: true },
    { name: "token", type: { kind: "uuid" }, nullable: true, default: { kind: "sql", sql: "uuid()" } },
    { name: "email_lower", type: { kind: "varchar", length: 200 }, nullable: true, generated: { kind: "computed", sql: "lower(`email`)", stored: true } },
  ],
  primaryKey: { name: "users_pkey", columns: ["id"] },
  uniques: [{ name: "users_email_key", columns: ["email"] }],
  checks: [{ name: "users_balance_check", expression: "`balance` >= 0" }],
  foreignKeys: [{ name: "users_team_fk", columns: ["team_id"], referencedTable: "teams", referencedColumns: ["id"], onDelete: "SET NULL" }],
  indexes: [{ name: "users_name_idx", elements: [{ column: "name", length: 10 }, { column: "created_at", descending: true }], unique: false }],
  comment: "people's accounts",
};

const usersSql = [
  "CREATE TABLE `users` (",
  "  `id` bigint unsigned NOT NULL AUTO_INCREMENT,",
  "  `email` varchar(200) COLLATE `utf8mb4_bin` NOT NULL,",
  "  `name` varchar(255) NULL DEFAULT 'it''s \\\\ ok' COMMENT 'display name',",
  "  `active` tinyint(1) NOT NULL DEFAULT TRUE,",
  "  `balance` decimal(12,2) NOT NULL DEFAULT 0,",
  "  `bio` mediumtext NULL DEFAULT (''),",
  "  `prefs` json NULL,",
  "  `role` enum('admin','o''brien') NOT NULL DEFAULT 'admin',",
  "  `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),",
  "  `seen_at` timestamp NULL,",
  "  `token` char(36) NULL DEFAULT (uuid()),",
  "  `email_lower` varchar(200) GENERATED ALWAYS AS (lower(`email`)) STORED,",
  "  PRIMARY KEY (`id`),",
  "  CONSTRAINT `users_email_key` UNIQUE (`email`),",
  "  INDEX `users_name_idx` (`name`(10), `created_at` DESC),",
  "  CONSTRAINT `users_team_fk` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE SET NULL,",
  "  CONSTRAINT `users_balance_check` CHECK (`balance` >= 0)",
  ") COMMENT='people''s accounts'",
].join("\n");

const liveItems: TableSchema = {
  ...emptyTable("items"),
  columns: [
    { name: "id", type: { kind: "integer" }, nullable: false, generated: { kind: "autoincrement" } },
    { name: "label", type: { kind: "varchar", length: 50 }, nullable: false, default: { kind: "literal", value: "x" }, comment: "shown", collation: "utf8mb4_bin" },
    { name: "touched", type: { kind: "timestamp" }, nullable: true, default: { kind: "sql", sql: "CURRENT_TIMESTAMP" }, onUpdate: "CURRENT_TIMESTAMP" },
  ],
  primaryKey: { name: null, columns: ["id"] },
  indexes: [{ name: "items_label_idx", elements: [{ column: "label" }], unique: false }],
};

const cases: Record<OperationKind, Case[]> = {
  createTable: [
    { name: "every column feature, key, constraint and index in one statement", op: { kind: "createTable", table: users }, expected: [{ sql: usersSql }] },
    {
      name: "database-qualified, minimal",
      op: { kind: "createTable", table: { ...emptyTable("t", "other_db"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }] } },
      expected: [{ sql: "CREATE TABLE `other_db`.`t` (\n  `a` int NULL\n)" }],
    },
    {
      name: "awkward identifiers are quoted",
      op: { kind: "createTable", table: { ...emptyTable("we`ird ü"), columns: [{ name: "order", type: { kind: "integer" }, nullable: false }], primaryKey: { columns: ["order"] } } },
      expected: [{ sql: "CREATE TABLE `we``ird ü` (\n  `order` int NOT NULL,\n  PRIMARY KEY (`order`)\n)" }],
    },
    { name: "interval column", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "d", type: { kind: "interval" }, nullable: true }] } }, error: "unsupported-operation" },
    { name: "an UNLOGGED table", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], unlogged: true } }, error: "unsupported-operation" },
    { name: "an index with storage parameters", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], indexes: [{ name: "i", elements: [{ column: "a" }], unique: false, storageParameters: { fillfactor: "80" } }] } }, error: "unsupported-operation" },
    { name: "array column", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "d", type: { kind: "array", of: { kind: "integer" } }, nullable: true }] } }, error: "unsupported-operation" },
    { name: "partial index", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], indexes: [{ name: "i", elements: [{ column: "a" }], unique: false, where: "a > 0" }] } }, error: "unsupported-operation" },
    { name: "NULLS FIRST on an index element", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], indexes: [{ name: "i", elements: [{ column: "a", nulls: "first" }], unique: false }] } }, error: "unsupported-operation" },
    { name: "an operator class", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], indexes: [{ name: "i", elements: [{ column: "a", opclass: "ops" }], unique: false }] } }, error: "unsupported-operation" },
    { name: "a COLLATE per index element", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], indexes: [{ name: "i", elements: [{ column: "a", collation: "utf8mb4_bin" }], unique: false }] } }, error: "unsupported-operation" },
    { name: "NULLS NOT DISTINCT on an index", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], indexes: [{ name: "i", elements: [{ column: "a" }], unique: true, nullsNotDistinct: true }] } }, error: "unsupported-operation" },
    { name: "a deferrable primary key", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: false }], primaryKey: { name: null, columns: ["a"], deferrable: true } } }, error: "unsupported-operation" },
    { name: "a NULLS NOT DISTINCT unique key", op: { kind: "createTable", table: { ...emptyTable("t"), columns: [{ name: "a", type: { kind: "integer" }, nullable: true }], uniques: [{ name: "u", columns: ["a"], nullsNotDistinct: true }] } }, error: "unsupported-operation" },
  ],
  dropTable: [{ name: "plain", op: { kind: "dropTable", table: "users" }, expected: [{ sql: "DROP TABLE `users`" }] }],
  renameTable: [{ name: "plain", op: { kind: "renameTable", from: "users", to: "people" }, expected: [{ sql: "RENAME TABLE `users` TO `people`" }] }],
  addColumn: [
    {
      name: "with default and comment",
      op: { kind: "addColumn", table: "users", column: { name: "age", type: { kind: "smallint", unsigned: true }, nullable: false, default: { kind: "literal", value: 18 }, comment: "years" } },
      expected: [{ sql: "ALTER TABLE `users` ADD COLUMN `age` smallint unsigned NOT NULL DEFAULT 18 COMMENT 'years'" }],
    },
    {
      name: "binary types",
      op: { kind: "addColumn", table: "users", column: { name: "hash", type: { kind: "binary", length: 32, fixed: true }, nullable: true } },
      expected: [{ sql: "ALTER TABLE `users` ADD COLUMN `hash` binary(32) NULL" }],
    },
    {
      name: "NOT NULL with a null default writes no default",
      op: { kind: "addColumn", table: "users", column: { name: "n", type: { kind: "double" }, nullable: false, default: { kind: "literal", value: null } } },
      expected: [{ sql: "ALTER TABLE `users` ADD COLUMN `n` double NOT NULL" }],
    },
    {
      name: "placed after another column",
      op: { kind: "addColumn", table: "users", column: { name: "nick", type: { kind: "varchar", length: 40 }, nullable: true }, position: { after: "name" } },
      expected: [{ sql: "ALTER TABLE `users` ADD COLUMN `nick` varchar(40) NULL AFTER `name`" }],
    },
    {
      name: "placed first",
      op: { kind: "addColumn", table: "users", column: { name: "rank", type: { kind: "integer" }, nullable: true }, position: { first: true } },
      expected: [{ sql: "ALTER TABLE `users` ADD COLUMN `rank` int NULL FIRST" }],
    },
    {
      name: "time with time zone",
      op: { kind: "addColumn", table: "users", column: { name: "t", type: { kind: "time", withTimezone: true }, nullable: true } },
      error: "unsupported-operation",
    },
  ],
  dropColumn: [{ name: "plain", op: { kind: "dropColumn", table: "users", column: "age" }, expected: [{ sql: "ALTER TABLE `users` DROP COLUMN `age`" }] }],
  alterColumn: [
    {
      name: "offline with the full existing definition",
      op: { kind: "alterColumn", table: "users", column: "name", nullable: false, existingType: { kind: "varchar", length: 100 }, existingNullable: true, existingDefault: { kind: "literal", value: "anon" }, existingComment: null, existingGenerated: null },
      expected: [{ sql: "ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) NOT NULL DEFAULT 'anon'" }],
    },
    {
      name: "offline rename plus type change uses CHANGE COLUMN",
      op: { kind: "alterColumn", table: "users", column: "name", newName: "full_name", type: { kind: "text" }, existingType: { kind: "varchar", length: 100 }, existingNullable: true, existingDefault: null, existingComment: "c", existingGenerated: null },
      expected: [{ sql: "ALTER TABLE `users` CHANGE COLUMN `name` `full_name` text NULL COMMENT 'c'" }],
    },
    {
      name: "offline without existing* is refused",
      op: { kind: "alterColumn", table: "users", column: "name", nullable: false },
      error: "unsupported-operation",
    },
    {
      name: "online: the live definition fills in what is not changed (collation, ON UPDATE, comment, AUTO_INCREMENT)",
      state: [liveItems],
      op: { kind: "alterColumn", table: "items", column: "label", type: { kind: "varchar", length: 80 } },
      expected: [{ sql: "ALTER TABLE `items` MODIFY COLUMN `label` varchar(80) COLLATE `utf8mb4_bin` NOT NULL DEFAULT 'x' COMMENT 'shown'" }],
    },
    {
      name: "online: ON UPDATE survives a nullability change",
      state: [liveItems],
      op: { kind: "alterColumn", table: "items", column: "touched", nullable: false },
      expected: [{ sql: "ALTER TABLE `items` MODIFY COLUMN `touched` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP" }],
    },
    {
      name: "online: AUTO_INCREMENT survives a type change",
      state: [liveItems],
      op: { kind: "alterColumn", table: "items", column: "id", type: { kind: "bigint" } },
      expected: [{ sql: "ALTER TABLE `items` MODIFY COLUMN `id` bigint NOT NULL AUTO_INCREMENT" }],
    },
    { name: "pure rename", op: { kind: "alterColumn", table: "users", column: "a", newName: "b" }, expected: [{ sql: "ALTER TABLE `users` RENAME COLUMN `a` TO `b`" }] },
    { name: "USING is refused", op: { kind: "alterColumn", table: "users", column: "a", type: { kind: "integer" }, using: "a::int" }, error: "unsupported-operation" },
  ],
  createIndex: [
    {
      name: "unique composite with method",
      op: { kind: "createIndex", table: "users", index: { name: "ix", elements: [{ column: "a" }, { column: "b", descending: true }], unique: true, using: "btree" } },
      expected: [{ sql: "CREATE UNIQUE INDEX `ix` ON `users` (`a`, `b` DESC) USING BTREE" }],
    },
    { name: "fulltext", op: { kind: "createIndex", table: "users", index: { name: "ft", elements: [{ column: "bio" }], unique: false, using: "fulltext" } }, expected: [{ sql: "CREATE FULLTEXT INDEX `ft` ON `users` (`bio`)" }] },
    { name: "if not exists offline (MariaDB syntax)", op: { kind: "createIndex", table: "users", ifNotExists: true, index: { name: "ix", elements: [{ column: "a" }], unique: false } }, expected: [{ sql: "CREATE INDEX IF NOT EXISTS `ix` ON `users` (`a`)" }] },
    { name: "if not exists online, already there", state: [liveItems], op: { kind: "createIndex", table: "items", ifNotExists: true, index: { name: "items_label_idx", elements: [{ column: "label" }], unique: false } }, expected: [] },
    { name: "expression element", op: { kind: "createIndex", table: "users", index: { name: "ix", elements: [{ expression: "lower(email)" }], unique: false } }, error: "unsupported-operation" },
    { name: "partial", op: { kind: "createIndex", table: "users", index: { name: "ix", elements: [{ column: "a" }], unique: false, where: "a > 1" } }, error: "unsupported-operation" },
    { name: "concurrently", op: { kind: "createIndex", table: "users", concurrently: true, index: { name: "ix", elements: [{ column: "a" }], unique: false } }, error: "unsupported-operation" },
    { name: "gin", op: { kind: "createIndex", table: "users", index: { name: "ix", elements: [{ column: "a" }], unique: false, using: "gin" } }, error: "unsupported-operation" },
  ],
  dropIndex: [
    { name: "plain", op: { kind: "dropIndex", table: "users", name: "ix" }, expected: [{ sql: "DROP INDEX `ix` ON `users`" }] },
    { name: "if exists online, absent", state: [liveItems], op: { kind: "dropIndex", table: "items", name: "nope", ifExists: true }, expected: [] },
    { name: "concurrently", op: { kind: "dropIndex", table: "users", name: "ix", concurrently: true }, error: "unsupported-operation" },
  ],
  replacePrimaryKey: [
    {
      name: "one ALTER, so an AUTO_INCREMENT column stays keyed",
      op: { kind: "replacePrimaryKey", table: "users", constraint: { columns: ["id", "tenant"] }, existing: { columns: ["id"] } },
      expected: [{ sql: "ALTER TABLE `users` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `tenant`)" }],
    },
  ],
  alterTableOptions: [
    {
      name: "default character set from the collation, and the engine",
      op: { kind: "alterTableOptions", table: "users", collation: "utf8mb4_bin", engine: "InnoDB", existingCollation: "latin1_swedish_ci", existingEngine: "MyISAM" },
      expected: [{ sql: "ALTER TABLE `users` ENGINE=InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" }],
    },
    { name: "a name that is not one is refused", op: { kind: "alterTableOptions", table: "users", collation: "x; DROP" }, error: "model" },
    { name: "UNLOGGED is PostgreSQL's", op: { kind: "alterTableOptions", table: "users", unlogged: true, existingUnlogged: false }, error: "unsupported-operation" },
    { name: "storage parameters are PostgreSQL's", op: { kind: "alterTableOptions", table: "users", storageParameters: { fillfactor: "70" } }, error: "unsupported-operation" },
  ],
  alterIndexOptions: [{ name: "storage parameters are PostgreSQL's", op: { kind: "alterIndexOptions", table: "users", name: "ix", storageParameters: { fillfactor: "70" } }, error: "unsupported-operation" }],
  createPrimaryKey: [{ name: "name is not written", op: { kind: "createPrimaryKey", table: "users", constraint: { name: "pk", columns: ["a", "b"] } }, expected: [{ sql: "ALTER TABLE `users` ADD PRIMARY KEY (`a`, `b`)" }] }],
  createForeignKey: [
    {
      name: "named with both rules, other database",
      op: { kind: "createForeignKey", table: "orders", constraint: { name: "fk", columns: ["user_id"], referencedSchema: "crm", referencedTable: "users", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: "RESTRICT" } },
      expected: [{ sql: "ALTER TABLE `orders` ADD CONSTRAINT `fk` FOREIGN KEY (`user_id`) REFERENCES `crm`.`users` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT" }],
    },
    { name: "deferrable", op: { kind: "createForeignKey", table: "orders", constraint: { name: "fk", columns: ["a"], referencedTable: "u", referencedColumns: ["id"], deferrable: true } }, error: "unsupported-operation" },
  ],
  createUniqueConstraint: [
    { name: "named", op: { kind: "createUniqueConstraint", table: "users", constraint: { name: "uq", columns: ["a", "b"] } }, expected: [{ sql: "ALTER TABLE `users` ADD CONSTRAINT `uq` UNIQUE (`a`, `b`)" }] },
    { name: "unnamed", op: { kind: "createUniqueConstraint", table: "users", constraint: { columns: ["a"] } }, expected: [{ sql: "ALTER TABLE `users` ADD UNIQUE (`a`)" }] },
  ],
  createCheckConstraint: [{ name: "named", op: { kind: "createCheckConstraint", table: "users", constraint: { name: "ck", expression: "a > 0" } }, expected: [{ sql: "ALTER TABLE `users` ADD CONSTRAINT `ck` CHECK (a > 0)" }] }],
  createExclusionConstraint: [{ name: "refused", op: { kind: "createExclusionConstraint", table: "bookings", constraint: { name: "bookings_no_overlap", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled" } }, error: "unsupported-operation" }],
  validateConstraint: [{ name: "refused", op: { kind: "validateConstraint", table: "orders", name: "fk", type: "foreignKey" }, error: "unsupported-operation" }],
  dropConstraint: [
    { name: "primary key", op: { kind: "dropConstraint", table: "t", name: "PRIMARY", type: "primaryKey" }, expected: [{ sql: "ALTER TABLE `t` DROP PRIMARY KEY" }] },
    // Offline the table is unknown: the index InnoDB may have made for the key goes too, if it exists (drop-foreign-key.test.ts has the rest).
    { name: "foreign key", op: { kind: "dropConstraint", table: "t", name: "fk", type: "foreignKey" }, expected: [{ sql: "ALTER TABLE `t` DROP FOREIGN KEY `fk`, DROP INDEX IF EXISTS `fk`" }] },
    { name: "unique", op: { kind: "dropConstraint", table: "t", name: "uq", type: "unique" }, expected: [{ sql: "ALTER TABLE `t` DROP INDEX `uq`" }] },
    { name: "check", op: { kind: "dropConstraint", table: "t", name: "ck", type: "check" }, expected: [{ sql: "ALTER TABLE `t` DROP CONSTRAINT `ck`" }] },
  ],
  createTableComment: [{ name: "quoted", op: { kind: "createTableComment", table: "t", comment: "a 'b' \\c" }, expected: [{ sql: "ALTER TABLE `t` COMMENT = 'a ''b'' \\\\c'" }] }],
  dropTableComment: [{ name: "empty comment", op: { kind: "dropTableComment", table: "t" }, expected: [{ sql: "ALTER TABLE `t` COMMENT = ''" }] }],
  setComment: [
    { name: "an index comment is part of the index", op: { kind: "setComment", on: "index", table: "t", name: "ix", comment: "x" }, error: "unsupported-operation" },
    { name: "no constraint comments", op: { kind: "setComment", on: "constraint", table: "t", name: "t_chk", comment: "x" }, error: "unsupported-operation" },
  ],
  createEnum: [{ name: "no named enums", op: { kind: "createEnum", enum: { name: "mood", values: ["a"] } }, error: "unsupported-operation" }],
  dropEnum: [{ name: "no named enums", op: { kind: "dropEnum", name: "mood" }, error: "unsupported-operation" }],
  addEnumValue: [{ name: "no named enums", op: { kind: "addEnumValue", name: "mood", value: "b" }, error: "unsupported-operation" }],
  renameEnumValue: [{ name: "no named enums", op: { kind: "renameEnumValue", name: "mood", from: "a", to: "b" }, error: "unsupported-operation" }],
  createSchema: [{ name: "a schema is a database", op: { kind: "createSchema", name: "billing" }, error: "unsupported-operation" }],
  dropSchema: [{ name: "a schema is a database", op: { kind: "dropSchema", name: "billing" }, error: "unsupported-operation" }],
  createObject: [
    { name: "view", op: { kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "select 1 AS `one`" } }, expected: [{ sql: "CREATE VIEW `v` AS select 1 AS `one`" }] },
    {
      name: "view with its options, the query's own semicolon dropped before the check option",
      op: { kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "select `t`.`a` AS `a` from `t` where `t`.`a` > 0;", viewOptions: { security: "invoker", checkOption: "local", algorithm: "merge" } } },
      expected: [{ sql: "CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `v` AS select `t`.`a` AS `a` from `t` where `t`.`a` > 0 WITH LOCAL CHECK OPTION" }],
    },
    { name: "no extensions", op: { kind: "createObject", object: { kind: "extension", schema: null, name: "pgcrypto", definition: "" } }, error: "unsupported-operation" },
  ],
  dropObject: [{ name: "procedure", op: { kind: "dropObject", object: { kind: "procedure", schema: null, name: "p", definition: "CREATE PROCEDURE `p`() select 1" } }, expected: [{ sql: "DROP PROCEDURE `p`" }] }],
  replaceObject: [
    { name: "view: CREATE OR REPLACE", op: { kind: "replaceObject", object: { kind: "view", schema: null, name: "v", definition: "select 2 AS `two`" }, existing: { kind: "view", schema: null, name: "v", definition: "select 1 AS `one`" } }, expected: [{ sql: "CREATE OR REPLACE VIEW `v` AS select 2 AS `two`" }] },
    {
      name: "view: a changed option is CREATE OR REPLACE with every option written (explicit defaults too)",
      op: {
        kind: "replaceObject",
        object: { kind: "view", schema: null, name: "v", definition: "select 1 AS `one`", viewOptions: { security: "definer", checkOption: "cascaded", algorithm: "undefined" } },
        existing: { kind: "view", schema: null, name: "v", definition: "select 1 AS `one`", viewOptions: { security: "invoker" } },
      },
      expected: [{ sql: "CREATE OR REPLACE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select 1 AS `one` WITH CASCADED CHECK OPTION" }],
    },
    {
      name: "trigger: drop and create",
      op: { kind: "replaceObject", object: { kind: "trigger", schema: null, name: "t", table: "x", definition: "CREATE TRIGGER `t` AFTER INSERT ON `x` FOR EACH ROW set @a = 2" }, existing: { kind: "trigger", schema: null, name: "t", table: "x", definition: "CREATE TRIGGER `t` AFTER INSERT ON `x` FOR EACH ROW set @a = 1" } },
      expected: [{ sql: "DROP TRIGGER `t`" }, { sql: "CREATE TRIGGER `t` AFTER INSERT ON `x` FOR EACH ROW set @a = 2" }],
    },
  ],
  execute: [
    { name: "plain string runs verbatim", op: { kind: "execute", sql: "UPDATE t SET a = 1" }, expected: [{ sql: "UPDATE t SET a = 1" }] },
    { name: "fragment binds its values", op: { kind: "execute", sql: sql`UPDATE t SET a = ${"x'y"} WHERE id = ${7}` }, expected: [{ sql: "UPDATE t SET a = ? WHERE id = ?", params: ["x'y", 7] }] },
  ],
  bulkInsert: [
    {
      name: "missing keys become DEFAULT; booleans and json converted",
      op: {
        kind: "bulkInsert",
        table: "t",
        columns: [{ name: "ok", type: { kind: "boolean" } }, { name: "doc", type: { kind: "json" } }],
        rows: [{ ok: true, doc: { a: 1 }, n: 1 }, { ok: false, n: 2 }],
      },
      expected: [{ sql: "INSERT INTO `t` (`ok`, `doc`, `n`) VALUES (?, ?, ?), (?, DEFAULT, ?)", params: [1, '{"a":1}', 1, 0, 2] }],
    },
    { name: "no rows, no statements", op: { kind: "bulkInsert", table: "t", rows: [] }, expected: [] },
  ],
  batchAlterTable: [
    {
      name: "inner operations one by one",
      op: {
        kind: "batchAlterTable",
        table: "t",
        operations: [
          { kind: "addColumn", table: "t", column: { name: "a", type: { kind: "integer" }, nullable: true } },
          { kind: "createIndex", table: "t", index: { name: "t_a", elements: [{ column: "a" }], unique: false } },
        ],
      },
      expected: [{ sql: "ALTER TABLE `t` ADD COLUMN `a` int NULL" }, { sql: "CREATE INDEX `t_a` ON `t` (`a`)" }],
    },
    {
      name: "an inner operation on another table",
      op: { kind: "batchAlterTable", table: "t", operations: [{ kind: "dropColumn", table: "u", column: "a" }] },
      error: "unsupported-operation",
    },
  ],
};

async function compileCase(c: Case): Promise<Statement[]> {
  return mysqlDialect.compile(c.op, context(c.state));
}

describe("mysql compile: golden SQL per operation kind", () => {
  for (const [kind, list] of Object.entries(cases) as [OperationKind, Case[]][]) {
    describe(kind, () => {
      for (const c of list) {
        it(c.name, async () => {
          expect(c.op.kind).toBe(kind);
          if (c.error) {
            const error = await compileCase(c).then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(isMigrateError(error)).toBe(true);
            expect((error as { code: string }).code).toBe(c.error);
            expect((error as { hint?: string }).hint).toBeTruthy();
            return;
          }
          expect(await compileCase(c)).toEqual(c.expected);
        });
      }
    });
  }
});

describe("mysql compile: the bulk insert splits large inputs", () => {
  it("keeps every INSERT under the value cap and every row", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ a: i, b: `v${i}`, c: null }));
    const statements = await mysqlDialect.compile({ kind: "bulkInsert", table: "t", rows }, context());
    expect(statements.length).toBe(3);
    const total = statements.reduce((n, s) => n + (s.params?.length ?? 0), 0);
    expect(total).toBe(2500 * 3);
    for (const s of statements) expect(s.params?.length ?? 0).toBeLessThanOrEqual(10_000);
    expect(statements[2]?.params?.slice(-3)).toEqual([2499, "v2499", null]);
  });
});
