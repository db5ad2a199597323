/**
 * PostgreSQL collations in the model: `collation("case_blind", { provider: "icu", locale:
 * "und-u-ks-level2", deterministic: false })`. The definition is the canonical text reflection
 * assembles from pg_collation, so a declared collation and a reflected one compare equal. A
 * collation cannot be altered: a changed one is dropped and created again, with the columns that
 * use it moved off it and back (autogenerate/collation-swap.ts).
 */
import { defineObject, invalid, type ObjectDefinition, type ObjectOptions } from "./objects.js";

/** What CREATE COLLATION takes (PostgreSQL 15): a provider and its locale(s), and whether it is deterministic. */
export interface CollationOptions extends ObjectOptions {
  /** "libc" (PostgreSQL's default) or "icu". */
  provider?: "icu" | "libc";
  /** The locale: an ICU locale (`und-u-ks-level2`) or a libc one (`C`, `en_US.utf8`), for both LC_COLLATE and LC_CTYPE. */
  locale?: string;
  /** libc only: LC_COLLATE, when it differs from LC_CTYPE. */
  lcCollate?: string;
  /** libc only: LC_CTYPE, when it differs from LC_COLLATE. */
  lcCtype?: string;
  /** false: strings that compare equal but differ in bytes are equal (ICU only). Default true. */
  deterministic?: boolean;
}

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * The canonical definition of a collation: what follows its name in CREATE COLLATION, as
 * reflection prints it: `(provider = icu, locale = 'und-u-ks-level2', deterministic = false)`,
 * `(provider = libc, locale = 'C')` or `(provider = libc, lc_collate = 'C', lc_ctype = 'POSIX')`.
 */
export function collationDefinition(name: string, options: Omit<CollationOptions, "schema" | "dependsOn">): string {
  const provider = options.provider ?? "libc";
  if (provider !== "icu" && provider !== "libc") throw invalid(`collation ${name}: the provider "${String(provider)}" is neither "icu" nor "libc".`, 'Pass provider: "icu" or provider: "libc".');
  const lcCollate = options.lcCollate ?? options.locale;
  const lcCtype = options.lcCtype ?? options.locale;
  if (provider === "icu") {
    if (!options.locale) throw invalid(`collation ${name}: an ICU collation needs its locale.`, 'Pass locale, e.g. { provider: "icu", locale: "und-u-ks-level2" }.');
    if (options.lcCollate !== undefined || options.lcCtype !== undefined) throw invalid(`collation ${name}: lcCollate and lcCtype are libc settings.`, "Give an ICU collation its locale only.");
  } else if (!lcCollate || !lcCtype) {
    throw invalid(`collation ${name}: a libc collation needs its locale (or both lcCollate and lcCtype).`, 'Pass locale, e.g. { provider: "libc", locale: "C" }.');
  }
  const parts = [`provider = ${provider}`];
  if (provider === "icu" || lcCollate === lcCtype) parts.push(`locale = ${literal(provider === "icu" ? options.locale! : lcCollate!)}`);
  else parts.push(`lc_collate = ${literal(lcCollate!)}`, `lc_ctype = ${literal(lcCtype!)}`);
  if (options.deterministic === false) parts.push("deterministic = false");
  return `(${parts.join(", ")})`;
}

const DEFINITION = /^\(provider = (icu|libc), (?:locale = '((?:[^']|'')*)'|lc_collate = '((?:[^']|'')*)', lc_ctype = '((?:[^']|'')*)')(, deterministic = false)?\)$/;

/** The options of a canonical definition (what `pull` writes back), or null for another text. */
export function collationOptionsOf(definition: string): Omit<CollationOptions, "schema" | "dependsOn"> | null {
  const m = DEFINITION.exec(definition.trim());
  if (!m) return null;
  const unquote = (v: string | undefined): string | undefined => v?.replace(/''/g, "'");
  const out: Omit<CollationOptions, "schema" | "dependsOn"> = { provider: m[1] as "icu" | "libc" };
  if (m[2] !== undefined) out.locale = unquote(m[2]);
  else Object.assign(out, { lcCollate: unquote(m[3]), lcCtype: unquote(m[4]) });
  if (m[5]) out.deterministic = false;
  return out;
}

/** A PostgreSQL collation. Columns use it with `.collate("case_blind")` (`{ schema }` for another schema). */
export function collation(name: string, options: CollationOptions): ObjectDefinition {
  return defineObject("collation", name, collationDefinition(name, options ?? {}), options);
}
