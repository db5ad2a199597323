/**
 * The naming convention: every primary key, foreign key, unique, check, exclusion constraint and index gets a
 * deterministic name when the user gives none, so generated DDL and autogenerate agree run after
 * run. The defaults are PostgreSQL's own (`users_pkey`, `orders_user_id_fkey`, `users_email_key`,
 * `users_age_check`, `bookings_room_id_during_excl`), which keeps databases created by hand from showing phantom renames; indexes,
 * which PostgreSQL names `<table>_<cols>_idx`, follow the common `ix_` / `ux_` convention instead.
 */
import { sha256 } from "../core/sha256.js";
import { MigrateError } from "../errors.js";

/** What a naming rule knows about the object it names. */
export interface NamingContext {
  table: string;
  schema: string | null;
  /**
   * The columns involved: the constrained columns; for checks, the one column the condition
   * mentions (empty when it mentions none or several, as PostgreSQL does); for indexes, `expr`
   * stands for each expression element.
   */
  columns: string[];
  /** Foreign keys only: the referenced table. */
  referencedTable?: string;
}

/**
 * A template with the tokens `{table}`, `{columns}` (all column names joined by `_`),
 * `{column0}` and `{referencedTable}` — runs of `_` left by empty tokens are collapsed — or a
 * function returning the name.
 */
export type NamingRule = string | ((context: NamingContext) => string);

/** The complete convention. */
export interface NamingConvention {
  primaryKey: NamingRule;
  foreignKey: NamingRule;
  unique: NamingRule;
  check: NamingRule;
  /** PostgreSQL exclusion constraints; `{columns}` names each element's column (`expr` for an expression). */
  exclusion: NamingRule;
  index: NamingRule;
  uniqueIndex: NamingRule;
  /** Longest identifier, in bytes (PostgreSQL: 63). Longer names are shortened with a hash suffix. */
  maxLength: number;
}

/** Overrides given as `defineSchema({ naming: { … } })`. */
export type NamingOverrides = Partial<NamingConvention>;

/** The default convention. */
export const DEFAULT_NAMING: Readonly<NamingConvention> = Object.freeze({
  primaryKey: "{table}_pkey",
  foreignKey: "{table}_{columns}_fkey",
  unique: "{table}_{columns}_key",
  check: "{table}_{column0}_check",
  exclusion: "{table}_{columns}_excl",
  index: "ix_{table}_{columns}",
  uniqueIndex: "ux_{table}_{columns}",
  maxLength: 63,
});

/** The default convention with the given overrides applied. */
export function resolveNaming(overrides: NamingOverrides = {}): NamingConvention {
  const naming: NamingConvention = { ...DEFAULT_NAMING };
  for (const [key, value] of Object.entries(overrides) as [keyof NamingConvention, unknown][]) {
    if (value === undefined) continue;
    if (key === "maxLength") {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 16) {
        throw new MigrateError("model", `naming.maxLength must be an integer of at least 16, got ${String(value)}.`, { hint: "Use 63 for PostgreSQL or 64 for MySQL." });
      }
      naming.maxLength = value;
    } else if (key in DEFAULT_NAMING && (typeof value === "string" || typeof value === "function")) {
      (naming as unknown as Record<string, unknown>)[key] = value;
    } else {
      throw new MigrateError("model", `naming.${String(key)} is not a naming rule.`, {
        hint: "Naming rules are primaryKey, foreignKey, unique, check, exclusion, index, uniqueIndex (a template string or a function) and maxLength.",
      });
    }
  }
  return naming;
}

const byteLength = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * Shortens `name` to at most `maxLength` bytes by cutting it and appending `_` plus 8 hex digits
 * of its SHA-256, so two long names that share a prefix stay distinct and the result never changes.
 */
export function truncateName(name: string, maxLength: number): string {
  if (byteLength(name) <= maxLength) return name;
  const suffix = "_" + sha256(name).slice(0, 8);
  let head = name;
  while (byteLength(head) + suffix.length > maxLength) head = head.slice(0, -1);
  return head + suffix;
}

/** The name a rule gives in a context, shortened to the convention's maximum length. */
export function applyNamingRule(rule: NamingRule, context: NamingContext, maxLength: number): string {
  let name: string;
  if (typeof rule === "function") {
    name = rule(context);
  } else {
    const tokens: Record<string, string> = {
      table: context.table,
      columns: context.columns.join("_"),
      column0: context.columns[0] ?? "",
      referencedTable: context.referencedTable ?? "",
    };
    name = rule
      .replace(/\{(\w+)\}/g, (match, token: string) => tokens[token] ?? match)
      .replace(/_{2,}/g, "_")
      .replace(/^_+|_+$/g, "");
  }
  if (typeof name !== "string" || name === "") {
    throw new MigrateError("model", `The naming convention produced an empty name for a constraint on table ${context.table}.`, {
      hint: "Check the naming overrides passed to defineSchema, or name the constraint explicitly.",
    });
  }
  return truncateName(name, maxLength);
}

/**
 * Hands out names within one namespace: explicit names are reserved first, then generated names
 * get a numeric suffix (`users_check1`, as PostgreSQL does) if already taken.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly maxLength: number) {}

  /** Marks a name used; false when it already was. */
  reserve(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }

  /** A free name derived from `base`. */
  allocate(base: string): string {
    let candidate = base;
    for (let n = 1; this.taken.has(candidate); n++) candidate = truncateName(base + String(n), this.maxLength);
    this.taken.add(candidate);
    return candidate;
  }
}

/**
 * The columns a CHECK condition mentions, in order of first mention. Quoted identifiers match
 * exactly, bare words case-insensitively; string literals are skipped.
 */
export function columnsInExpression(expression: string, columnNames: readonly string[]): string[] {
  const found: string[] = [];
  const pattern = /'(?:[^']|'')*'|"((?:[^"]|"")+)"|`((?:[^`]|``)+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*)/g;
  for (const match of expression.matchAll(pattern)) {
    const quoted = match[1]?.replace(/""/g, '"') ?? match[2]?.replace(/``/g, "`") ?? match[3];
    const bare = match[4];
    const name =
      quoted !== undefined
        ? columnNames.find((c) => c === quoted)
        : bare !== undefined
          ? (columnNames.find((c) => c === bare) ?? columnNames.find((c) => c.toLowerCase() === bare.toLowerCase()))
          : undefined;
    if (name !== undefined && !found.includes(name)) found.push(name);
  }
  return found;
}
