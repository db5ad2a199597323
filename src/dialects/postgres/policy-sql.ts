/**
 * PostgreSQL row-level security: a table's ENABLE/DISABLE and [NO] FORCE ROW LEVEL SECURITY, and
 * its policies (CREATE POLICY, DROP POLICY … ON, ALTER POLICY). A policy's statement is the
 * catalog's own assembly (catalog/objects/policy.ts) with this dialect's quoting, so what runs is
 * what compare judged.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { objectLabel, type DatabaseObject, type PolicyClauses } from "../../catalog/objects/types.js";
import { policyStatement, policyTargetSql } from "../../catalog/objects/policy.js";
import type { RowLevelSecurity, TableRef } from "../../catalog/types.js";
import type { Statement } from "../dialect.js";
import { quoteIdentifier, quoteTable } from "./quote.js";

/**
 * `ALTER TABLE t ENABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`: both switches in one
 * statement, so the table ends up as asked whatever it held before (PostgreSQL keeps FORCE apart
 * from ENABLE, and a hand-written operation may not know the prior state). A table just created
 * (`created`) has both off, so only what turns on is written.
 */
export function rowLevelSecurityStatement(table: TableRef, security: RowLevelSecurity, created = false): Statement {
  const enable = security === "disabled" ? "DISABLE" : "ENABLE";
  const force = security === "forced" ? "FORCE" : "NO FORCE";
  const actions = created ? [security !== "disabled" ? enable : "", security === "forced" ? force : ""].filter(Boolean) : [enable, force];
  return { sql: `ALTER TABLE ${quoteTable(table)} ${actions.map((a) => `${a} ROW LEVEL SECURITY`).join(", ")}` };
}

/** The policy's clauses, or a refusal naming it (an object of kind policy built without them). */
function clausesOf(o: DatabaseObject): PolicyClauses {
  if (o.policy) return o.policy;
  throw new UnsupportedOperationError(`The ${objectLabel(o)} carries no clauses (as, for, to, using, withCheck).`, { hint: "Declare it with policy(name, table, options)." });
}

const policyName = (o: DatabaseObject): string => `${quoteIdentifier(o.name)} ON ${quoteTable({ schema: o.schema, name: o.table ?? "" })}`;

/** CREATE POLICY. */
export function createPolicyStatements(o: DatabaseObject): Statement[] {
  return [{ sql: policyStatement({ ...o, policy: clausesOf(o) }, quoteIdentifier) }];
}

/** DROP POLICY … ON its table. */
export function dropPolicyStatements(o: DatabaseObject): Statement[] {
  return [{ sql: `DROP POLICY ${policyName(o)}` }];
}

/**
 * A changed policy: ALTER POLICY where it reaches the new clauses exactly (same kind and command,
 * and no USING or WITH CHECK to remove, which ALTER POLICY cannot do), else DROP and CREATE.
 */
export function replacePolicyStatements(o: DatabaseObject, existing: DatabaseObject): Statement[] {
  const [next, before] = [clausesOf(o), clausesOf(existing)];
  const alterable = next.as === before.as && next.for === before.for && (next.using !== null || before.using === null) && (next.withCheck !== null || before.withCheck === null);
  if (!alterable) return [...dropPolicyStatements(existing), ...createPolicyStatements(o)];
  return [{ sql: `ALTER POLICY ${policyName(o)} ${policyTargetSql(next, quoteIdentifier)}` }];
}
