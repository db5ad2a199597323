/**
 * Database objects beyond tables: views, materialized views, functions, aggregates, procedures,
 * triggers, rules, row-level security policies, extensions, collations, text-search configurations and dictionaries, domains, composite and range types, and sequences. One generic shape holds them all: a kind, a qualified name, the
 * definition text as the database prints it, and what the object depends on. Compare works on
 * the definition text after the dialect's normalisation; a changed text is a change.
 */

/** The kinds of database object athanor manages besides tables and enums. */
export type DatabaseObjectKind = "extension" | "collation" | "textSearchDictionary" | "textSearchConfiguration" | "domain" | "compositeType" | "rangeType" | "sequence" | "function" | "aggregate" | "procedure" | "virtualTable" | "view" | "materializedView" | "materializedViewIndex" | "trigger" | "rule" | "policy";

/**
 * Every object kind, in the order a run creates them (extensions first, triggers, rules and
 * policies last: after the tables they are on and the functions their expressions call).
 */
export const OBJECT_KINDS: readonly DatabaseObjectKind[] = ["extension", "collation", "textSearchDictionary", "textSearchConfiguration", "domain", "compositeType", "rangeType", "sequence", "function", "aggregate", "procedure", "virtualTable", "view", "materializedView", "materializedViewIndex", "trigger", "rule", "policy"];

/**
 * One database object. `definition` is what the database prints for it:
 * - view, materializedView: the query (`pg_get_viewdef`, information_schema.VIEWS, the text after
 *   AS in sqlite_schema.sql);
 * - function, procedure, trigger: the whole CREATE statement (`pg_get_functiondef`,
 *   `pg_get_triggerdef`, sqlite_schema.sql; MySQL rebuilt from information_schema / mysql.proc);
 * - rule (PostgreSQL): the whole CREATE RULE statement as `pg_get_ruledef(oid, true)` prints it;
 *   `table` is the table (or view) it is attached to;
 * - virtualTable (SQLite: FTS3/4/5, R*Tree, …): the whole CREATE VIRTUAL TABLE statement from
 *   sqlite_schema.sql; the module creates its shadow tables itself, so they are no tables here;
 * - aggregate: the whole CREATE AGGREGATE statement, assembled from pg_aggregate (PostgreSQL has
 *   no deparser for it): `CREATE AGGREGATE public.group_concat(text) (SFUNC = …, STYPE = text)`;
 * - domain: what follows the name in CREATE DOMAIN, assembled from pg_type and pg_constraint
 *   (format_type, typdefault, pg_get_constraintdef): `AS integer NOT NULL CONSTRAINT c CHECK (…)`;
 * - compositeType: what follows AS in CREATE TYPE, assembled from pg_attribute of its typrelid
 *   (catalog/objects/composite-type.ts, the same for the model and reflection):
 *   `(street text, city character varying(80) COLLATE "C")`;
 * - rangeType: what follows AS RANGE in CREATE TYPE, assembled from pg_range with only the
 *   options that are not defaults (catalog/objects/range-type.ts):
 *   `(SUBTYPE = double precision, SUBTYPE_DIFF = float8mi)`;
 * - materializedViewIndex: the CREATE INDEX statement (`pg_get_indexdef`); `table` is the
 *   materialized view it indexes;
 * - sequence: its options (`INCREMENT BY 1 MINVALUE 1 …`);
 * - collation: what follows the name in CREATE COLLATION, assembled from pg_collation:
 *   `(provider = icu, locale = 'und-u-ks-level2', deterministic = false)`;
 * - textSearchDictionary: what follows the name in CREATE TEXT SEARCH DICTIONARY, from pg_ts_dict:
 *   `(TEMPLATE = pg_catalog.simple, stopwords = 'english')`;
 * - textSearchConfiguration: its parser and one line per mapped token type with its dictionaries,
 *   in the parser's token order (pg_ts_config, pg_ts_config_map):
 *   `PARSER = pg_catalog."default"` / `MAPPING FOR asciiword WITH english_stem`;
 * - policy (PostgreSQL row-level security): the CREATE POLICY statement assembled from `policy`
 *   (catalog/objects/policy.ts, the same for the model and reflection); `table` is its table.
 *   Compare judges the structured `policy`, its expressions by the expression key;
 * - extension: empty (an extension is identified by its name alone).
 */
export interface DatabaseObject {
  kind: DatabaseObjectKind;
  /** PostgreSQL schema; null or absent: the current schema. */
  schema?: string | null;
  name: string;
  /**
   * Triggers: the table they fire on. Rules: the relation they are attached to. Policies: their table. Materialized view indexes: the materialized view. Owned
   * sequences: the "table.column" that owns them.
   */
  table?: string | null;
  definition: string;
  /**
   * PostgreSQL `COMMENT ON` the object (views, materialized views, sequences, domains, composite and range types, triggers);
   * null or absent: none.
   */
  comment?: string | null;
  /**
   * Keys (objectKey / tableObjectKey) of what this object uses, from the database's own dependency
   * records when reflected, or as declared in the model. Creates run after these, drops before.
   */
  dependsOn?: string[];
  /**
   * How the database prints `definition`, where the model writes it otherwise (set just before
   * compare, from `Dialect.printDefinitions`: project/printed-definitions.ts); compare judges the
   * object by this text and creates it from `definition`, as its author wrote it.
   */
  printed?: string;
  /** Views only: what the view declares besides its query. Absent (or empty): the database's defaults. */
  viewOptions?: ViewOptions;
  /** Policies only: what the policy says (pg_policy), from which `definition` is assembled. */
  policy?: PolicyClauses;
}

