/**
 * The refusals of PostgreSQL's exclusion constraints and VALIDATE CONSTRAINT by a database that
 * has neither (MySQL/MariaDB, SQLite): one message per feature, naming the constraint and its
 * table, so every dialect says it the same way.
 */
import { UnsupportedOperationError } from "../errors.js";
import type { ExclusionSchema } from "../catalog/types.js";

/** Refuses an exclusion constraint by name; `instead` says what the database offers in its place. */
export function refuseExclusion(database: string, table: string, exclusion: ExclusionSchema, instead: string): never {
  throw new UnsupportedOperationError(`${database} has no exclusion constraints (${exclusion.name ?? "an exclusion constraint"} on ${table}).`, {
    hint: `Remove exclude(...) from the table for ${database}; ${instead}`,
  });
}

/** Refuses a validateConstraint: the database never holds a NOT VALID constraint, so there is nothing to validate. */
export function refuseValidate(database: string, table: string, name: string): never {
  throw new UnsupportedOperationError(`${database} has no VALIDATE CONSTRAINT (${name} on ${table}): its foreign keys and checks are never NOT VALID.`, {
    hint: `Remove validateConstraint from the revision for ${database}.`,
  });
}
