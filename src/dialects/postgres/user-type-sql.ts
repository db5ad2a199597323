/**
 * PostgreSQL statements for composite and range types. A composite type is created from its
 * attributes and changed in place with ALTER TYPE … DROP / ADD / ALTER ATTRIBUTE, so columns
 * typed by it keep their values (DROP TYPE would refuse while they use it); only a change of
 * attribute order, which ALTER TYPE cannot make (ADD ATTRIBUTE appends), drops and creates it.
 * PostgreSQL refuses ALTER ATTRIBUTE … TYPE while a table column uses the type ("cannot alter type
 * … because column … uses it"): autogenerate does not emit that change then
 * (autogenerate/user-type-changes.ts). A range type cannot be altered: it is dropped and created.
 */
import { attributeSql, compositeAttributesOf, compositeTypeChange, collateClause } from "../../catalog/objects/composite-type.js";
import { canonicalTypeSpelling } from "../../catalog/objects/type-spelling.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier } from "./quote.js";

/** `CREATE TYPE name AS (attributes)`, attribute names and collations quoted by the dialect. */
export function createCompositeTypeSql(name: string, definition: string): string {
  const attributes = compositeAttributesOf(definition);
  // A definition of another shape (a hand-written revision's) is passed through as written.
  const body = attributes ? `(${attributes.map((a) => attributeSql(a, quoteIdentifier)).join(", ")})` : definition;
  return `CREATE TYPE ${name} AS ${body}`;
}

/**
 * ALTER TYPE statements turning the composite type `name` (quoted, qualified) from `existing`
 * into `target`, in one statement (PostgreSQL applies its actions together), or null when
 * ALTER TYPE cannot reach the target's attribute order.
 */
export function alterCompositeTypeStatements(name: string, target: string, existing: string): Statement[] | null {
  const to = compositeAttributesOf(target);
  const from = compositeAttributesOf(existing);
  if (!to || !from) return null;
  const change = compositeTypeChange(from, to);
  if (!change) return null;
  const actions = [
    ...change.drop.map((a) => `DROP ATTRIBUTE ${quoteIdentifier(a)}`),
    ...change.alter.map((a) => `ALTER ATTRIBUTE ${quoteIdentifier(a.name)} TYPE ${canonicalTypeSpelling(a.type)}${collateClause(a, quoteIdentifier)}`),
    ...change.add.map((a) => `ADD ATTRIBUTE ${attributeSql(a, quoteIdentifier)}`),
  ];
  return actions.length === 0 ? [] : [{ sql: `ALTER TYPE ${name} ${actions.join(", ")}` }];
}

/** `CREATE TYPE name AS RANGE (SUBTYPE = …, …)`. */
export function createRangeTypeSql(name: string, definition: string): string {
  return `CREATE TYPE ${name} AS RANGE ${definition}`;
}