/**
 * A PostgreSQL row-level security policy as pg_policy holds it: permissive or restrictive
 * (polpermissive), the command it covers (polcmd), the roles it applies to (polroles; `["public"]`
 * for PUBLIC, else the role names sorted), and its USING and WITH CHECK expressions (polqual,
 * polwithcheck as pg_get_expr prints them; null: none).
 */
export interface PolicyClauses {
  as: PolicyKind;
  for: PolicyCommand;
  to: string[];
  using: string | null;
  withCheck: string | null;
}

/** AS PERMISSIVE (the default: any permissive policy may let a row through) | AS RESTRICTIVE (every one must). */
export type PolicyKind = "permissive" | "restrictive";
/** FOR ALL (the default) | SELECT | INSERT | UPDATE | DELETE. */
export type PolicyCommand = "all" | "select" | "insert" | "update" | "delete";

/**
 * What a view declares besides its query. `security` and `checkOption` are the same concept on
 * MySQL/MariaDB (`SQL SECURITY`, `WITH [CASCADED|LOCAL] CHECK OPTION`) and PostgreSQL 15
 * (`WITH (security_invoker)`, `WITH [CASCADED|LOCAL] CHECK OPTION`); `algorithm` is MySQL's alone.
 * SQLite has none of them. An absent option is the database's default, which `definer` and
 * `undefined` also name (compare treats them alike: `viewOptionsKey`).
 */
export interface ViewOptions {
  /** Whose privileges the query runs with: the view's definer (owner, on PostgreSQL) — the default — or the invoker's. */
  security?: ViewSecurity;
  /** Rows written through the view must satisfy its WHERE: `cascaded` also checks the views it is built on, `local` only its own. */
  checkOption?: ViewCheckOption;
  /** MySQL/MariaDB ALGORITHM: how the server runs the view (`undefined`, the default, lets it choose). */
  algorithm?: ViewAlgorithm;
}

/** SQL SECURITY DEFINER | INVOKER; PostgreSQL's security_invoker = false | true. */
export type ViewSecurity = "definer" | "invoker";
/** WITH CASCADED CHECK OPTION (what a bare WITH CHECK OPTION means) | WITH LOCAL CHECK OPTION. */
export type ViewCheckOption = "cascaded" | "local";
/** MySQL/MariaDB ALGORITHM = UNDEFINED | MERGE | TEMPTABLE. */
export type ViewAlgorithm = "undefined" | "merge" | "temptable";

/** The allowed values of each view option, for checking what a model or a revision gives. */
export const VIEW_OPTION_VALUES: { readonly [K in keyof ViewOptions]-?: readonly NonNullable<ViewOptions[K]>[] } = {
  security: ["definer", "invoker"],
  checkOption: ["cascaded", "local"],
  algorithm: ["undefined", "merge", "temptable"],
};

/**
 * The view options that differ from the defaults, or null when none do: what compare judges by,
 * so that an explicit `security: "definer"` or `algorithm: "undefined"` equals saying nothing.
 */
export function viewOptionsKey(options: ViewOptions | undefined): string | null {
  if (!options) return null;
  const parts: string[] = [];
  if (options.security && options.security !== "definer") parts.push(`security=${options.security}`);
  if (options.checkOption) parts.push(`check=${options.checkOption}`);
  if (options.algorithm && options.algorithm !== "undefined") parts.push(`algorithm=${options.algorithm}`);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The options given (explicit defaults included), or null when there are none: what a dialect must be able to write. */
export function givenViewOptions(object: Pick<DatabaseObject, "viewOptions">): ViewOptions | null {
  const o = object.viewOptions;
  if (!o) return null;
  return o.security !== undefined || o.checkOption !== undefined || o.algorithm !== undefined ? o : null;
}

/** Kinds that belong to a table (or materialized view) named in `table`. */
export function onRelation(kind: DatabaseObjectKind): boolean {
  return kind === "trigger" || kind === "rule" || kind === "policy" || kind === "materializedViewIndex";
}

/** The key of an object: kind, schema and name (and the table of a trigger or index). */
export function objectKey(object: Pick<DatabaseObject, "kind" | "schema" | "name" | "table">): string {
  const base = `${object.kind}:${object.schema ?? ""}.${object.name}`;
  return onRelation(object.kind) ? `${base}@${object.table ?? ""}` : base;
}

/** The dependency key of a table, as objects list it in dependsOn. */
export function tableObjectKey(schema: string | null | undefined, name: string): string {
  return `table:${schema ?? ""}.${name}`;
}

const KIND_WORDS: Record<DatabaseObjectKind, string> = {
  extension: "extension",
  collation: "collation",
  textSearchDictionary: "text search dictionary",
  textSearchConfiguration: "text search configuration",
  domain: "domain",
  compositeType: "composite type",
  rangeType: "range type",
  sequence: "sequence",
  function: "function",
  aggregate: "aggregate",
  procedure: "procedure",
  virtualTable: "virtual table",
  view: "view",
  materializedView: "materialized view",
  materializedViewIndex: "index",
  trigger: "trigger",
  rule: "rule",
  policy: "policy",
};

/** What a kind's objects are called together: "views", "policies", "text search dictionaries", "indexes". */
export function objectKindPlural(kind: DatabaseObjectKind): string {
  const word = KIND_WORDS[kind];
  if (word.endsWith("x")) return `${word}es`;
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/** "view public_users", "trigger touch on users": for messages and descriptions. */
export function objectLabel(object: Pick<DatabaseObject, "kind" | "schema" | "name" | "table">): string {
  const name = object.schema ? `${object.schema}.${object.name}` : object.name;
  return `${KIND_WORDS[object.kind]} ${name}${onRelation(object.kind) && object.table ? ` on ${object.table}` : ""}`;
}
