/**
 * The one refusal of PostgreSQL row-level security by a database that has none (MySQL/MariaDB,
 * SQLite): a table declared with `rowLevelSecurity`, or an alterTableOptions that sets it.
 * Policies, the other half of the feature, are objects those dialects refuse with the rest.
 */
import { UnsupportedOperationError } from "../errors.js";
import type { RowLevelSecurity, TableSchema } from "../catalog/types.js";

/** Throws when `security` turns row-level security on (disabled is what these databases always are). */
export function refuseRowLevelSecurity(database: string, table: string, security: RowLevelSecurity | undefined): void {
  if (security === undefined || security === "disabled") return;
  throw new UnsupportedOperationError(`Table "${table}" is declared with rowLevelSecurity: "${security}", which ${database} does not have (row-level security and policies are PostgreSQL's).`, {
    hint: `Leave rowLevelSecurity (and policy(...)) out of the ${database} model, or branch on op.dialect in a revision that also targets PostgreSQL.`,
  });
}

/** The table, when it holds no row-level security. */
export function withoutRowLevelSecurity(database: string, table: TableSchema): TableSchema {
  refuseRowLevelSecurity(database, table.name, table.rowLevelSecurity);
  return table;
}
