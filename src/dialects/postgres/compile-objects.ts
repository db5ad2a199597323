/**
 * PostgreSQL statements for database objects (createObject, dropObject, replaceObject). Views
 * and functions change with CREATE OR REPLACE, and so do rules; policies with ALTER POLICY where
 * it can (policy-sql.ts); collations are dropped and created again, and
 * text-search dictionaries and configurations altered in place where they can (text-search-sql.ts); materialized views, triggers and extensions are
 * dropped and created again; a sequence's options change with ALTER SEQUENCE; a domain is altered
 * in place (domain-sql.ts), and so is a composite type (ALTER TYPE … ATTRIBUTE, user-type-sql.ts); a range
 * type is dropped and created again; an aggregate changes with CREATE OR REPLACE AGGREGATE and is dropped by
 * its signature, which its statement names. Function bodies are
 * created with check_function_bodies off (as pg_dump does), because a function created before
 * the tables of the same run may name them; the setting travels in the CREATE's own message
 * (SET LOCAL), so a pooler cannot part them. A view's options are written as PostgreSQL 15 takes
 * them, `CREATE [OR REPLACE] VIEW v WITH (security_invoker = …) AS … WITH … CHECK OPTION`;
 * CREATE OR REPLACE sets the options afresh (those not written are reset), so a changed option is
 * a replace. ALGORITHM is MySQL's and is refused.
 */
import { UnsupportedOperationError } from "../../errors.js";
import { objectLabel, viewOptionsKey, type DatabaseObject, type DatabaseObjectKind } from "../../catalog/objects/types.js";
import type { CreateObjectOp, DropObjectOp, ReplaceObjectOp } from "../../operations/types.js";
import type { Statement } from "../dialect.js";
import { alterDomainStatements, createDomainSql } from "./domain-sql.js";
import { alterCompositeTypeStatements, createCompositeTypeSql, createRangeTypeSql } from "./user-type-sql.js";
import { alterConfigurationStatements, alterDictionaryStatements, createConfigurationStatements } from "./text-search-sql.js";
import { createPolicyStatements, dropPolicyStatements, replacePolicyStatements } from "./policy-sql.js";
import { dollarTag, quoteIdentifier, quoteLiteral, quoteTable } from "./quote.js";

const name = (o: DatabaseObject): string => quoteTable({ schema: o.schema, name: o.name });

/** The statement as given, with CREATE turned into CREATE OR REPLACE when it is not already. */
export function orReplace(statement: string): string {
  return /^\s*CREATE\s+OR\s+REPLACE\b/i.test(statement) ? statement : statement.replace(/^\s*CREATE\b/i, "CREATE OR REPLACE");
}

/**
 * A CREATE FUNCTION or PROCEDURE with check_function_bodies off, as one statement of three: sent
 * as one simple-query message, PostgreSQL runs them as one implicit transaction (or inside the
 * revision's), so SET LOCAL holds for the CREATE and ends with it. Through a transaction pooler
 * the setting therefore reaches the server session that creates the function, even in a
 * `transactional = false` revision, and never stays behind on a session other clients get. The
 * newlines end a `--` comment the statement may end with.
 */
function routine(statement: string): Statement[] {
  const body = statement.trim().replace(/;+$/, "").trimEnd();
  return [{ sql: `SET LOCAL check_function_bodies = false;\n${body}\n;\nSET LOCAL check_function_bodies TO DEFAULT` }];
}

/** `public.group_concat(text)`: the signature a CREATE AGGREGATE statement names, for DROP AGGREGATE. */
function aggregateSignature(o: DatabaseObject): string {
  const m = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?AGGREGATE\s+([\s\S]+?\))\s*\(/i.exec(o.definition);
  return m ? m[1]!.trim() : `${name(o)}(*)`;
}

/** Virtual tables are SQLite's (CREATE VIRTUAL TABLE … USING fts5); PostgreSQL has none. */
function noVirtualTables(o: DatabaseObject): never {
  throw new UnsupportedOperationError(`PostgreSQL has no virtual tables (${objectLabel(o)}).`, {
    hint: "Leave the virtual table out of the PostgreSQL model; PostgreSQL's full-text search uses tsvector columns and GIN indexes.",
  });
}

