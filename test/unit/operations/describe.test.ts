import { describe, expect, it } from "vitest";
import { describeOperation } from "../../../src/operations/describe.js";
import { sql } from "../../../src/core/sql.js";
import type { OperationKind } from "../../../src/operations/types.js";
import { samples } from "./sample-operations.js";

describe("describeOperation", () => {
  const expected: Record<OperationKind, string> = {
    createTable: "create table app.users",
    dropTable: "drop table app.users",
    renameTable: "rename table app.users to people",
    addColumn: "add column app.users.email",
    dropColumn: "drop column users.email",
    alterColumn: "alter column users.email (type, nullable, default, comment, generated, rename to mail)",
    createIndex: "create index ix_users_email on users",
    dropIndex: "drop index ix_users_email on users",
    createPrimaryKey: "create primary key users_pkey on users",
    replacePrimaryKey: "replace primary key on users (id) with (id, org_id)",
    alterTableOptions: "alter table users (collation utf8mb4_bin, engine InnoDB)",
    alterIndexOptions: "alter index ix_users_email on users (fillfactor=80, reset deduplicate_items)",
    createForeignKey: "create foreign key orders_user_id_fkey on orders(user_id) to users",
    createUniqueConstraint: "create unique constraint users_email_key on users",
    createCheckConstraint: "create check constraint users_age_check on users",
    createExclusionConstraint: "create exclusion constraint bookings_room_id_during_excl on bookings",
    validateConstraint: "validate foreign key orders_user_id_fkey on orders",
    dropConstraint: "drop unique constraint users_email_key on users",
    createTableComment: "set comment on table users",
    dropTableComment: "drop comment on table users",
    setComment: "set comment on index ix_users_email on users",
    createEnum: "create enum app.mood",
    dropEnum: "drop enum mood",
    addEnumValue: 'add value "happy" to enum mood',
    renameEnumValue: 'rename value "ok" of enum mood to "fine"',
    createSchema: "create schema billing",
    dropSchema: "drop schema billing",
    createObject: "create view active_users",
    dropObject: "drop trigger app.users_touch on users",
    replaceObject: "replace sequence invoice_numbers",
    execute: "execute SQL: UPDATE users SET active = true",
    bulkInsert: "insert 2 rows into users",
    batchAlterTable: "batch alter table users (2 operations)",
  };

  it.each(Object.entries(expected))("%s", (kind, text) => {
    expect(describeOperation(samples[kind as OperationKind])).toBe(text);
  });

  it("shortens long SQL and shows placeholders for bound values", () => {
    const id = 3;
    expect(describeOperation({ kind: "execute", sql: sql`DELETE FROM t WHERE id = ${id}` })).toBe("execute SQL: DELETE FROM t WHERE id = ?");
    const long = describeOperation({ kind: "execute", sql: `SELECT ${"x, ".repeat(40)}1` });
    expect(long.length).toBeLessThanOrEqual("execute SQL: ".length + 60);
    expect(long.endsWith("...")).toBe(true);
  });

  it("words singular counts and unnamed constraints", () => {
    expect(describeOperation({ kind: "bulkInsert", table: "t", rows: [{}] })).toBe("insert 1 row into t");
    expect(describeOperation({ kind: "createUniqueConstraint", table: "t", constraint: { columns: ["a"] } })).toBe("create unique constraint on t");
    expect(describeOperation({ kind: "alterColumn", table: "t", column: "c", default: null })).toBe("alter column t.c (drop default)");
    expect(describeOperation({ kind: "createIndex", table: "t", index: { name: "u", elements: [{ column: "a" }], unique: true } })).toBe("create unique index u on t");
  });
});
