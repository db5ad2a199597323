/**
 * Export names for the tables and enums of a pulled schema: camelCase of the database name,
 * valid JavaScript, never a reserved word or a name the module imports from "athanor", and
 * unique within the module (schema prefix, then a kind suffix, then a number on collisions).
 */
import { isIdentifierName } from "../autogenerate/render-values.js";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if implements import in " +
    "instanceof interface let new null package private protected public return static super switch this throw true try typeof var void while with " +
    "yield await arguments eval undefined NaN Infinity globalThis"
  ).split(" "),
);

/** Every name a pulled module may import from "athanor": exports may not shadow them. */
const IMPORTABLE_NAMES: readonly string[] = [
  "array", "bigint", "bigserial", "binary", "blob", "boolean", "char", "check", "column", "date", "defineSchema", "double", "enumType", "exclude",
  "foreignKey", "identity", "index", "integer", "interval", "json", "jsonb", "numeric", "primaryKey", "rawType", "real", "serial",
  "smallint", "sql", "table", "text", "time", "timestamp", "unique", "uuid", "varchar",
  "view", "materializedView", "materializedViewIndex", "virtualTable", "fn", "aggregate", "procedure", "trigger", "rule", "policy", "extension", "domain", "sequence", "partition",
  "collation", "textSearchDictionary", "textSearchConfiguration", "compositeType", "rangeType",
];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** camelCase of a database name, e.g. `order_items` → `orderItems`, `HTTP_LOG` → `httpLog`; "" when it has no letters or digits. */
export function camelCase(name: string): string {
  const words = name.split(/[^\p{ID_Continue}]+|_+/u).filter(Boolean);
  return words
    .map((word, i) => {
      const lower = word === word.toUpperCase() ? word.toLowerCase() : word;
      return i === 0 ? lower.charAt(0).toLowerCase() + lower.slice(1) : capitalize(lower);
    })
    .join("");
}

/** Hands out unique identifiers within one module. */
export class IdentifierAllocator {
  private readonly taken = new Set<string>([...RESERVED, ...IMPORTABLE_NAMES]);

  /** True when `name` can be declared: a valid identifier, not reserved, not taken. */
  available(name: string): boolean {
    return name !== "" && isIdentifierName(name) && !this.taken.has(name);
  }

  /**
   * An identifier for a database object: camelCase of its name, else of schema + name, else
   * with `suffix` (`Table`, `Enum`), else numbered.
   */
  allocate(name: string, schema: string | null | undefined, suffix: string, fallback: string): string {
    const base = this.valid(camelCase(name)) || fallback;
    const candidates = [base, schema ? this.valid(camelCase(`${schema}_${name}`)) : "", base + suffix];
    let chosen = candidates.find((c) => this.available(c));
    for (let n = 2; chosen === undefined; n++) if (this.available(`${base}${suffix}${n}`)) chosen = `${base}${suffix}${n}`;
    this.taken.add(chosen);
    return chosen;
  }

  /** The camelCase form made a valid identifier start (a leading digit gets `_`), or "". */
  private valid(camel: string): string {
    if (camel === "") return "";
    const candidate = isIdentifierName(camel) ? camel : `_${camel}`;
    return isIdentifierName(candidate) ? candidate : "";
  }
}
