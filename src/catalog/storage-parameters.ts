/**
 * PostgreSQL storage parameters (`WITH (fillfactor = 70, …)` on a table or an index, kept in
 * pg_class.reloptions): the names PostgreSQL 15 documents, with the kind of value each takes, so
 * that a model or a revision naming an unknown parameter, or giving a value of the wrong kind,
 * fails when it loads rather than mid-upgrade, and so that values compare by meaning
 * (`false` = `off` = `0`, `70` = `070`). The catalog keeps every parameter as its lower-case
 * name (`toast.` prefixed for the TOAST table's) and the value as the text reloptions holds.
 */

/** A table's or index's storage parameters: lower-case name → value as reloptions holds it ("70", "false"). */
export type StorageParameters = Record<string, string>;

/** A storage parameter as a model or a revision writes it: a number, a boolean, or one of a parameter's words. */
export type StorageParameterValue = number | boolean | string;

/** What a parameter takes: a whole number (optionally within bounds), a real number, a boolean, or one of some words. */
type ParameterKind =
  | { type: "integer"; min?: number; max?: number }
  | { type: "real"; min?: number }
  | { type: "boolean" }
  | { type: "enum"; words: readonly string[]; booleans?: readonly [string, string] };

const integer = (min?: number, max?: number): ParameterKind => ({ type: "integer", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
const real = (min?: number): ParameterKind => ({ type: "real", ...(min !== undefined ? { min } : {}) });
const boolean: ParameterKind = { type: "boolean" };

/** The autovacuum and vacuum parameters a table's TOAST table takes too (`toast.` prefixed). */
const TOAST_TOO: Record<string, ParameterKind> = {
  autovacuum_enabled: boolean,
  vacuum_index_cleanup: { type: "enum", words: ["auto", "on", "off"], booleans: ["on", "off"] },
  vacuum_truncate: boolean,
  autovacuum_vacuum_threshold: integer(0),
  autovacuum_vacuum_scale_factor: real(0),
  autovacuum_vacuum_insert_threshold: integer(-1),
  autovacuum_vacuum_insert_scale_factor: real(0),
  autovacuum_vacuum_cost_delay: real(-1),
  autovacuum_vacuum_cost_limit: integer(-1, 10000),
  autovacuum_freeze_min_age: integer(-1),
  autovacuum_freeze_max_age: integer(-1),
  autovacuum_freeze_table_age: integer(-1),
  autovacuum_multixact_freeze_min_age: integer(-1),
  autovacuum_multixact_freeze_max_age: integer(-1),
  autovacuum_multixact_freeze_table_age: integer(-1),
  log_autovacuum_min_duration: integer(-1),
};

/** CREATE TABLE's "Storage Parameters" (PostgreSQL 15), the `toast.` ones included. */
const TABLE_PARAMETERS: Record<string, ParameterKind> = {
  fillfactor: integer(10, 100),
  toast_tuple_target: integer(128, 8160),
  parallel_workers: integer(0, 1024),
  autovacuum_analyze_threshold: integer(0),
  autovacuum_analyze_scale_factor: real(0),
  user_catalog_table: boolean,
  ...TOAST_TOO,
  ...Object.fromEntries(Object.entries(TOAST_TOO).map(([name, kind]) => [`toast.${name}`, kind])),
};

const fillfactor = integer(10, 100);

/** CREATE INDEX's "Index Storage Parameters" (PostgreSQL 15), per built-in access method. */
const INDEX_PARAMETERS: Record<string, Record<string, ParameterKind>> = {
  btree: { fillfactor, deduplicate_items: boolean },
  hash: { fillfactor },
  gist: { fillfactor, buffering: { type: "enum", words: ["on", "off", "auto"] } },
  gin: { fastupdate: boolean, gin_pending_list_limit: integer(64, 2147483647) },
  spgist: { fillfactor },
  brin: { pages_per_range: integer(1, 131072), autosummarize: boolean },
};

/** Where parameters are set: a table, or an index of an access method (absent: btree). */
export type StorageParameterScope = { of: "table" } | { of: "index"; using?: string | null };

/** The parameters a scope takes, or undefined for an index method athanor does not know. */
function parametersOf(scope: StorageParameterScope): Record<string, ParameterKind> | undefined {
  if (scope.of === "table") return TABLE_PARAMETERS;
  return INDEX_PARAMETERS[(scope.using || "btree").toLowerCase()];
}

/** One problem with a storage parameter: what is wrong and how to fix it. */
export interface StorageParameterProblem {
  message: string;
  hint: string;
}

const TRUE_WORDS = ["true", "on", "yes", "1"];
const FALSE_WORDS = ["false", "off", "no", "0"];
const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The value as a boolean, when it is one of PostgreSQL's spellings of one. */
function asBoolean(value: StorageParameterValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  const text = String(value).trim().toLowerCase();
  if (TRUE_WORDS.includes(text)) return true;
  if (FALSE_WORDS.includes(text)) return false;
  return undefined;
}

/** The value as a number, when it is a finite one (written as a number or as its digits). */
function asNumber(value: StorageParameterValue, whole: boolean): number | undefined {
  if (typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) && (!whole || Number.isInteger(value)) ? value : undefined;
  const text = value.trim();
  return (whole ? INTEGER : REAL).test(text) ? Number(text) : undefined;
}

/** What a kind of value looks like, for hints. */
function describeKind(kind: ParameterKind): string {
  switch (kind.type) {
    case "integer":
      return `a whole number${kind.min !== undefined && kind.max !== undefined ? ` from ${kind.min} to ${kind.max}` : kind.min !== undefined ? ` of at least ${kind.min}` : ""}`;
    case "real":
      return `a number${kind.min !== undefined ? ` of at least ${kind.min}` : ""}`;
    case "boolean":
      return "true or false";
    case "enum":
      return `one of ${kind.words.map((w) => `"${w}"`).join(", ")}`;
  }
}

/**
 * The value as reloptions would hold it when written the canonical way ("70", "false", "auto"),
 * or undefined when it is not a value of that kind (or out of its bounds).
 */
function canonical(kind: ParameterKind, value: StorageParameterValue): string | undefined {
  switch (kind.type) {
    case "boolean": {
      const b = asBoolean(value);
      return b === undefined ? undefined : String(b);
    }
    case "integer":
    case "real": {
      const n = asNumber(value, kind.type === "integer");
      if (n === undefined || (kind.min !== undefined && n < kind.min) || (kind.type === "integer" && kind.max !== undefined && n > kind.max)) return undefined;
      return String(n);
    }
    case "enum": {
      const b = kind.booleans ? asBoolean(value) : undefined;
      if (b !== undefined) return b ? kind.booleans![0] : kind.booleans![1];
      const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
      return text !== undefined && kind.words.includes(text) ? text : undefined;
    }
  }
}

/**
 * A valid value as it is kept and written: a number as its digits, a word as written (lower
 * case, as PostgreSQL keeps an unquoted word), so that `off` read from a database is written back
 * `off` (a downgrade restores the very text) while comparison goes by meaning.
 */
function spelled(kind: ParameterKind, value: StorageParameterValue): string {
  if (typeof value !== "string") return String(value);
  if (kind.type === "integer" || kind.type === "real") return String(asNumber(value, kind.type === "integer"));
  return value.trim().toLowerCase();
}

/** A label for a scope in messages: "table storage parameter", "gin index storage parameter". */
function scopeLabel(scope: StorageParameterScope): string {
  return scope.of === "table" ? "table storage parameter" : `${(scope.using || "btree").toLowerCase()} index storage parameter`;
}

/** The names a scope takes, for hints. */
function knownNames(scope: StorageParameterScope): string {
  const names = Object.keys(parametersOf(scope) ?? {});
  return scope.of === "table" ? `${names.filter((n) => !n.startsWith("toast.") && !(n in TOAST_TOO)).join(", ")}, the autovacuum_* and vacuum_* ones, and toast.<those>` : names.join(", ");
}

/**
 * Checks storage parameters a model or a revision gives (`what` names where they were given),
 * and returns them as the catalog keeps them: names lower-case, values as text (numbers as their
 * digits, booleans `true`/`false`, a word as written in lower case). Returns a
 * problem instead for an unknown name, a value of the wrong kind, or an index method whose
 * parameters athanor does not know.
 */
export function checkStorageParameters(input: unknown, scope: StorageParameterScope, what: string): StorageParameters | StorageParameterProblem {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { message: `${what}: with is ${JSON.stringify(input)}, not an object of storage parameters.`, hint: "Write it as an object, e.g. with: { fillfactor: 70 }." };
  }
  const known = parametersOf(scope);
  if (!known) {
    const using = scope.of === "index" ? scope.using : "";
    return {
      message: `${what}: athanor does not know the storage parameters of index method ${JSON.stringify(using)}.`,
      hint: `Storage parameters are checked for ${Object.keys(INDEX_PARAMETERS).join(", ")} indexes; set this one in a revision with op.execute.`,
    };
  }
  const out: StorageParameters = {};
  for (const [rawName, value] of Object.entries(input as Record<string, unknown>)) {
    const name = rawName.trim().toLowerCase();
    if (name in out) return { message: `${what}: ${name} is given twice.`, hint: "Give each storage parameter once (names are not case-sensitive)." };
    const kind = known[name];
    if (!kind) {
      return { message: `${what}: ${JSON.stringify(rawName)} is no ${scopeLabel(scope)} PostgreSQL knows.`, hint: `Use one of ${knownNames(scope)}.` };
    }
    const valid = typeof value === "number" || typeof value === "boolean" || typeof value === "string" ? canonical(kind, value) !== undefined : false;
    if (!valid) {
      return { message: `${what}: ${name} is ${JSON.stringify(value)}.`, hint: `Write ${name} as ${describeKind(kind)}.` };
    }
    out[name] = spelled(kind, value as StorageParameterValue);
  }
  return out;
}

/** The problem with the first name `scope` does not take (RESET names only a parameter), or undefined when all are known. */
export function checkStorageParameterNames(names: readonly string[], scope: StorageParameterScope, what: string): StorageParameterProblem | undefined {
  const known = parametersOf(scope);
  for (const name of names) {
    if (!known || !known[name.trim().toLowerCase()]) {
      const problem = checkStorageParameters({ [name]: null }, scope, what);
      return isStorageParameterProblem(problem) ? problem : undefined;
    }
  }
  return undefined;
}

/** True when `checkStorageParameters` returned a problem. */
export function isStorageParameterProblem(value: StorageParameters | StorageParameterProblem): value is StorageParameterProblem {
  return typeof (value as StorageParameterProblem).message === "string" && typeof (value as StorageParameterProblem).hint === "string";
}

/** What a stored value means, for comparison: its canonical text, or the text itself for a name athanor does not know. */
export function storageValueKey(name: string, value: string, scope: StorageParameterScope): string {
  const kind = parametersOf(scope)?.[name.toLowerCase()];
  return (kind && canonical(kind, value)) ?? value.trim().toLowerCase();
}

/**
 * The parameters that differ between `target` and `actual`: each name whose value the target
 * changes or sets (its value) or leaves out while the database holds one (null: RESET).
 */
export function storageParameterChanges(target: StorageParameters | undefined, actual: StorageParameters | undefined, scope: StorageParameterScope): Record<string, string | null> {
  const t = target ?? {};
  const a = actual ?? {};
  const changes: Record<string, string | null> = {};
  for (const name of [...new Set([...Object.keys(t), ...Object.keys(a)])].sort()) {
    const want = t[name];
    const have = a[name];
    if (want === undefined) changes[name] = null;
    else if (have === undefined || storageValueKey(name, want, scope) !== storageValueKey(name, have, scope)) changes[name] = want;
  }
  return changes;
}

/** What `actual` holds for each parameter `changes` names (null: not set): the prior values an alter reverses to. */
export function priorStorageParameters(changes: Readonly<Record<string, string | null>>, actual: StorageParameters | undefined): Record<string, string | null> {
  return Object.fromEntries(Object.keys(changes).map((name) => [name, actual?.[name] ?? null]));
}

/**
 * A stored value as a model or revision file writes it: a number where the parameter takes one,
 * a boolean where it is spelt `true` or `false`, else the text as stored ("off", "auto"), so
 * that it is written back as it was.
 */
export function storageParameterInput(name: string, value: string, scope: StorageParameterScope): StorageParameterValue {
  const kind = parametersOf(scope)?.[name.toLowerCase()];
  if (!kind || canonical(kind, value) === undefined) return value;
  if ((kind.type === "integer" || kind.type === "real") && String(Number(value)) === value.trim()) return Number(value);
  if (kind.type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}
