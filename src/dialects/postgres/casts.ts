/**
 * Which column type changes PostgreSQL's ALTER COLUMN … TYPE cannot do without a USING clause.
 * Without USING, PostgreSQL converts with an implicit or assignment cast only; text → integer,
 * text → enum or integer → boolean have just an explicit cast, so the statement fails although
 * every value may convert. Changes with an assignment cast are left alone on purpose: an explicit
 * `::varchar(50)` would silently truncate where the assignment cast rejects a long value.
 */
import type { ColumnType } from "../../catalog/types.js";

const STRINGS = new Set<ColumnType["kind"]>(["char", "varchar", "text"]);
const NUMBERS = new Set<ColumnType["kind"]>(["smallint", "integer", "bigint", "numeric", "real", "double"]);
const TIMES = new Set<ColumnType["kind"]>(["date", "time", "timestamp"]);
const JSONS = new Set<ColumnType["kind"]>(["json", "jsonb"]);

const sameFamily = (a: ColumnType["kind"], b: ColumnType["kind"]): boolean => [STRINGS, NUMBERS, TIMES, JSONS].some((family) => family.has(a) && family.has(b));

/** True when changing a column from `from` to `to` needs `USING col::to` on PostgreSQL. */
export function needsExplicitCast(from: ColumnType, to: ColumnType): boolean {
  if (from.kind === "raw" || to.kind === "raw" || from.kind === "array" || to.kind === "array") return false;
  // Every type has an assignment cast to the string types (its text form).
  if (STRINGS.has(to.kind)) return false;
  if (to.kind === "enum") return !(from.kind === "enum" && from.name === to.name && (from.schema ?? null) === (to.schema ?? null));
  if (from.kind === to.kind) return false;
  return !sameFamily(from.kind, to.kind);
}