function noAlgorithm(o: DatabaseObject): never {
  throw new UnsupportedOperationError(`PostgreSQL views have no ALGORITHM (${objectLabel(o)} says algorithm: "${o.viewOptions?.algorithm ?? ""}").`, {
    hint: "Leave algorithm out of the PostgreSQL model: PostgreSQL always merges a view's query into the one that uses it.",
  });
}

/** `CREATE [OR REPLACE] VIEW name [WITH (security_invoker = …)] AS query [WITH … CHECK OPTION]`. */
export function createViewSql(o: DatabaseObject, orReplace: boolean): string {
  const options = o.viewOptions ?? {};
  if (options.algorithm) noAlgorithm(o);
  const withOptions = options.security ? ` WITH (security_invoker = ${options.security === "invoker" ? "true" : "false"})` : "";
  // A query written with its own trailing semicolon would end the statement before the check option.
  const query = options.checkOption ? o.definition.replace(/\s*;+\s*$/, "") : o.definition;
  const check = options.checkOption ? ` WITH ${options.checkOption.toUpperCase()} CHECK OPTION` : "";
  return `${orReplace ? "CREATE OR REPLACE" : "CREATE"} VIEW ${name(o)}${withOptions} AS ${query}${check}`;
}

const creators: Record<DatabaseObjectKind, (o: DatabaseObject) => Statement[]> = {
  extension: (o) => [{ sql: `CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(o.name)}${o.schema ? ` SCHEMA ${quoteIdentifier(o.schema)}` : ""}` }],
  collation: (o) => [{ sql: `CREATE COLLATION ${name(o)} ${o.definition}` }],
  textSearchDictionary: (o) => [{ sql: `CREATE TEXT SEARCH DICTIONARY ${name(o)} ${o.definition}` }],
  textSearchConfiguration: (o) => createConfigurationStatements(name(o), o.definition),
  domain: (o) => [{ sql: createDomainSql(name(o), o.definition) }],
  compositeType: (o) => [{ sql: createCompositeTypeSql(name(o), o.definition) }],
  rangeType: (o) => [{ sql: createRangeTypeSql(name(o), o.definition) }],
  sequence: (o) => [{ sql: `CREATE SEQUENCE ${name(o)} ${o.definition}` }],
  function: (o) => routine(o.definition),
  aggregate: (o) => [{ sql: o.definition }],
  procedure: (o) => routine(o.definition),
  virtualTable: noVirtualTables,
  view: (o) => [{ sql: createViewSql(o, false) }],
  materializedView: (o) => [{ sql: `CREATE MATERIALIZED VIEW ${name(o)} AS ${o.definition}` }],
  materializedViewIndex: (o) => [{ sql: o.definition }],
  trigger: (o) => [{ sql: o.definition }],
  rule: (o) => [{ sql: o.definition }],
  policy: createPolicyStatements,
};

