/**
 * SQLite keeps every expression exactly as the CREATE statement wrote it (sqlite_schema.sql), so
 * there is no re-spelling to undo: the compare engine's expression key alone reconciles a model's
 * text with the stored one.
 */

/** The expression as it is: SQLite does not re-spell what it stores. */
export function foldSqliteSpellings(sql: string): string {
  return sql;
}
