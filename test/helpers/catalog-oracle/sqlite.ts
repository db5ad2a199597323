/**
 * SQLite catalog as SQLite records it: every `sqlite_schema` row with its SQL text (normalised
 * only by normalizeSqliteSql), and what the pragmas report per table — table_list (type, strict,
 * without rowid), table_xinfo (declared type exactly as written, NOT NULL, default text as
 * written, primary-key position, hidden/generated), foreign_key_list (with ON UPDATE/DELETE and
 * MATCH), index_list and index_xinfo (origin, partial, key order, collation, DESC).
 * CREATE TABLE statements are read with their constraints in one canonical order (sqlite-create-table.ts).
 * Internal objects (`sqlite_%`) and athanor's version tables are left out. Views and triggers are
 * in `sqlite_schema` and so are compared already.
 */
import Database from "better-sqlite3";
import { ORACLE_EXCLUDED_TABLES } from "./excluded.js";
import { canonicalCreateTable } from "./sqlite-create-table.js";
import { sqliteTokens } from "./sqlite-sql-text.js";

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The catalog of the SQLite database file `file`, one line per object, in a stable order. */
export function sqliteCatalog(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").all() as {
      type: string; name: string; tbl_name: string; sql: string | null;
    }[];
    const keep = rows.filter((r) => !r.name.startsWith("sqlite_") && !ORACLE_EXCLUDED_TABLES.includes(r.tbl_name));
    const out = keep.map((r) => `${r.type} ${q(r.name)} on ${q(r.tbl_name)}: ${r.sql === null ? "(automatic)" : canonicalCreateTable(sqliteTokens(r.sql)).join(" ")}`);
    const list = db.prepare("PRAGMA table_list").all() as { schema: string; name: string; type: string; ncol: number; wr: number; strict: number }[];
    for (const t of list.filter((t) => t.schema === "main" && !t.name.startsWith("sqlite_") && !ORACLE_EXCLUDED_TABLES.includes(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = q(t.name);
      out.push(`table ${name} ${t.type}${t.wr ? " without rowid" : ""}${t.strict ? " strict" : ""}`);
      if (t.type !== "table") continue;
      for (const c of db.prepare(`PRAGMA table_xinfo(${name})`).all() as { cid: number; name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }[]) {
        out.push(`column ${name} #${c.cid} ${q(c.name)} type ${JSON.stringify(c.type)}${c.notnull ? " not null" : ""}${c.dflt_value === null ? "" : ` default ${c.dflt_value}`}${c.pk ? ` pk ${c.pk}` : ""}${c.hidden ? ` hidden ${c.hidden}` : ""}`);
      }
      const fks = db.prepare(`PRAGMA foreign_key_list(${name})`).all() as { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string; match: string }[];
      const byId = new Map<number, typeof fks>();
      for (const f of fks) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
      const fkLines = [...byId.values()].map((parts) => {
        parts.sort((a, b) => a.seq - b.seq);
        const f = parts[0]!;
        return `foreign key ${name} (${parts.map((p) => q(p.from)).join(", ")}) references ${q(f.table)} (${parts.map((p) => (p.to === null ? "(pk)" : q(p.to))).join(", ")}) on update ${f.on_update} on delete ${f.on_delete} match ${f.match}`;
      });
      out.push(...fkLines.sort());
      const indexes = db.prepare(`PRAGMA index_list(${name})`).all() as { name: string; unique: number; origin: string; partial: number }[];
      const idxLines = indexes.map((ix) => {
        const cols = (db.prepare(`PRAGMA index_xinfo(${q(ix.name)})`).all() as { seqno: number; cid: number; name: string | null; desc: number; coll: string; key: number }[])
          .filter((c) => c.key)
          .map((c) => `${c.name === null ? (c.cid === -2 ? "(expression)" : "(rowid)") : q(c.name)} ${c.desc ? "desc" : "asc"} collate ${c.coll}`);
        // An automatic index's name is SQLite's (sqlite_autoindex_<table>_<n>), numbered by constraint order.
        return `index ${name} ${q(ix.name)} origin ${ix.origin}${ix.unique ? " unique" : ""}${ix.partial ? " partial" : ""} (${cols.join(", ")})`;
      });
      out.push(...idxLines.sort());
    }
    return out;
  } finally {
    db.close();
  }
}
