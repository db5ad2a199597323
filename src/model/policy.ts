/**
 * `policy(...)`: a PostgreSQL row-level security policy of the user's model. Its clauses are
 * checked here (what PostgreSQL would refuse at upgrade is a model error with the fix), and its
 * definition is the CREATE POLICY text reflection assembles the same way (catalog/objects/policy.ts).
 */
import { POLICY_COMMANDS, POLICY_KINDS, canonicalRoles, isPublicRole, policyStatement } from "../catalog/objects/policy.js";
import { objectKey, tableObjectKey, type PolicyClauses, type PolicyCommand, type PolicyKind } from "../catalog/objects/types.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";
import { defineObject, invalid, type ObjectDefinition, type ObjectDependency, type ObjectOptions } from "./objects.js";

/** What a policy says besides its name and table. */
export interface PolicyOptions extends Omit<ObjectOptions, "comment"> {
  /** `"permissive"` (the default: a row passes when any permissive policy lets it) or `"restrictive"` (every restrictive policy must). */
  as?: PolicyKind;
  /** The command it covers: `"all"` (the default), `"select"`, `"insert"`, `"update"` or `"delete"`. */
  for?: PolicyCommand;
  /** The roles it applies to (they must exist: roles are not part of the model); absent: PUBLIC, every role. */
  to?: readonly string[];
  /** USING: which existing rows are visible (or may be updated or deleted). Not for `for: "insert"`. */
  using?: string | SqlFragment | null;
  /** WITH CHECK: which new rows may be written. Not for `for: "select"` or `"delete"`. */
  withCheck?: string | SqlFragment | null;
}

/** Roles PostgreSQL resolves when the policy is created, so the catalog never holds these names. */
const RESOLVED_ROLES = new Set(["current_user", "current_role", "session_user"]);

function expressionOf(input: string | SqlFragment | null | undefined, what: string): string | null {
  if (input === undefined || input === null) return null;
  const text = typeof input === "string" ? input : isSqlFragment(input) && input.values.length === 0 ? input.strings.join("") : undefined;
  if (text === undefined) throw invalid(`${what} is neither a string nor an sql\`…\` template without values.`, "Write the expression as a string or sql`…`, with its values in the text.");
  if (text.trim() === "") throw invalid(`${what} is empty.`, "Write the expression, or leave the option out.");
  return text.trim();
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (value === undefined) return allowed[0]!;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalid(`${what} is ${JSON.stringify(value)}.`, `Write it as one of ${allowed.map((v) => `"${v}"`).join(", ")}, or leave it out for "${allowed[0]}".`);
  }
  return value as T;
}

function rolesOf(input: readonly string[] | undefined, what: string): string[] {
  if (input === undefined) return canonicalRoles([]);
  if (!Array.isArray(input) || input.length === 0 || input.some((r) => typeof r !== "string" || r.trim() === "")) {
    throw invalid(`${what}: to is not a list of role names.`, 'List the roles by name: to: ["app_user"] (leave it out for PUBLIC).');
  }
  if (input.some(isPublicRole) && input.length > 1) throw invalid(`${what}: to names PUBLIC beside other roles, and PUBLIC already covers every role.`, 'Write to: ["public"] alone, or list the roles without it.');
  const resolved = input.find((r) => RESOLVED_ROLES.has(r.toLowerCase()));
  if (resolved) throw invalid(`${what}: to names ${resolved}, which PostgreSQL replaces by the role that runs the revision.`, "Name that role itself.");
  return canonicalRoles(input);
}

/** The clauses of a policy, checked the way CREATE POLICY checks them. */
function clausesOf(what: string, options: PolicyOptions): PolicyClauses {
  const clauses: PolicyClauses = {
    as: oneOf(options.as, POLICY_KINDS, `${what}: as`),
    for: oneOf(options.for, POLICY_COMMANDS, `${what}: for`),
    to: rolesOf(options.to, what),
    using: expressionOf(options.using, `${what}: using`),
    withCheck: expressionOf(options.withCheck, `${what}: withCheck`),
  };
  if (clauses.for === "insert" && clauses.using !== null) throw invalid(`${what} is FOR INSERT with a USING expression, which PostgreSQL refuses (an insert has no existing row).`, "Write the condition as withCheck.");
  if ((clauses.for === "select" || clauses.for === "delete") && clauses.withCheck !== null) {
    throw invalid(`${what} is FOR ${clauses.for.toUpperCase()} with a WITH CHECK expression, which PostgreSQL refuses (it writes no row).`, "Write the condition as using.");
  }
  return clauses;
}

/**
 * The schema of a table object. It evaluates the table's extras, which may name a const declared
 * further down the file (a ReferenceError until that line has run): that gets a message with the fix.
 */
function schemaOf(table: { readonly schema?: string | null }, what: string): string | null {
  try {
    return table.schema ?? null;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw invalid(`${what}: the table's extras cannot be read yet (${error.message}).`, "Declare the policy after everything the table's extras name, or pass the table by name: policy(name, \"orders\", { schema, … }).");
  }
}

/**
 * A PostgreSQL row-level security policy on `table`:
 * `policy("owners_only", orders, { for: "update", to: ["app_user"], using: "owner_id = current_user" })`.
 * Omitted clauses are PostgreSQL's defaults (AS PERMISSIVE, FOR ALL, TO PUBLIC, no USING, no
 * WITH CHECK). A policy lives in its table's schema; it is created after its table (and after
 * what `dependsOn` lists: functions its expressions call) and dropped before them. Policies apply
 * once the table's row-level security is on: `table(…, …, { rowLevelSecurity: "enabled" })`.
 */
export function policy(name: string, table: string | { readonly name: string; readonly schema?: string | null }, options: PolicyOptions = {}): ObjectDefinition {
  const on = typeof table === "string" ? table : table.name;
  const what = `policy ${name} on ${on}`;
  const schema = options.schema !== undefined ? options.schema : typeof table === "string" ? null : schemaOf(table, what);
  if (typeof on !== "string" || on.trim() === "") throw invalid(`${what} names no table.`, "Pass the table as policy(name, table, options).");
  const clauses = clausesOf(what, options ?? {});
  // Its table first, so the policy is created after the table even without a dependsOn of its own.
  const own = tableObjectKey(schema, on);
  const dependsOn: ObjectDependency[] = [own, ...(options.dependsOn ?? []).filter((d) => (typeof d === "string" ? d : d.athanorKind === "object" ? objectKey(d.object) : tableObjectKey(d.schema, d.name)) !== own)];
  const definition = defineObject("policy", name, policyStatement({ schema, name, table: on, policy: clauses }), { schema, dependsOn, table: on });
  definition.object.policy = clauses;
  return definition;
}
