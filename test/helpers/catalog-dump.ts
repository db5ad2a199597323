/**
 * The database's own description of its tables, as text, for round-trip tests: SQLite's stored
 * CREATE statements, MySQL's SHOW CREATE TABLE, PostgreSQL's format_type / pg_get_expr /
 * pg_get_constraintdef / pg_get_indexdef and enum labels in sort order. Read straight through the
 * drivers, never through athanor's reflection, so a downgrade that "restores" the schema is judged
 * by what the database says.
 */
import { normalizeSqliteSql } from "./catalog-oracle/sqlite-sql-text.js";
import type { TestDatabase } from "./databases.js";
import { queryTestDatabase } from "./version-rows.js";

const VERSION_TABLE = "athanor_version";
/** The version table and its companions (athanor_version_log). */
const VERSION_TABLES = `'${VERSION_TABLE}', '${VERSION_TABLE}_log'`;

/** One line per catalog fact of the default schema (the version table left out), sorted. */
export async function catalogDump(db: TestDatabase): Promise<string[]> {
  if (db.dialect === "sqlite") {
    const rows = await queryTestDatabase(db, `SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT IN (${VERSION_TABLES}) AND sql IS NOT NULL`);
    // Token by token (normalizeSqliteSql): SQLite's own ALTER TABLE ADD/DROP COLUMN edits the
    // stored text and leaves the whitespace around the parentheses as it happens to fall.
    return rows.map((r) => `${r.type} ${r.name}: ${normalizeSqliteSql(String(r.sql))}`).sort();
  }
  if (db.dialect === "mysql") {
    const tables = await queryTestDatabase(db, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN (${VERSION_TABLES})`);
    const out: string[] = [];
    for (const t of tables) {
      const [row] = await queryTestDatabase(db, `SHOW CREATE TABLE \`${String(t.name)}\``);
      // AUTO_INCREMENT=n is the counter, not the schema; KEY lines come in creation order, which
      // means nothing, so they are sorted.
      const lines = String(row["Create Table"]).replace(/ AUTO_INCREMENT=\d+/, "").split("\n").map((l) => l.trim().replace(/,$/, ""));
      const keys = lines.filter((l) => /^(UNIQUE |FULLTEXT |SPATIAL )?KEY /.test(l)).sort();
      out.push([...lines.filter((l) => !keys.includes(l)), ...keys].join(" "));
    }
    return out.sort();
  }
  const queries = [
    `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT IN (${VERSION_TABLES})`,
    `SELECT c.relname || ' constraint ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname NOT IN (${VERSION_TABLES})`,
    `SELECT pg_get_indexdef(i.indexrelid) AS line FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname NOT IN (${VERSION_TABLES})`,
    `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`,
  ];
  const out: string[] = [];
  for (const sql of queries) out.push(...(await queryTestDatabase(db, sql)).map((r) => String(r.line)));
  return out.sort();
}
