/**
 * The model DSL for database objects beyond tables: `view`, `materializedView`, `fn`,
 * `aggregate`, `procedure`, `trigger`, `rule`, `materializedViewIndex`, `extension`, `domain` and `sequence`. Each returns an ObjectDefinition, which a
 * schema module exports (or lists in `defineSchema({ objects })`) and a revision passes to
 * `op.createObject` / `op.dropObject` / `op.replaceObject`. Definitions are SQL text, best written
 * as the database prints it (`migrate pull` writes exactly that), because compare judges by text.
 */
import { MigrateError } from "../errors.js";
import { isSqlFragment, type SqlFragment } from "../core/sql.js";
import { VIEW_OPTION_VALUES, objectKey, tableObjectKey, type DatabaseObject, type DatabaseObjectKind, type ViewOptions } from "../catalog/objects/types.js";

/** A declared database object: what the DSL functions return. */
export interface ObjectDefinition {
  /** Brand that identifies objects in a schema module's exports. */
  readonly athanorKind: "object";
  /** The neutral object. */
  readonly object: DatabaseObject;
}

/** Something an object can depend on: another object, a table, or a key string. */
export type ObjectDependency = ObjectDefinition | { readonly athanorKind: "table"; readonly name: string; readonly schema: string | null } | string;

/** Options every object accepts. */
export interface ObjectOptions {
  /** PostgreSQL schema; absent: the current schema. */
  schema?: string | null;
  /** What the object uses, so it is created after them and dropped before them. */
  dependsOn?: readonly ObjectDependency[];
  /** PostgreSQL `COMMENT ON` a view, materialized view, sequence, domain or trigger. */
  comment?: string | null;
}

/** Definition text: a string or an `sql` template without interpolated values. */
export type DefinitionText = string | SqlFragment;

/** A model error with its hint. */
export function invalid(message: string, hint: string): MigrateError {
  return new MigrateError("model", message, { hint });
}

function definitionText(input: DefinitionText, what: string): string {
  if (typeof input === "string") return input;
  if (!isSqlFragment(input)) throw invalid(`${what}: the definition is neither a string nor an sql\`…\` template.`, "Write the definition as sql`…` or a string.");
  if (input.values.length > 0) {
    throw invalid(`${what}: the definition interpolates values (\${…}), which DDL cannot bind.`, "Write the values into the SQL text itself.");
  }
  return input.strings.join("");
}

function dependencyKey(dep: ObjectDependency): string {
  if (typeof dep === "string") return dep;
  if (dep.athanorKind === "object") return objectKey(dep.object);
  return tableObjectKey(dep.schema, dep.name);
}

/** Builds an object definition of `kind` (the DSL functions of every object kind share it). */
export function defineObject(kind: DatabaseObjectKind, name: string, definition: string, options: ObjectOptions & { table?: string | null } = {}): ObjectDefinition {
  if (typeof name !== "string" || name.trim() === "") throw invalid(`A ${kind} needs a name.`, `Pass the ${kind}'s name as the first argument.`);
  const object: DatabaseObject = { kind, schema: options.schema ?? null, name, definition: definition.trim() };
  if (options.table) object.table = options.table;
  if (options.dependsOn?.length) object.dependsOn = options.dependsOn.map(dependencyKey);
  if (options.comment) object.comment = options.comment;
  return { athanorKind: "object", object };
}

/**
 * Options of a view: where it lives, what it uses, and what it declares besides its query
 * (`security`, `checkOption` on MySQL/MariaDB and PostgreSQL; `algorithm` on MySQL/MariaDB).
 */
export interface ViewDefinitionOptions extends ObjectOptions, ViewOptions {}

