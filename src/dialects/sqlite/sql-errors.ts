/**
 * Turns better-sqlite3 failures into SqlErrors that keep the driver's own message (it names the
 * table, column or constraint at fault) and add a hint chosen by SQLite's error code.
 */
import { SqlError } from "../../errors.js";

const HINTS: Array<[RegExp, string]> = [
  [/^SQLITE_BUSY/, "Another connection is writing to the database; wait for it to finish, or raise the wait with --lock-timeout (or ?timeout=<ms> in the sqlite: URL)."],
  [/^SQLITE_CONSTRAINT_FOREIGNKEY/, "Rows point at missing parent rows; fix or delete them in the revision before this statement."],
  [/^SQLITE_CONSTRAINT_NOTNULL/, "Existing rows have no value for a NOT NULL column; give the column a default or fill it in first."],
  [/^SQLITE_CONSTRAINT/, "Existing rows violate the constraint; clean the data up in the revision before this statement."],
  [/^SQLITE_READONLY/, "The database is read-only; check the file's permissions and drop ?mode=ro from the URL."],
  [/^SQLITE_(CANTOPEN|IOERR|FULL)/, "Check that the database file and its directory are writable and the disk has room."],
];

/** The SqlError for a failed statement (or a RangeError/TypeError from binding its values). */
export function toSqlError(error: unknown, sql: string): SqlError {
  if (error instanceof SqlError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const codeText = typeof code === "string" ? code : "";
  const message = error instanceof Error ? error.message : String(error);
  const hint = HINTS.find(([pattern]) => pattern.test(codeText))?.[1] ?? "Check the statement shown against the current schema of the database.";
  const label = codeText ? ` [${codeText}]` : "";
  return new SqlError(`SQLite error${label}: ${message}`, sql, { hint, cause: error });
}
