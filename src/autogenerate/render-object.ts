/**
 * A database object as the DSL call that declares it: ``view("active_users", sql`…`)``,
 * `extension("pgcrypto")`, `sequence("n", { start: 1000 })`. Revisions (`op.createObject(...)`) and
 * pulled schema modules share it; evaluating the call gives back an equal object.
 */
import { tableObjectKey, type DatabaseObject, type DatabaseObjectKind, type PolicyClauses } from "../catalog/objects/types.js";
import { POLICY_COMMANDS, POLICY_KINDS, PUBLIC_ROLES, canonicalRoles } from "../catalog/objects/policy.js";
import { sequenceDefinition, type SequenceOptions } from "../model/objects.js";
import { collationOptionsOf } from "../model/collation.js";
import { textSearchConfigurationParts, textSearchDictionaryParts } from "../model/text-search.js";
import { compositeAttributesOf } from "../catalog/objects/composite-type.js";
import { rangeTypePartsOf, type RangeTypeParts } from "../catalog/objects/range-type.js";
import { isIdentifierName } from "./render-values.js";
import { array, call, object, text, type Code, type ObjectEntry } from "./render-code.js";
import type { RenderContext } from "./render-context.js";
import { sqlTemplate, stringLiteral } from "./render-values.js";

const FUNCTION: Record<DatabaseObjectKind, string> = {
  extension: "extension",
  collation: "collation",
  textSearchDictionary: "textSearchDictionary",
  textSearchConfiguration: "textSearchConfiguration",
  domain: "domain",
  compositeType: "compositeType",
  rangeType: "rangeType",
  sequence: "sequence",
  function: "fn",
  aggregate: "aggregate",
  procedure: "procedure",
  virtualTable: "virtualTable",
  view: "view",
  materializedView: "materializedView",
  materializedViewIndex: "materializedViewIndex",
  trigger: "trigger",
  rule: "rule",
  policy: "policy",
};

const str = (value: string): Code => text(stringLiteral(value));

const SEQUENCE = /^AS (smallint|integer|bigint) START WITH (-?\d+) INCREMENT BY (-?\d+) MINVALUE (-?\d+) MAXVALUE (-?\d+) CACHE (\d+) (NO CYCLE|CYCLE)$/;

function numberCode(value: string): Code {
  return text(Number.isSafeInteger(Number(value)) ? value : `${value}n`);
}

/** The options of a sequence that differ from PostgreSQL's defaults (as parsed from its definition). */
function sequenceEntries(definition: string): ObjectEntry[] {
  const m = SEQUENCE.exec(definition);
  if (!m) return [{ key: "definition", value: str(definition) }];
  const [, as, start, increment, min, max, cache, cycle] = m as unknown as string[];
  const entries: ObjectEntry[] = [];
  if (as !== "bigint") entries.push({ key: "as", value: str(as!) });
  const options: SequenceOptions = { as: as as SequenceOptions["as"], increment: BigInt(increment!) };
  if (increment !== "1") entries.push({ key: "increment", value: numberCode(increment!) });
  const defaults = SEQUENCE.exec(sequenceDefinition(options))!;
  if (min !== defaults[4]) entries.push({ key: "minValue", value: numberCode(min!) });
  if (max !== defaults[5]) entries.push({ key: "maxValue", value: numberCode(max!) });
  const withBounds = SEQUENCE.exec(sequenceDefinition({ ...options, minValue: BigInt(min!), maxValue: BigInt(max!) }))!;
  if (start !== withBounds[2]) entries.push({ key: "start", value: numberCode(start!) });
  if (cache !== "1") entries.push({ key: "cache", value: numberCode(cache!) });
  if (cycle === "CYCLE") entries.push({ key: "cycle", value: text("true") });
  return entries;
}

/** `key` as an object key: bare when it is an identifier, else quoted. */
const key = (name: string): string => (isIdentifierName(name) ? name : stringLiteral(name));

/**
 * The option entries of a collation or text-search object, read back from its canonical
 * definition (the one the DSL and reflection both write); null for a text of another shape.
 */
function textObjectEntries(obj: DatabaseObject): ObjectEntry[] | null {
  if (obj.kind === "collation") {
    const options = collationOptionsOf(obj.definition);
    if (!options) return null;
    return Object.entries(options).map(([k, v]) => ({ key: k, value: typeof v === "boolean" ? text(String(v)) : str(String(v)) }));
  }
  if (obj.kind === "textSearchDictionary") {
    const parts = textSearchDictionaryParts(obj.definition);
    if (!parts) return null;
    const entries: ObjectEntry[] = [{ key: "template", value: str(parts.template) }];
    if (parts.options.length > 0) entries.push({ key: "options", value: object(parts.options.map(([k, v]) => ({ key: key(k), value: str(v) }))) });
    return entries;
  }
  const parts = textSearchConfigurationParts(obj.definition);
  if (!parts) return null;
  const entries: ObjectEntry[] = parts.parser === 'pg_catalog."default"' ? [] : [{ key: "parser", value: str(parts.parser) }];
  entries.push({ key: "mappings", value: object(parts.mappings.map(([token, dicts]) => ({ key: key(token), value: array(dicts.map(str)) }))) });
  return entries;
}

const TEXT_OBJECTS: ReadonlySet<DatabaseObjectKind> = new Set(["collation", "textSearchDictionary", "textSearchConfiguration"]);

/** The option names of `rangeType(...)`, in the order CREATE TYPE … AS RANGE lists them. */
const RANGE_KEYS: readonly (keyof RangeTypeParts)[] = ["subtype", "subtypeOpclass", "collation", "canonical", "subtypeDiff", "multirangeTypeName"];

