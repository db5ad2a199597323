/**
 * ColumnType <-> SQLite declared types. SQLite keeps the declared type text verbatim, so each
 * portable type is written under a name that reflects back to the very same ColumnType: the
 * declared name carries what SQLite's five storage classes cannot (unsigned, precision, time
 * zone, text size). Names athanor does not know reflect as `raw`, keeping the text intact.
 */
import { UnsupportedOperationError } from "../../errors.js";
import type { ColumnType } from "../../catalog/types.js";
import { tokenize, isPunct } from "./sql-tokens.js";

function withArgs(name: string, ...args: Array<number | undefined>): string {
  const given = args.filter((a): a is number => a !== undefined);
  return given.length === 0 ? name : `${name}(${given.join(",")})`;
}

function unsignedPrefix(type: { unsigned?: boolean }, name: string): string {
  return type.unsigned ? `UNSIGNED ${name}` : name;
}

/**
 * The declared type for `type`. Enums are TEXT (their CHECK is written by the column
 * definition). `where` names the column for error messages.
 */
export function columnTypeSql(type: ColumnType, where: string): string {
  switch (type.kind) {
    case "smallint":
      return unsignedPrefix(type, "SMALLINT");
    case "integer":
      return unsignedPrefix(type, "INTEGER");
    case "bigint":
      return unsignedPrefix(type, "BIGINT");
    case "numeric":
      if (type.scale !== undefined && type.precision === undefined) {
        throw new UnsupportedOperationError(`Column ${where}: a numeric scale needs a precision.`, {
          hint: "Give the column a precision as well, e.g. numeric(12, 2).",
        });
      }
      return unsignedPrefix(type, withArgs("NUMERIC", type.precision, type.scale));
    case "real":
      return "REAL";
    case "double":
      return "DOUBLE";
    case "boolean":
      return "BOOLEAN";
    case "char":
      return withArgs("CHAR", type.length);
    case "varchar":
      return withArgs("VARCHAR", type.length);
    case "text":
      return type.size ? `${type.size.toUpperCase()}TEXT` : "TEXT";
    case "date":
      return "DATE";
    case "time":
      return withArgs(type.withTimezone ? "TIMETZ" : "TIME", type.precision);
    case "timestamp":
      return withArgs(type.withTimezone ? "TIMESTAMPTZ" : "TIMESTAMP", type.precision);
    case "interval":
      return "INTERVAL";
    case "json":
      return "JSON";
    case "jsonb":
      return "JSONB";
    case "uuid":
      return "UUID";
    case "binary":
      if (type.size) return `${type.size.toUpperCase()}BLOB`;
      if (type.fixed) return withArgs("BINARY", type.length);
      return type.length === undefined ? "BLOB" : withArgs("VARBINARY", type.length);
    case "enum":
      return "TEXT";
    case "array":
      throw new UnsupportedOperationError(`Column ${where}: SQLite has no array types.`, {
        hint: "Store the list as json on SQLite, or keep the array column out of the SQLite model.",
      });
    case "raw":
      return type.sql;
  }
}

interface ParsedDeclaredType {
  /** Upper-cased words, single-spaced, without UNSIGNED. */
  name: string;
  args: number[];
  unsigned: boolean;
  /** False when the text has something beyond `words [(n[,m])] [words]`. */
  simple: boolean;
}

function parseDeclared(declared: string): ParsedDeclaredType {
  const tokens = tokenize(declared);
  const words: string[] = [];
  const args: number[] = [];
  let simple = true;
  let unsigned = false;
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "word") {
      if (t.text.toUpperCase() === "UNSIGNED") unsigned = true;
      else words.push(t.text.toUpperCase());
    } else if (isPunct(t, "(")) {
      let j = i + 1;
      for (; j < tokens.length && !isPunct(tokens[j], ")"); j++) {
        const a = tokens[j];
        if (a.kind === "number" && /^\d+$/.test(a.text)) args.push(Number(a.text));
        else if (!isPunct(a, ",")) simple = false;
      }
      i = j;
    } else {
      simple = false;
    }
  }
  return { name: words.join(" "), args, unsigned, simple };
}

type Reader = (p: ParsedDeclaredType) => ColumnType | undefined;

const integerKinds: Record<string, "smallint" | "integer" | "bigint"> = {
  SMALLINT: "smallint",
  INT2: "smallint",
  INTEGER: "integer",
  INT: "integer",
  INT4: "integer",
  BIGINT: "bigint",
  INT8: "bigint",
  "BIG INT": "bigint",
};

