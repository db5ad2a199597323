import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection, Dialect } from "../../../src/dialects/dialect.js";
import { loadDialect } from "../../../src/dialects/registry.js";
import { statementEffect } from "../../../src/runtime/statement-effect.js";

// A real SQLite file: the probe reads the schema through the dialect's own reflection.
let dir: string;
let dialect: Dialect;
let conn: Connection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "athanor-effect-"));
  dialect = await loadDialect("sqlite");
  conn = await dialect.connect(parseDatabaseUrl(`sqlite:${join(dir, "e.db")}`));
  await conn.query('CREATE TABLE "t" (id integer, name text, CONSTRAINT "ck_t" CHECK (id > 0))');
  await conn.query('CREATE INDEX "ix_t_name" ON "t" (name)');
});

afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("statementEffect", () => {
  it.each([
    ['CREATE TABLE "t" (id integer)', "present"],
    ["CREATE TABLE missing (id integer)", "absent"],
    ['DROP TABLE "missing"', "present"],
    ["DROP TABLE t", "absent"],
    ['ALTER TABLE "t" ADD COLUMN "name" text', "present"],
    ['ALTER TABLE "t" ADD COLUMN "other" text', "absent"],
    ['ALTER TABLE "t" DROP COLUMN "other"', "present"],
    ['CREATE INDEX "ix_t_name" ON "t" (name)', "present"],
    ['CREATE UNIQUE INDEX "ix_t_id" ON "t" (id)', "absent"],
    ["SELECT 1", "absent"],
    ['CREATE SCHEMA "billing"', "unknown"],
    ["INSERT INTO t VALUES (1, 'a')", "unknown"],
    ["UPDATE t SET name = 'b'", "unknown"],
    ['ALTER TABLE "t" ADD COLUMN a integer, ADD COLUMN b integer', "unknown"],
    // Set, not added: run again whatever happened (a real Dialect answers without reading the table).
    ['ALTER TABLE "app"."t" SET ("fillfactor" = 70), RESET ("toast"."autovacuum_enabled")', "absent"],
    ['ALTER INDEX "ix_t_name" RESET ("fillfactor")', "absent"],
    ['ALTER TABLE "t" SET UNLOGGED', "absent"],
    ['ALTER TABLE "t" SET ("fillfactor" = 70), ADD CONSTRAINT c CHECK (id > 0)', "unknown"],
  ] as const)("%s → %s", async (sql, expected) => {
    expect(await statementEffect(conn, dialect, sql)).toBe(expected);
  });
});
