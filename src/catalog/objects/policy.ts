/**
 * PostgreSQL row-level security policies as catalog data: the one CREATE POLICY text the model and
 * reflection both assemble from a policy's clauses (so a definition never depends on who wrote
 * it), and the key compare judges a policy by, with its expressions put through the expression
 * key (a model's `owner_id = current_user` is PostgreSQL's `(owner_id = CURRENT_USER)`).
 */
import type { DatabaseObject, PolicyClauses, PolicyCommand, PolicyKind } from "./types.js";

/** The allowed values of a policy's `as`, the default first. */
export const POLICY_KINDS: readonly PolicyKind[] = ["permissive", "restrictive"];
/** The allowed values of a policy's `for`, the default first. */
export const POLICY_COMMANDS: readonly PolicyCommand[] = ["all", "select", "insert", "update", "delete"];

/** The role list meaning every role: CREATE POLICY … TO PUBLIC (pg_policy.polroles `{0}`). */
export const PUBLIC_ROLES: readonly string[] = ["public"];

/** Whether `role` is the PUBLIC pseudo-role, which PostgreSQL reads in any case. */
export function isPublicRole(role: string): boolean {
  return role.toLowerCase() === "public";
}

/**
 * The roles as compared and printed: PUBLIC as `["public"]`, otherwise the names sorted and
 * deduplicated (PostgreSQL keeps them as a set of oids; pg_policies lists them by name).
 */
export function canonicalRoles(roles: readonly string[]): string[] {
  if (roles.length === 0 || roles.some(isPublicRole)) return [...PUBLIC_ROLES];
  return [...new Set(roles)].sort();
}

/** An identifier bare where PostgreSQL's quote_ident would leave it bare (lower case, no symbols), else double-quoted. */
function displayIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** How a statement spells identifiers: compile passes the dialect's quoting, the catalog text its own. */
export type QuoteIdentifier = (name: string) => string;

/**
 * The clauses ALTER POLICY can change too (TO, USING, WITH CHECK: not AS or FOR), spelt with
 * `quote` for role names: `TO app_user USING (…) WITH CHECK (…)`.
 */
export function policyTargetSql(clauses: PolicyClauses, quote: QuoteIdentifier): string {
  const roles = canonicalRoles(clauses.to).map((r) => (isPublicRole(r) ? "PUBLIC" : quote(r)));
  const parts = [`TO ${roles.join(", ")}`];
  if (clauses.using !== null) parts.push(`USING (${clauses.using})`);
  if (clauses.withCheck !== null) parts.push(`WITH CHECK (${clauses.withCheck})`);
  return parts.join(" ");
}

/** The parts of CREATE POLICY after its name and table: `AS PERMISSIVE FOR ALL TO PUBLIC USING (…)`. */
export function policyClausesSql(clauses: PolicyClauses, quote: QuoteIdentifier): string {
  return `AS ${clauses.as.toUpperCase()} FOR ${clauses.for.toUpperCase()} ${policyTargetSql(clauses, quote)}`;
}

/**
 * The whole CREATE POLICY statement of `object` (its `policy` clauses), with identifiers spelt by
 * `quote`: `CREATE POLICY owners_only ON orders AS PERMISSIVE FOR ALL TO PUBLIC USING (…)`.
 */
export function policyStatement(object: Pick<DatabaseObject, "schema" | "name" | "table"> & { policy: PolicyClauses }, quote: QuoteIdentifier = displayIdentifier): string {
  const table = `${object.schema ? `${quote(object.schema)}.` : ""}${quote(object.table ?? "")}`;
  return `CREATE POLICY ${quote(object.name)} ON ${table} ${policyClausesSql(object.policy, quote)}`;
}

/**
 * What compare judges a policy by: its kind, command and roles as they are, its expressions by
 * `expressionKey`, so only a change PostgreSQL would act on counts.
 */
export function policyKey(clauses: PolicyClauses, expressionKey: (sql: string) => string): string {
  const expression = (sql: string | null): string => (sql === null ? "" : expressionKey(sql));
  return [clauses.as, clauses.for, canonicalRoles(clauses.to).join(","), expression(clauses.using), expression(clauses.withCheck)].join("\u0000");
}
