/**
 * Reads (and for setup, writes) test databases straight through the drivers — independent of athanor's own code — so
 * end-to-end tests check what is really stored.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import mysql from "mysql2/promise";
import type { TestDatabase } from "./databases.js";

/** Runs one statement on a test database and returns its rows (empty for writes). */
export async function queryTestDatabase(db: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  if (db.dialect === "sqlite") {
    const conn = new Database(db.file as string, { fileMustExist: true });
    try {
      const statement = conn.prepare(sql);
      return statement.reader ? (statement.all() as Record<string, unknown>[]) : (statement.run(), []);
    } finally {
      conn.close();
    }
  }
  if (db.dialect === "postgres") {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const conn = await mysql.createConnection({ uri: db.url });
  try {
    const [rows] = await conn.query(sql);
    return rows as Record<string, unknown>[];
  } finally {
    await conn.end();
  }
}

/** Whether `table` exists in the test database's default schema. */
export async function tableExists(db: TestDatabase, table: string): Promise<boolean> {
  if (db.dialect === "sqlite" && !existsSync(db.file as string)) return false;
  const sql =
    db.dialect === "sqlite"
      ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${table}'`
      : db.dialect === "postgres"
        ? `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '${table}'`
        : `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '${table}'`;
  return (await queryTestDatabase(db, sql)).length > 0;
}

/** The version rows (sorted), or null when the version table does not exist. */
export async function versionRows(db: TestDatabase, table = "athanor_version"): Promise<string[] | null> {
  if (!(await tableExists(db, table))) return null;
  const rows = await queryTestDatabase(db, `SELECT version_num FROM ${table}`);
  return rows.map((r) => String(r.version_num)).sort();
}