/** The view options in `options`, checked; undefined when none is given. */
function viewOptionsOf(name: string, options: ViewDefinitionOptions | undefined): ViewOptions | undefined {
  if (!options) return undefined;
  const out: ViewOptions = {};
  for (const key of Object.keys(VIEW_OPTION_VALUES) as (keyof ViewOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const allowed: readonly string[] = VIEW_OPTION_VALUES[key];
    if (typeof value !== "string" || !allowed.includes(value)) {
      throw invalid(`view ${name}: ${key} is ${JSON.stringify(value)}, which is not a ${key} a view can have.`, `Write ${key} as one of ${allowed.map((v) => `"${v}"`).join(", ")}, or leave it out for the database's default.`);
    }
    (out as Record<string, string>)[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A view: ``view("active_users", sql`SELECT users.id FROM users WHERE users.active`)``, with
 * options besides the query where the database has them:
 * ``view("actor_info", sql`…`, { security: "invoker", checkOption: "local", algorithm: "merge" })``.
 */
export function view(name: string, query: DefinitionText, options?: ViewDefinitionOptions): ObjectDefinition {
  const definition = defineObject("view", name, definitionText(query, `view ${name}`), options);
  const viewOptions = viewOptionsOf(name, options);
  if (viewOptions) definition.object.viewOptions = viewOptions;
  return definition;
}

/** A PostgreSQL materialized view (its indexes are plain `index` entries of no table; see README). */
export function materializedView(name: string, query: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  return defineObject("materializedView", name, definitionText(query, `materialized view ${name}`), options);
}

/**
 * An index of a PostgreSQL materialized view, given as its CREATE INDEX statement (as
 * pg_get_indexdef prints it): ``materializedViewIndex("rental_category", rentalByCategory, sql`CREATE UNIQUE INDEX rental_category ON public.rental_by_category USING btree (category)`)``.
 * It is created after its materialized view and again whenever the view is rebuilt.
 */
export function materializedViewIndex(name: string, on: string | ObjectDefinition, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  const view = typeof on === "string" ? on : on.object.name;
  const dependsOn: ObjectDependency[] = [...(options?.dependsOn ?? [])];
  const viewKey = objectKey({ kind: "materializedView", schema: options?.schema ?? null, name: view });
  if (!dependsOn.some((d) => (typeof d === "string" ? d : d.athanorKind === "object" ? objectKey(d.object) : "") === viewKey)) dependsOn.push(viewKey);
  return defineObject("materializedViewIndex", name, definitionText(statement, `index ${name}`), { ...options, dependsOn, table: view });
}

/** A function, given as its whole CREATE [OR REPLACE] FUNCTION statement (as pg_get_functiondef prints it). */
export function fn(name: string, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  return defineObject("function", name, definitionText(statement, `function ${name}`), options);
}

/**
 * A PostgreSQL aggregate, given as its whole CREATE AGGREGATE statement, as `pull` writes it:
 * ``aggregate("group_concat", sql`CREATE AGGREGATE public.group_concat(text) (SFUNC = _group_concat, STYPE = text)`)``.
 */
export function aggregate(name: string, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  return defineObject("aggregate", name, definitionText(statement, `aggregate ${name}`), options);
}

/**
 * A PostgreSQL domain, given as what follows its name in CREATE DOMAIN, in the order PostgreSQL
 * keeps it (type, COLLATE, DEFAULT, NOT NULL, then each named CHECK):
 * ``domain("year", sql`AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)`)``.
 * A column typed by the domain names it as PostgreSQL prints the type: `rawType("year")`.
 */
export function domain(name: string, definition: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  const text = definitionText(definition, `domain ${name}`).trim();
  if (!/^AS\s/i.test(text)) throw invalid(`domain ${name}: the definition does not start with AS <type>.`, 'Write it as CREATE DOMAIN prints after the name, e.g. sql`AS integer CONSTRAINT positive CHECK (VALUE > 0)`.');
  return defineObject("domain", name, text, options);
}

/** A procedure, given as its whole CREATE [OR REPLACE] PROCEDURE statement. */
export function procedure(name: string, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  return defineObject("procedure", name, definitionText(statement, `procedure ${name}`), options);
}

/** A trigger on `table`, given as its whole CREATE TRIGGER statement (as the database prints it). */
export function trigger(name: string, table: string | { readonly name: string }, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  const on = typeof table === "string" ? table : table.name;
  return defineObject("trigger", name, definitionText(statement, `trigger ${name}`), { ...options, table: on });
}

/**
 * A PostgreSQL rule on `table`, given as its whole CREATE RULE statement as pg_get_ruledef prints
 * it (what `pull` writes): ``rule("orders_insert_2024", orders, sql`CREATE RULE orders_insert_2024 AS ON INSERT TO orders WHERE … DO INSTEAD INSERT INTO orders_2024 …`)``.
 * List the tables its action uses in `dependsOn`, so it is created after them and dropped before them.
 */
export function rule(name: string, table: string | { readonly name: string }, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  const on = typeof table === "string" ? table : table.name;
  return defineObject("rule", name, definitionText(statement, `rule ${name}`), { ...options, table: on });
}

/**
 * A SQLite virtual table, given as its whole CREATE VIRTUAL TABLE statement (as sqlite_schema
 * holds it): ``virtualTable("search", sql`CREATE VIRTUAL TABLE search USING fts5(title, body)`)``.
 * Its module (FTS3/4/5, R*Tree, …) creates and drops its shadow tables itself.
 */
export function virtualTable(name: string, statement: DefinitionText, options?: ObjectOptions): ObjectDefinition {
  return defineObject("virtualTable", name, definitionText(statement, `virtual table ${name}`), options);
}

/** A PostgreSQL extension: `extension("pgcrypto")`. */
export function extension(name: string, options?: ObjectOptions): ObjectDefinition {
  return defineObject("extension", name, "", options);
}

/** Options of a sequence, as PostgreSQL prints them (pg_sequence). */
export interface SequenceOptions extends ObjectOptions {
  /** smallint, integer or bigint (default bigint). */
  as?: "smallint" | "integer" | "bigint";
  start?: number | bigint;
  increment?: number | bigint;
  minValue?: number | bigint;
  maxValue?: number | bigint;
  cache?: number | bigint;
  cycle?: boolean;
  /** "table.column" whose column owns the sequence (dropped with it). */
  ownedBy?: string | null;
}

const MAX: Record<NonNullable<SequenceOptions["as"]>, bigint> = { smallint: 32767n, integer: 2147483647n, bigint: 9223372036854775807n };

/**
 * The canonical option text of a sequence, with PostgreSQL's defaults filled in so that a
 * declared sequence and a reflected one compare equal.
 */
export function sequenceDefinition(options: Omit<SequenceOptions, "schema" | "dependsOn" | "ownedBy">): string {
  const as = options.as ?? "bigint";
  const increment = BigInt(options.increment ?? 1);
  const ascending = increment > 0n;
  const min = BigInt(options.minValue ?? (ascending ? 1n : -MAX[as] - 1n));
  const max = BigInt(options.maxValue ?? (ascending ? MAX[as] : -1n));
  const start = BigInt(options.start ?? (ascending ? min : max));
  const cache = BigInt(options.cache ?? 1);
  return `AS ${as} START WITH ${start} INCREMENT BY ${increment} MINVALUE ${min} MAXVALUE ${max} CACHE ${cache}${options.cycle ? " CYCLE" : " NO CYCLE"}`;
}

/** A PostgreSQL sequence: `sequence("order_numbers", { start: 1000 })`. */
export function sequence(name: string, options: SequenceOptions = {}): ObjectDefinition {
  return defineObject("sequence", name, sequenceDefinition(options), { ...options, table: options.ownedBy ?? null });
}

/** True for an object definition (also one created by another copy of athanor). */
export function isObjectDefinition(value: unknown): value is ObjectDefinition {
  return typeof value === "object" && value !== null && (value as { athanorKind?: unknown }).athanorKind === "object" && typeof (value as ObjectDefinition).object === "object";
}