const droppers: Record<DatabaseObjectKind, (o: DatabaseObject) => Statement[]> = {
  extension: (o) => [{ sql: `DROP EXTENSION IF EXISTS ${quoteIdentifier(o.name)}` }],
  collation: (o) => [{ sql: `DROP COLLATION ${name(o)}` }],
  textSearchDictionary: (o) => [{ sql: `DROP TEXT SEARCH DICTIONARY ${name(o)}` }],
  textSearchConfiguration: (o) => [{ sql: `DROP TEXT SEARCH CONFIGURATION ${name(o)}` }],
  // An owned sequence may already be gone with its table.
  sequence: (o) => [{ sql: `DROP SEQUENCE IF EXISTS ${name(o)}` }],
  domain: (o) => [{ sql: `DROP DOMAIN ${name(o)}` }],
  compositeType: (o) => [{ sql: `DROP TYPE ${name(o)}` }],
  // Its multirange type and constructor functions go with it.
  rangeType: (o) => [{ sql: `DROP TYPE ${name(o)}` }],
  function: (o) => [{ sql: `DROP FUNCTION ${name(o)}` }],
  aggregate: (o) => [{ sql: `DROP AGGREGATE ${aggregateSignature(o)}` }],
  procedure: (o) => [{ sql: `DROP PROCEDURE ${name(o)}` }],
  virtualTable: noVirtualTables,
  view: (o) => [{ sql: `DROP VIEW ${name(o)}` }],
  materializedView: (o) => [{ sql: `DROP MATERIALIZED VIEW ${name(o)}` }],
  // Gone already when its materialized view was dropped first.
  materializedViewIndex: (o) => [{ sql: `DROP INDEX IF EXISTS ${name(o)}` }],
  trigger: (o) => [{ sql: `DROP TRIGGER ${quoteIdentifier(o.name)} ON ${quoteTable({ schema: o.schema, name: o.table ?? "" })}` }],
  rule: (o) => [{ sql: `DROP RULE ${quoteIdentifier(o.name)} ON ${quoteTable({ schema: o.schema, name: o.table ?? "" })}` }],
  policy: dropPolicyStatements,
};

/**
 * CREATE OR REPLACE VIEW, which PostgreSQL refuses (42P16, invalid_table_definition) when a
 * column is dropped, renamed or retyped; then the view is dropped and created instead, inside
 * the same DO block, so the choice is the server's (only it knows the view's columns); an
 * unchanged query (only options changed) is CREATE OR REPLACE alone. Views
 * built on this one are rebuilt around the change by compare, so the drop is not blocked.
 */
function replaceView(o: DatabaseObject, existing: DatabaseObject): Statement[] {
  // The same query with other options keeps its columns: CREATE OR REPLACE always takes it.
  if (o.definition.trim() === existing.definition.trim()) return [{ sql: createViewSql(o, true) }];
  // Statements inside the block end with a semicolon of their own.
  const view = { ...o, definition: o.definition.trim().replace(/;+\s*$/, "") };
  const body = `BEGIN ${createViewSql(view, true)}; EXCEPTION WHEN invalid_table_definition THEN DROP VIEW ${name(o)}; ${createViewSql(view, false)}; END`;
  const tag = dollarTag(body);
  return [{ sql: `DO ${tag} ${body} ${tag}` }];
}

const replacers: Record<DatabaseObjectKind, (o: DatabaseObject, existing: DatabaseObject) => Statement[]> = {
  extension: (o, existing) => [...droppers.extension(existing), ...creators.extension(o)],
  // PostgreSQL cannot alter a collation; autogenerate moves the columns that use it off it first.
  collation: (o, existing) => [...droppers.collation(existing), ...creators.collation(o)],
  textSearchDictionary: (o, existing) => alterDictionaryStatements(name(o), o.definition, existing.definition) ?? [...droppers.textSearchDictionary(existing), ...creators.textSearchDictionary(o)],
  textSearchConfiguration: (o, existing) =>
    alterConfigurationStatements(name(o), o.definition, existing.definition) ?? [...droppers.textSearchConfiguration(existing), ...creators.textSearchConfiguration(o)],
  sequence: (o) => [{ sql: `ALTER SEQUENCE ${name(o)} ${o.definition}` }],
  domain: (o, existing) => alterDomainStatements(name(o), o.definition, existing.definition) ?? [...droppers.domain(existing), ...creators.domain(o)],
  compositeType: (o, existing) => alterCompositeTypeStatements(name(o), o.definition, existing.definition) ?? [...droppers.compositeType(existing), ...creators.compositeType(o)],
  // ALTER TYPE cannot change a range; autogenerate leaves the change out while anything uses it.
  rangeType: (o, existing) => [...droppers.rangeType(existing), ...creators.rangeType(o)],
  function: (o) => routine(orReplace(o.definition)),
  aggregate: (o) => [{ sql: orReplace(o.definition) }],
  procedure: (o) => routine(orReplace(o.definition)),
  virtualTable: noVirtualTables,
  view: replaceView,
  materializedView: (o, existing) => [...droppers.materializedView(existing), ...creators.materializedView(o)],
  materializedViewIndex: (o, existing) => [...droppers.materializedViewIndex(existing), ...creators.materializedViewIndex(o)],
  trigger: (o, existing) => [...droppers.trigger(existing), ...creators.trigger(o)],
  // One statement, so the rule is never missing in between (an insert would then land in the parent).
  rule: (o) => [{ sql: orReplace(o.definition) }],
  policy: replacePolicyStatements,
};

