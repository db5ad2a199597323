/**
 * PostgreSQL statements for collations and text-search dictionaries and configurations. A
 * collation cannot be altered, so a changed one is dropped and created again (autogenerate moves
 * the columns off it first). A configuration keeps its identity where it can: with the same
 * parser its mappings change in place (ALTER … ADD / ALTER / DROP MAPPING), so indexes and
 * generated columns that name it stay; a new parser needs a new configuration. A dictionary's
 * options change with ALTER TEXT SEARCH DICTIONARY (an option left out is named without a value,
 * which removes it); a new template needs a new dictionary.
 */
import { textSearchConfigurationParts, textSearchDictionaryParts } from "../../model/text-search.js";
import type { Statement } from "../dialect.js";

/** CREATE TEXT SEARCH CONFIGURATION with its parser, then one ADD MAPPING per token type. */
export function createConfigurationStatements(name: string, definition: string): Statement[] {
  const parts = textSearchConfigurationParts(definition);
  if (!parts) return [{ sql: `CREATE TEXT SEARCH CONFIGURATION ${name} (${definition})` }];
  return [
    { sql: `CREATE TEXT SEARCH CONFIGURATION ${name} (PARSER = ${parts.parser})` },
    ...parts.mappings.map(([token, dicts]) => ({ sql: `ALTER TEXT SEARCH CONFIGURATION ${name} ADD MAPPING FOR ${token} WITH ${dicts.join(", ")}` })),
  ];
}

/** The mapping changes from `existing` to `definition`, or null when the parser changes (a new configuration). */
export function alterConfigurationStatements(name: string, definition: string, existing: string): Statement[] | null {
  const next = textSearchConfigurationParts(definition);
  const before = textSearchConfigurationParts(existing);
  if (!next || !before || next.parser !== before.parser) return null;
  const had = new Map(before.mappings.map(([token, dicts]) => [token, dicts.join(", ")]));
  const wants = new Map(next.mappings.map(([token, dicts]) => [token, dicts.join(", ")]));
  const out: Statement[] = [];
  for (const token of had.keys()) if (!wants.has(token)) out.push({ sql: `ALTER TEXT SEARCH CONFIGURATION ${name} DROP MAPPING FOR ${token}` });
  for (const [token, dicts] of wants) {
    const old = had.get(token);
    if (old === undefined) out.push({ sql: `ALTER TEXT SEARCH CONFIGURATION ${name} ADD MAPPING FOR ${token} WITH ${dicts}` });
    else if (old !== dicts) out.push({ sql: `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR ${token} WITH ${dicts}` });
  }
  return out;
}

/** ALTER TEXT SEARCH DICTIONARY for changed options, or null when the template changes (a new dictionary). */
export function alterDictionaryStatements(name: string, definition: string, existing: string): Statement[] | null {
  const next = textSearchDictionaryParts(definition);
  const before = textSearchDictionaryParts(existing);
  if (!next || !before || next.template !== before.template) return null;
  const quote = (v: string): string => `'${v.replace(/'/g, "''")}'`;
  const kept = new Set(next.options.map(([key]) => key));
  const options = [...next.options.map(([key, value]) => `${key} = ${quote(value)}`), ...before.options.filter(([key]) => !kept.has(key)).map(([key]) => key)];
  return options.length === 0 ? [] : [{ sql: `ALTER TEXT SEARCH DICTIONARY ${name} (${options.join(", ")})` }];
}
