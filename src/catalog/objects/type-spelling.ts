/**
 * PostgreSQL type names as format_type prints them, for the type text a composite type's
 * attributes and a range type's subtype hold. Reflection reads format_type, and the model may
 * write the common aliases (varchar(80), int4, float8, timestamptz(3)); both go through
 * `canonicalTypeSpelling`, so `float8` in the model and `double precision` in the database compare
 * equal. Text it does not know (a user type, a qualified or quoted name) is kept as written.
 */

/** Aliases and the name format_type prints for them. */
const ALIASES: Readonly<Record<string, string>> = {
  int: "integer",
  int4: "integer",
  int2: "smallint",
  int8: "bigint",
  float4: "real",
  float: "double precision",
  float8: "double precision",
  bool: "boolean",
  varchar: "character varying",
  char: "character",
  bpchar: "character",
  decimal: "numeric",
  varbit: "bit varying",
  timestamptz: "timestamp with time zone",
  timetz: "time with time zone",
};

/** Types whose modifier format_type prints before a time-zone phrase: `timestamp(3) with time zone`. */
const ZONED: Readonly<Record<string, string>> = {
  timestamp: "timestamp#without time zone",
  "timestamp without time zone": "timestamp#without time zone",
  "timestamp with time zone": "timestamp#with time zone",
  timestamptz: "timestamp#with time zone",
  time: "time#without time zone",
  "time without time zone": "time#without time zone",
  "time with time zone": "time#with time zone",
  timetz: "time#with time zone",
};

/**
 * `type` spelt as format_type prints it: unquoted words in lower case with single spaces, known
 * aliases resolved, array brackets kept (`int4[]` → `integer[]`, `timestamptz(3)` →
 * `timestamp(3) with time zone`).
 */
export function canonicalTypeSpelling(type: string): string {
  const trimmed = type.trim().replace(/\s+/g, " ");
  if (trimmed.includes('"') || trimmed.includes(".")) return trimmed;
  const m = /^([a-z_][a-z0-9_ ]*?)\s*(\(\s*[0-9 ,]+\))?((?:\s*\[\s*\d*\s*\])*)$/i.exec(trimmed);
  if (!m) return trimmed;
  const base = m[1]!.toLowerCase().trim();
  const modifier = m[2] ? `(${m[2].slice(1, -1).split(",").map((p) => p.trim()).join(",")})` : "";
  const arrays = (m[3] ?? "").replace(/\s+/g, "").replace(/\[\d+\]/g, "[]");
  // A modifier written after the time-zone phrase (`timestamp with time zone(3)`) is not format_type's spelling: kept.
  const zoned = ZONED[base];
  if (zoned) {
    const [head, zone] = zoned.split("#") as [string, string];
    return `${head}${modifier} ${zone}${arrays}`;
  }
  return `${ALIASES[base] ?? base}${modifier}${arrays}`;
}