/** What COMMENT ON calls each kind that can hold a comment here. */
const COMMENTED: Partial<Record<DatabaseObjectKind, string>> = { view: "VIEW", materializedView: "MATERIALIZED VIEW", sequence: "SEQUENCE", domain: "DOMAIN", compositeType: "TYPE", rangeType: "TYPE", trigger: "TRIGGER" };

/** The comment an object holds after a statement that may or may not have dropped it. */
const MAYBE_KEPT = Symbol("comment kept or lost");

/** `COMMENT ON VIEW v IS '…'` (IS NULL removes one) unless `previous`, what the object holds now, is the same. */
function commentStatements(o: DatabaseObject, previous: string | null | typeof MAYBE_KEPT): Statement[] {
  const comment = o.comment || null;
  if (comment === previous) return [];
  const word = COMMENTED[o.kind];
  if (!word) {
    throw new UnsupportedOperationError(`athanor does not comment a ${o.kind} (${objectLabel(o)}).`, {
      hint: "Comment it with op.execute(sql`COMMENT ON …`), or leave the comment out of the model.",
    });
  }
  const target = o.kind === "trigger" ? `${quoteIdentifier(o.name)} ON ${quoteTable({ schema: o.schema, name: o.table ?? "" })}` : name(o);
  return [{ sql: `COMMENT ON ${word} ${target} IS ${quoteLiteral(comment)}` }];
}

/** createObject, then its comment. */
export function createObjectStatements(op: CreateObjectOp): Statement[] {
  return [...creators[op.object.kind](op.object), ...commentStatements(op.object, null)];
}

/** dropObject. */
export function dropObjectStatements(op: DropObjectOp): Statement[] {
  return droppers[op.object.kind](op.object);
}

/**
 * replaceObject: a changed definition is replaced (a drop and create loses the comment, CREATE OR
 * REPLACE keeps it), then the comment is set where it is not already what the object holds.
 */
export function replaceObjectStatements(op: ReplaceObjectOp): Statement[] {
  const { object, existing } = op;
  // A policy is its clauses (its definition text is assembled from them).
  const sameClauses = JSON.stringify(object.policy ?? null) === JSON.stringify(existing.policy ?? null);
  if (object.definition.trim() === existing.definition.trim() && viewOptionsKey(object.viewOptions) === viewOptionsKey(existing.viewOptions) && sameClauses) return commentStatements(object, existing.comment || null);
  const before = existing.comment || null;
  const keepsComment = (object.kind === "function" || object.kind === "procedure" || object.kind === "aggregate" || object.kind === "sequence" || object.kind === "domain" || object.kind === "compositeType") && !dropsAndCreates(object, existing);
  // A view's DO block may have replaced it (comment kept) or rebuilt it (comment gone).
  const after = keepsComment ? before : object.kind === "view" && before !== null ? MAYBE_KEPT : null;
  return [...replacers[object.kind](object, existing), ...commentStatements(object, after)];
}

/** Whether replacing the domain or composite type drops and creates it (a change ALTER DOMAIN or ALTER TYPE cannot make). */
function dropsAndCreates(object: DatabaseObject, existing: DatabaseObject): boolean {
  if (object.kind === "compositeType") return alterCompositeTypeStatements(name(object), object.definition, existing.definition) === null;
  return object.kind === "domain" && alterDomainStatements(name(object), object.definition, existing.definition) === null;
}