const noArgs: Record<string, ColumnType> = {
  REAL: { kind: "real" },
  FLOAT4: { kind: "real" },
  DOUBLE: { kind: "double" },
  "DOUBLE PRECISION": { kind: "double" },
  FLOAT: { kind: "double" },
  FLOAT8: { kind: "double" },
  BOOLEAN: { kind: "boolean" },
  BOOL: { kind: "boolean" },
  TEXT: { kind: "text" },
  CLOB: { kind: "text" },
  TINYTEXT: { kind: "text", size: "tiny" },
  MEDIUMTEXT: { kind: "text", size: "medium" },
  LONGTEXT: { kind: "text", size: "long" },
  DATE: { kind: "date" },
  INTERVAL: { kind: "interval" },
  JSON: { kind: "json" },
  JSONB: { kind: "jsonb" },
  UUID: { kind: "uuid" },
  BLOB: { kind: "binary" },
  BYTEA: { kind: "binary" },
  TINYBLOB: { kind: "binary", size: "tiny" },
  MEDIUMBLOB: { kind: "binary", size: "medium" },
  LONGBLOB: { kind: "binary", size: "long" },
};

const lengthTypes: Record<string, (length: number | undefined) => ColumnType> = {
  CHAR: (length) => (length === undefined ? { kind: "char" } : { kind: "char", length }),
  CHARACTER: (length) => (length === undefined ? { kind: "char" } : { kind: "char", length }),
  NCHAR: (length) => (length === undefined ? { kind: "char" } : { kind: "char", length }),
  VARCHAR: (length) => (length === undefined ? { kind: "varchar" } : { kind: "varchar", length }),
  "CHARACTER VARYING": (length) => (length === undefined ? { kind: "varchar" } : { kind: "varchar", length }),
  NVARCHAR: (length) => (length === undefined ? { kind: "varchar" } : { kind: "varchar", length }),
  BINARY: (length) => (length === undefined ? { kind: "binary", fixed: true } : { kind: "binary", length, fixed: true }),
  VARBINARY: (length) => (length === undefined ? { kind: "binary" } : { kind: "binary", length }),
};

const timeTypes: Record<string, { kind: "time" | "timestamp"; tz: boolean }> = {
  TIME: { kind: "time", tz: false },
  "TIME WITHOUT TIME ZONE": { kind: "time", tz: false },
  TIMETZ: { kind: "time", tz: true },
  "TIME WITH TIME ZONE": { kind: "time", tz: true },
  TIMESTAMP: { kind: "timestamp", tz: false },
  "TIMESTAMP WITHOUT TIME ZONE": { kind: "timestamp", tz: false },
  DATETIME: { kind: "timestamp", tz: false },
  TIMESTAMPTZ: { kind: "timestamp", tz: true },
  "TIMESTAMP WITH TIME ZONE": { kind: "timestamp", tz: true },
};

const readers: Reader[] = [
  (p) => {
    const kind = integerKinds[p.name];
    // Display widths such as INT(11) mean nothing to SQLite; the type is still an integer.
    if (!kind) return undefined;
    return p.unsigned ? { kind, unsigned: true } : { kind };
  },
  (p) => {
    if (p.name !== "NUMERIC" && p.name !== "DECIMAL") return undefined;
    if (p.args.length > 2) return undefined;
    const t: ColumnType = { kind: "numeric" };
    if (p.args[0] !== undefined) t.precision = p.args[0];
    if (p.args[1] !== undefined) t.scale = p.args[1];
    if (p.unsigned) t.unsigned = true;
    return t;
  },
  (p) => (p.unsigned || p.args.length > 0 ? undefined : noArgs[p.name]),
  (p) => (p.unsigned || p.args.length > 1 ? undefined : lengthTypes[p.name]?.(p.args[0])),
  (p) => {
    const t = timeTypes[p.name];
    if (!t || p.unsigned || p.args.length > 1) return undefined;
    const extra = { ...(t.tz ? { withTimezone: true } : {}), ...(p.args[0] !== undefined ? { precision: p.args[0] } : {}) };
    return t.kind === "time" ? { kind: "time", ...extra } : { kind: "timestamp", ...extra };
  },
];

/**
 * The portable type a declared type means: every name `columnTypeSql` writes and the common
 * aliases (INT, DATETIME, DECIMAL, NVARCHAR, CLOB …); anything else is `raw`. Compare folds raw
 * types through this, so an alias and its portable type are the same column.
 */
export function portableColumnType(declared: string): ColumnType {
  const parsed = parseDeclared(declared);
  if (parsed.simple && parsed.name !== "") {
    for (const read of readers) {
      const type = read(parsed);
      if (type) return type;
    }
  }
  return { kind: "raw", sql: declared };
}

/** True when the declared type is exactly what an enum column is written as. */
export function isEnumStorageType(declared: string): boolean {
  return declared.trim().toUpperCase() === "TEXT";
}

/**
 * The ColumnType for a declared type as SQLite reports it: the portable type when compile would
 * write exactly this text for it, otherwise `raw` with the text as declared (`NVARCHAR(160)`,
 * `DATETIME`, `integer`), so that pull keeps the declared type name the database holds.
 */
export function reflectColumnType(declared: string): ColumnType {
  const portable = portableColumnType(declared);
  if (portable.kind === "raw") return portable;
  let written: string | undefined;
  try {
    written = columnTypeSql(portable, "");
  } catch {
    written = undefined;
  }
  return written === declared ? portable : { kind: "raw", sql: declared };
}
