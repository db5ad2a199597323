/**
 * PostgreSQL composite types (`CREATE TYPE address AS (street text, city character varying(80)
 * COLLATE "C")`). The definition is what follows AS, assembled by `compositeTypeDefinition` from
 * the attributes, the same way for the model and for reflection (pg_attribute of the type's
 * typrelid, in attnum order: format_type, and the collation where it is not the type's default),
 * so a declared type and a reflected one compare equal by text. `compositeAttributesOf` reads a
 * definition back (for ALTER TYPE and for rendering); `compositeTypeChange` plans ALTER TYPE …
 * ADD / DROP / ALTER ATTRIBUTE, which keeps a type in use by columns and their values.
 */
import { canonicalTypeSpelling } from "./type-spelling.js";

/** One attribute: its name, its type as format_type prints it, and its collation when not the type's default. */
export interface CompositeAttribute {
  name: string;
  type: string;
  collation: string | null;
  /** The collation's schema, when it is neither pg_catalog nor the current schema. */
  collationSchema?: string | null;
}

/** How the definition text spells identifiers: bare where PostgreSQL's quote_ident leaves them bare, else double-quoted. */
export function displayIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `COLLATE "C"`, `COLLATE app.case_blind`: the collation clause of an attribute, spelt with `quote`. */
export function collateClause(attribute: Pick<CompositeAttribute, "collation" | "collationSchema">, quote: (name: string) => string = displayIdentifier): string {
  if (!attribute.collation) return "";
  return ` COLLATE ${attribute.collationSchema ? `${quote(attribute.collationSchema)}.` : ""}${quote(attribute.collation)}`;
}

/** `name type [COLLATE c]` for one attribute, its name and collation spelt with `quote`. */
export function attributeSql(attribute: CompositeAttribute, quote: (name: string) => string = displayIdentifier): string {
  return `${quote(attribute.name)} ${canonicalTypeSpelling(attribute.type)}${collateClause(attribute, quote)}`;
}

/** The canonical definition: `(street text, city character varying(80) COLLATE "C")`. */
export function compositeTypeDefinition(attributes: readonly CompositeAttribute[]): string {
  return `(${attributes.map((a) => attributeSql(a)).join(", ")})`;
}

/** Splits `text` at top-level commas (outside quotes and parentheses). */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      i = end < 0 ? text.length : end;
    } else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== "");
}

const IDENT = String.raw`(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)`;
const unquote = (ident: string): string => (ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident.toLowerCase());
const ATTRIBUTE = new RegExp(String.raw`^(${IDENT})\s+([\s\S]+?)(?:\s+COLLATE\s+(?:(${IDENT})\.)?(${IDENT}))?$`, "i");

/** The attributes of a definition (`(a text, b integer)`), or null for text of another shape. */
export function compositeAttributesOf(definition: string): CompositeAttribute[] | null {
  const text = definition.trim();
  if (!text.startsWith("(") || !text.endsWith(")")) return null;
  const out: CompositeAttribute[] = [];
  for (const part of splitTopLevel(text.slice(1, -1))) {
    const m = ATTRIBUTE.exec(part);
    if (!m) return null;
    const attribute: CompositeAttribute = { name: unquote(m[1]!), type: m[2]!.trim(), collation: m[4] ? unquote(m[4]) : null };
    if (m[3]) attribute.collationSchema = unquote(m[3]);
    out.push(attribute);
  }
  return out;
}

/** What ALTER TYPE does to turn one attribute list into another in place. */
export interface CompositeTypeChange {
  /** Attributes dropped (DROP ATTRIBUTE), by name. */
  drop: string[];
  /** Attributes added (ADD ATTRIBUTE), at the end, in the model's order. */
  add: CompositeAttribute[];
  /** Attributes whose type or collation changes (ALTER ATTRIBUTE … TYPE … [COLLATE …]). */
  alter: CompositeAttribute[];
}

const sameAttribute = (a: CompositeAttribute, b: CompositeAttribute): boolean =>
  canonicalTypeSpelling(a.type) === canonicalTypeSpelling(b.type) && (a.collation ?? null) === (b.collation ?? null) && (a.collationSchema ?? null) === (b.collationSchema ?? null);

/**
 * The ALTER TYPE plan from `existing` to `target`, or null when it cannot keep the target's order:
 * ADD ATTRIBUTE always appends, so the attributes both keep must stay in the same order and the
 * new ones must all come after them.
 */
export function compositeTypeChange(existing: readonly CompositeAttribute[], target: readonly CompositeAttribute[]): CompositeTypeChange | null {
  const targetNames = new Set(target.map((a) => a.name));
  const existingByName = new Map(existing.map((a) => [a.name, a]));
  const kept = existing.filter((a) => targetNames.has(a.name)).map((a) => a.name);
  const keptInTarget = target.filter((a) => existingByName.has(a.name)).map((a) => a.name);
  if (kept.join("\u0000") !== keptInTarget.join("\u0000")) return null;
  const firstNew = target.findIndex((a) => !existingByName.has(a.name));
  if (firstNew >= 0 && target.slice(firstNew).some((a) => existingByName.has(a.name))) return null;
  return {
    drop: existing.filter((a) => !targetNames.has(a.name)).map((a) => a.name),
    add: target.filter((a) => !existingByName.has(a.name)),
    alter: target.filter((a) => {
      const was = existingByName.get(a.name);
      return was !== undefined && !sameAttribute(a, was);
    }),
  };
}
