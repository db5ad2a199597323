/**
 * How many rows each table of a test database holds (athanor's own tables left out): what a
 * migration that keeps data must leave as it found it.
 */
import Database from "better-sqlite3";
import mysql from "mysql2/promise";
import pg from "pg";
import { ORACLE_EXCLUDED_TABLES } from "./catalog-oracle/excluded.js";
import type { TestDatabase } from "./databases.js";

/** Table name → row count, for every base table. */
export async function rowCounts(db: Pick<TestDatabase, "dialect" | "url" | "file">): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const keep = (name: string) => !ORACLE_EXCLUDED_TABLES.includes(name);
  if (db.dialect === "sqlite") {
    const conn = new Database(db.file as string, { readonly: true });
    try {
      const tables = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[];
      for (const { name } of tables.filter((t) => keep(t.name))) {
        out[name] = (conn.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
      }
    } finally {
      conn.close();
    }
  } else if (db.dialect === "mysql") {
    const conn = await mysql.createConnection({ uri: db.url });
    try {
      const [tables] = await conn.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
      for (const { name } of (tables as { name: string }[]).filter((t) => keep(t.name))) {
        const [rows] = await conn.query(`SELECT count(*) AS n FROM \`${name.replace(/`/g, "``")}\``);
        out[name] = Number((rows as { n: number }[])[0]!.n);
      }
    } finally {
      await conn.end();
    }
  } else {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()");
      for (const { name } of tables.rows.filter((t) => keep(t.name))) {
        out[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)).rows[0]!.n);
      }
    } finally {
      await client.end();
    }
  }
  return out;
}
