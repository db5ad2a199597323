/**
 * The refusal of PostgreSQL's composite and range types by a database that has neither
 * (MySQL/MariaDB, SQLite): one message per kind, naming the type, with what to model instead, so
 * every dialect says it the same way.
 */
import { UnsupportedOperationError } from "../errors.js";
import { objectKindPlural, objectLabel, type DatabaseObject } from "../catalog/objects/types.js";

const INSTEAD: Partial<Record<DatabaseObject["kind"], string>> = {
  compositeType: "give each attribute a column of its own (or keep the value in one JSON column) and leave compositeType(...) out of the model",
  rangeType: "keep the bounds in two columns with a CHECK (lower_bound <= upper_bound) and leave rangeType(...) out of the model",
};

/** True for the kinds `refuseUserType` refuses. */
export function isPostgresOnlyType(o: Pick<DatabaseObject, "kind">): boolean {
  return o.kind in INSTEAD;
}

/** Refuses a composite or range type by name: `database` has no such types. */
export function refuseUserType(database: string, o: DatabaseObject): never {
  throw new UnsupportedOperationError(`${database} has no ${objectKindPlural(o.kind)} (${objectLabel(o)}): they are PostgreSQL's.`, {
    hint: `For ${database}, ${INSTEAD[o.kind] ?? "leave this object out of the model"} (or branch on op.dialect in a revision).`,
  });
}
