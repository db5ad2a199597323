/**
 * PostgreSQL range types (`CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF =
 * float8mi)`). The definition is the parenthesised option list after AS RANGE, assembled by
 * `rangeTypeDefinition` the same way for the model and for reflection (pg_range: rngsubtype,
 * rngsubopc, rngcollation, rngcanonical, rngsubdiff, rngmultitypid), in the order PostgreSQL 15's
 * CREATE TYPE lists them and with only what is not the default: the subtype's default btree
 * operator class, its own collation and the multirange name PostgreSQL derives are left out.
 */
import { displayIdentifier } from "./composite-type.js";
import { canonicalTypeSpelling } from "./type-spelling.js";

/** What CREATE TYPE … AS RANGE takes. Functions and operator classes as regproc prints them (qualified when not visible). */
export interface RangeTypeParts {
  /** SUBTYPE: the element type, as format_type prints it (aliases such as float8 are accepted; a modifier such as (10,2) is dropped, as PostgreSQL does). */
  subtype: string;
  /** SUBTYPE_OPCLASS: a btree operator class of the subtype; absent: the subtype's default one. */
  subtypeOpclass?: string | null;
  /** COLLATION: for a collatable subtype; absent: the subtype's default collation. */
  collation?: string | null;
  /** CANONICAL: the function that brings a value to canonical form (discrete ranges). */
  canonical?: string | null;
  /** SUBTYPE_DIFF: the function giving the difference of two subtype values as double precision (helps GiST). */
  subtypeDiff?: string | null;
  /** MULTIRANGE_TYPE_NAME: absent: the name PostgreSQL derives (`defaultMultirangeName`). */
  multirangeTypeName?: string | null;
}

const KEYS: readonly [keyof RangeTypeParts, string][] = [
  ["subtype", "SUBTYPE"],
  ["subtypeOpclass", "SUBTYPE_OPCLASS"],
  ["collation", "COLLATION"],
  ["canonical", "CANONICAL"],
  ["subtypeDiff", "SUBTYPE_DIFF"],
  ["multirangeTypeName", "MULTIRANGE_TYPE_NAME"],
];

/**
 * The multirange type PostgreSQL creates with a range type when none is named: the first
 * "range" in the name becomes "multirange" (floatrange → floatmultirange), else `_multirange` is
 * appended (span → span_multirange).
 */
export function defaultMultirangeName(rangeName: string): string {
  const at = rangeName.indexOf("range");
  return at >= 0 ? `${rangeName.slice(0, at)}multi${rangeName.slice(at)}` : `${rangeName}_multirange`;
}

/** The canonical definition of range type `name`: `(SUBTYPE = double precision, SUBTYPE_DIFF = float8mi)`. */
export function rangeTypeDefinition(name: string, parts: RangeTypeParts): string {
  const out: string[] = [];
  for (const [key, word] of KEYS) {
    const raw = parts[key];
    if (raw === undefined || raw === null || raw.trim() === "") continue;
    const value = raw.trim();
    // PostgreSQL keeps a range's subtype without its modifier (numeric(10,2) is numeric): so does the text.
    if (key === "subtype") out.push(`${word} = ${canonicalTypeSpelling(value).replace(/\s*\(\s*[\d,\s]*\)/g, "")}`);
    else if (key === "collation") out.push(`${word} = ${displayIdentifier(value)}`);
    else if (key === "multirangeTypeName") {
      if (value !== defaultMultirangeName(name)) out.push(`${word} = ${displayIdentifier(value)}`);
    } else out.push(`${word} = ${value}`);
  }
  return `(${out.join(", ")})`;
}

const unquote = (ident: string): string => (ident.startsWith('"') && ident.endsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident);

/** The parts of a canonical definition (what `pull` writes back), or null for text of another shape. */
export function rangeTypePartsOf(definition: string): RangeTypeParts | null {
  const text = definition.trim();
  if (!text.startsWith("(") || !text.endsWith(")")) return null;
  const parts: Partial<RangeTypeParts> = {};
  // Option values hold no commas at top level (types like numeric(10,2) keep theirs inside parentheses).
  let depth = 0;
  let from = 1;
  const items: string[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i]!;
    if (ch === '"') i = Math.max(i, text.indexOf('"', i + 1));
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      items.push(text.slice(from, i));
      from = i + 1;
    }
  }
  items.push(text.slice(from, -1));
  for (const item of items) {
    const m = /^\s*([A-Z_]+)\s*=\s*([\s\S]+?)\s*$/i.exec(item);
    const entry = m ? KEYS.find(([, word]) => word === m[1]!.toUpperCase()) : undefined;
    if (!m || !entry) return null;
    const value = entry[0] === "collation" || entry[0] === "multirangeTypeName" ? unquote(m[2]!) : m[2]!;
    parts[entry[0]] = value;
  }
  return parts.subtype ? (parts as RangeTypeParts) : null;
}