/**
 * The second argument of `compositeType(name, { … })` (its attributes, in order: a type, or
 * `{ type, collate }`) or the options of `rangeType(name, { subtype, … })`, read back from the
 * canonical definition; null for a text of another shape.
 */
function userTypeArgument(obj: DatabaseObject): { attributes: Code } | { entries: ObjectEntry[] } | null {
  if (obj.kind === "compositeType") {
    const attributes = compositeAttributesOf(obj.definition);
    if (!attributes) return null;
    return {
      attributes: object(
        attributes.map((a) => {
          if (!a.collation) return { key: key(a.name), value: str(a.type) };
          const spec: ObjectEntry[] = [{ key: "type", value: str(a.type) }, { key: "collate", value: str(a.collation) }];
          if (a.collationSchema) spec.push({ key: "collateSchema", value: str(a.collationSchema) });
          return { key: key(a.name), value: object(spec) };
        }),
      ),
    };
  }
  const parts = rangeTypePartsOf(obj.definition);
  if (!parts) return null;
  return { entries: RANGE_KEYS.flatMap((k) => (parts[k] ? [{ key: k, value: str(parts[k]!) }] : [])) };
}

/**
 * `policy(name, table, { as, for, to, using, withCheck, … })`: the clauses that are not
 * PostgreSQL's defaults, and what the policy depends on besides its table (policy() adds that).
 */
function policyCode(obj: DatabaseObject, clauses: PolicyClauses, callee: string, ctx: RenderContext): Code {
  // A multi-line expression (a subquery as pg_get_expr prints it) reads better as an sql template.
  const expression = (sql: string): Code => (sql.includes("\n") ? (ctx.use("sql"), text(sqlTemplate(sql))) : str(sql));
  const entries: ObjectEntry[] = [];
  if (obj.schema) entries.push({ key: "schema", value: str(obj.schema) });
  if (clauses.as !== POLICY_KINDS[0]) entries.push({ key: "as", value: str(clauses.as) });
  if (clauses.for !== POLICY_COMMANDS[0]) entries.push({ key: "for", value: str(clauses.for) });
  if (canonicalRoles(clauses.to).join() !== PUBLIC_ROLES.join()) entries.push({ key: "to", value: array(clauses.to.map(str)) });
  if (clauses.using !== null) entries.push({ key: "using", value: expression(clauses.using) });
  if (clauses.withCheck !== null) entries.push({ key: "withCheck", value: expression(clauses.withCheck) });
  const own = tableObjectKey(obj.schema, obj.table ?? "");
  const dependsOn = (obj.dependsOn ?? []).filter((d) => d !== own);
  if (dependsOn.length > 0) entries.push({ key: "dependsOn", value: array(dependsOn.map(str)) });
  return call(callee, [str(obj.name), str(obj.table ?? ""), ...(entries.length > 0 ? [object(entries)] : [])]);
}

/** The DSL call for `obj`; records the imports it needs in `ctx`. */
export function objectCode(obj: DatabaseObject, ctx: RenderContext): Code {
  const callee = ctx.use(FUNCTION[obj.kind]);
  if (obj.kind === "policy" && obj.policy) return policyCode(obj, obj.policy, callee, ctx);
  const entries: ObjectEntry[] = [];
  if (obj.schema) entries.push({ key: "schema", value: str(obj.schema) });
  if (obj.kind === "sequence") {
    entries.push(...sequenceEntries(obj.definition));
    if (obj.table) entries.push({ key: "ownedBy", value: str(obj.table) });
  }
  if (obj.kind === "view") {
    // Written as given, explicit defaults too: reflection reports only what the database holds.
    const { security, checkOption, algorithm } = obj.viewOptions ?? {};
    if (security) entries.push({ key: "security", value: str(security) });
    if (checkOption) entries.push({ key: "checkOption", value: str(checkOption) });
    if (algorithm) entries.push({ key: "algorithm", value: str(algorithm) });
  }
  let attributes: Code | null = null;
  if (obj.kind === "compositeType" || obj.kind === "rangeType") {
    const own = userTypeArgument(obj);
    if (!own) throw new Error(`The ${obj.kind} ${obj.name} has a definition athanor cannot write as ${obj.kind === "compositeType" ? "attributes" : "options"}: ${obj.definition}`);
    if ("attributes" in own) attributes = own.attributes;
    else entries.push(...own.entries);
  }
  if (TEXT_OBJECTS.has(obj.kind)) {
    const own = textObjectEntries(obj);
    if (!own) throw new Error(`The ${obj.kind} ${obj.name} has a definition athanor cannot write as options: ${obj.definition}`);
    entries.push(...own);
  }
  if (obj.dependsOn?.length) entries.push({ key: "dependsOn", value: array(obj.dependsOn.map(str)) });
  if (obj.comment) entries.push({ key: "comment", value: str(obj.comment) });
  const options = entries.length > 0 ? [object(entries)] : [];
  if (attributes) return call(callee, [str(obj.name), attributes, ...options]);
  if (obj.kind === "extension" || obj.kind === "sequence" || obj.kind === "rangeType" || TEXT_OBJECTS.has(obj.kind)) return call(callee, [str(obj.name), ...options]);
  ctx.use("sql");
  const body = text(sqlTemplate(obj.definition));
  if (obj.kind === "trigger" || obj.kind === "rule" || obj.kind === "materializedViewIndex") return call(callee, [str(obj.name), str(obj.table ?? ""), body, ...options]);
  return call(callee, [str(obj.name), body, ...options]);
}
