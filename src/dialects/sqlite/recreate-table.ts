/**
 * The SQLite table rebuild, for every change ALTER TABLE cannot make: create the new definition
 * under a temporary name, copy the rows across, drop the old table, rename the new one into
 * place, then recreate its indexes and triggers. It must run with foreign keys off (the
 * connection does that for every migration transaction) so the DROP TABLE neither cascades into
 * nor is blocked by child tables; the last statement asks for `PRAGMA foreign_key_check`.
 */
import type { Statement } from "../dialect.js";
import type { TableSchema } from "../../catalog/types.js";
import type { TableEdit } from "../../operations/table-state.js";
import { quoteIdentifier } from "./quote.js";
import { columnSource } from "./table-edits.js";
import { tableExtras } from "./table-extras.js";
import { createIndexSql, createTableSql } from "./table-sql.js";

/** Prefix of the temporary table a rebuild creates. */
const REBUILD_PREFIX = "_athanor_tmp_";

function autoincrements(table: TableSchema): boolean {
  return table.columns.some((c) => c.generated?.kind === "autoincrement" || c.generated?.kind === "identity");
}

/**
 * Statements that turn `old` into `edit.table` while keeping its rows. Columns with a source
 * are copied (renamed ones from their old name); new columns are left to their default.
 */
export function rebuildTable(old: TableSchema, edit: TableEdit): Statement[] {
  const next = edit.table;
  const extras = tableExtras(old);
  const name = quoteIdentifier(old.name);
  const tmpName = `${REBUILD_PREFIX}${old.name}`;
  const tmp = quoteIdentifier(tmpName);
  const statements: Statement[] = [{ sql: createTableSql({ ...next, name: old.name }, tmpName, extras.options) }];

  const copied = next.columns.filter((c) => c.generated?.kind !== "computed" && columnSource(edit, c.name) !== null);
  if (copied.length > 0) {
    const targets = copied.map((c) => quoteIdentifier(c.name)).join(", ");
    const values = copied.map((c) => columnSource(edit, c.name)).join(", ");
    statements.push({ sql: `INSERT INTO ${tmp} (${targets}) SELECT ${values} FROM ${name}` });
  }
  if (autoincrements(old) && autoincrements(next)) {
    // Keep the AUTOINCREMENT high-water mark, so ids of deleted rows are not handed out again.
    statements.push({ sql: "DELETE FROM sqlite_sequence WHERE name = ?", params: [tmpName] });
    statements.push({ sql: "UPDATE sqlite_sequence SET name = ? WHERE name = ?", params: [tmpName, old.name] });
  }
  statements.push({ sql: `DROP TABLE ${name}` });
  // Legacy mode keeps RENAME from re-checking views that mention the (now dropped) old name.
  statements.push({ sql: "PRAGMA legacy_alter_table = ON" });
  statements.push({ sql: `ALTER TABLE ${tmp} RENAME TO ${name}` });
  statements.push({ sql: "PRAGMA legacy_alter_table = OFF" });
  for (const index of next.indexes) statements.push({ sql: createIndexSql(old.name, index) });
  for (const trigger of extras.triggers) statements.push({ sql: trigger });
  statements[statements.length - 1].checkForeignKeys = true;
  return statements;
}
