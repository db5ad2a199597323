/**
 * PostgreSQL text-search configurations and dictionaries in the model. A configuration is its
 * parser and its mappings (token type → dictionaries, in the order they are tried):
 * ``textSearchConfiguration("english_simple", { mappings: { asciiword: ["english_stem"], word: ["simple"] } })``.
 * Its definition is the canonical text reflection assembles from pg_ts_config and
 * pg_ts_config_map (token types sorted by name), so compare judges mapping content: a
 * configuration made by `COPY = …` in the database is its copied mappings here. A dictionary is
 * its template and options: ``textSearchDictionary("english_simple_dict", { template: "simple", options: { stopwords: "english" } })``.
 */
import { defineObject, invalid, type ObjectDefinition, type ObjectOptions } from "./objects.js";

const PLAIN = /^[a-z_][a-z0-9_$]*$/;
/** Words quote_ident quotes although they are plain (the names text search uses that are keywords). */
const KEYWORDS = new Set(["default"]);

/** An identifier as PostgreSQL's quote_ident prints it. */
function ident(name: string): string {
  return PLAIN.test(name) && !KEYWORDS.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name` as reflection prints a parser or template: always qualified, pg_catalog when no schema is given. */
function qualified(value: string | { schema?: string | null; name: string }): string {
  if (typeof value !== "string") return `${ident(value.schema ?? "pg_catalog")}.${ident(value.name)}`;
  // Already written as printed (pg_catalog."default"): kept.
  if (/^("[^"]*"|[^".]+)\.("[^"]*"|[^".]+)$/.test(value)) return value.replace(/^([^".]+)\./, (_, s: string) => `${ident(s)}.`).replace(/\.([^".]+)$/, (_, n: string) => `.${ident(n)}`);
  return `pg_catalog.${ident(value)}`;
}

/** A dictionary as regdictionary prints it: pg_catalog's unqualified (it is always on the search path). */
function dictionaryName(value: string | ObjectDefinition): string {
  if (typeof value !== "string") return value.object.schema ? `${ident(value.object.schema)}.${ident(value.object.name)}` : ident(value.object.name);
  return value.replace(/^pg_catalog\./, "");
}

/** Options of a text-search configuration. */
export interface TextSearchConfigurationOptions extends ObjectOptions {
  /** The parser (default `pg_catalog."default"`): a name in pg_catalog, `"schema.name"` or `{ schema, name }`. */
  parser?: string | { schema?: string | null; name: string };
  /** Token type (`asciiword`, `word`, …) → the dictionaries tried in order (names or dictionary objects). */
  mappings: Readonly<Record<string, readonly (string | ObjectDefinition)[]>>;
}

/**
 * The canonical definition of a configuration: `PARSER = pg_catalog."default"`, then one
 * `MAPPING FOR <token> WITH <dict>, …` line per token type, sorted by token name.
 */
export function textSearchConfigurationDefinition(name: string, options: Omit<TextSearchConfigurationOptions, "schema" | "dependsOn">): string {
  const mappings = options.mappings ?? {};
  const lines = [`PARSER = ${qualified(options.parser ?? { name: "default" })}`];
  for (const token of Object.keys(mappings).sort()) {
    const dicts = mappings[token] ?? [];
    if (!/^[a-z_]+$/.test(token)) throw invalid(`text search configuration ${name}: "${token}" is not a token type name.`, "Name token types as ts_token_type lists them (asciiword, word, numword, …).");
    if (dicts.length === 0) throw invalid(`text search configuration ${name}: the token type ${token} maps to no dictionary.`, "Leave an unmapped token type out of mappings.");
    lines.push(`MAPPING FOR ${token} WITH ${dicts.map(dictionaryName).join(", ")}`);
  }
  return lines.join("\n");
}

/** The parser and mappings of a canonical definition (what `pull` writes back), or null for another text. */
export function textSearchConfigurationParts(definition: string): { parser: string; mappings: [string, string[]][] } | null {
  const lines = definition.split("\n").map((l) => l.trim()).filter(Boolean);
  const parser = /^PARSER = (.+)$/.exec(lines[0] ?? "");
  if (!parser) return null;
  const mappings: [string, string[]][] = [];
  for (const line of lines.slice(1)) {
    const m = /^MAPPING FOR ([a-z_]+) WITH (.+)$/.exec(line);
    if (!m) return null;
    mappings.push([m[1]!, m[2]!.split(", ")]);
  }
  return { parser: parser[1]!, mappings };
}

/** A PostgreSQL text-search configuration; `to_tsvector('name', …)` in indexes and generated columns uses it. */
export function textSearchConfiguration(name: string, options: TextSearchConfigurationOptions): ObjectDefinition {
  const deps = Object.values(options?.mappings ?? {}).flatMap((dicts) => dicts.filter((d): d is ObjectDefinition => typeof d !== "string"));
  return defineObject("textSearchConfiguration", name, textSearchConfigurationDefinition(name, options ?? { mappings: {} }), { ...options, dependsOn: [...(options?.dependsOn ?? []), ...deps] });
}

/** Options of a text-search dictionary. */
export interface TextSearchDictionaryOptions extends ObjectOptions {
  /** The template (`simple`, `snowball`, `ispell`, `synonym`, …): a name in pg_catalog, `"schema.name"` or `{ schema, name }`. */
  template: string | { schema?: string | null; name: string };
  /** The template's options in the order given: `{ stopwords: "english" }`, `{ language: "english" }`. */
  options?: Readonly<Record<string, string>>;
}

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** The canonical definition of a dictionary: `(TEMPLATE = pg_catalog.simple, stopwords = 'english')`. */
export function textSearchDictionaryDefinition(options: Pick<TextSearchDictionaryOptions, "template" | "options">): string {
  const entries = Object.entries(options.options ?? {}).map(([key, value]) => `${ident(key.toLowerCase())} = ${literal(String(value))}`);
  return `(${[`TEMPLATE = ${qualified(options.template)}`, ...entries].join(", ")})`;
}

/** The template and options of a canonical definition, or null for another text. */
export function textSearchDictionaryParts(definition: string): { template: string; options: [string, string][] } | null {
  const m = /^\(TEMPLATE = ((?:"[^"]*"|[^",])+)((?:, [^=]+ = '(?:[^']|'')*')*)\)$/.exec(definition.trim());
  if (!m) return null;
  const options = [...m[2]!.matchAll(/, ("[^"]*"|[^ =]+) = '((?:[^']|'')*)'/g)].map((o): [string, string] => [o[1]!.replace(/^"|"$/g, ""), o[2]!.replace(/''/g, "'")]);
  return { template: m[1]!, options };
}

/** A PostgreSQL text-search dictionary (a template with options), for configurations to map token types to. */
export function textSearchDictionary(name: string, options: TextSearchDictionaryOptions): ObjectDefinition {
  if (!options?.template) throw invalid(`text search dictionary ${name}: no template.`, 'Pass the template, e.g. { template: "simple", options: { stopwords: "english" } }.');
  return defineObject("textSearchDictionary", name, textSearchDictionaryDefinition(options), options);
}
