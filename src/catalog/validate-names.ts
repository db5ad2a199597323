/**
 * Rules for constraint and index names. Databases scope them differently: PostgreSQL names
 * indexes (and the indexes behind primary keys and unique constraints) per schema, MySQL names
 * indexes per table but foreign keys per database, SQLite names indexes per database and keeps
 * constraint names inside the table. The neutral model therefore demands only what all of them
 * demand, uniqueness within one table; the wider rule of the dialect in use is checked separately
 * (validateSchemaWideNames, driven by DialectCapabilities.schemaWideNames) before anything runs.
 */
import type { NamedObjectKind } from "./types.js";
import { MigrateError } from "../errors.js";
import { tableLabel, type DatabaseSchema, type TableSchema } from "./types.js";

/** One explicitly named constraint or index of a table. */
export interface NamedObject {
  kind: NamedObjectKind;
  name: string;
}

const KIND_LABELS: Record<NamedObjectKind, string> = {
  primaryKey: "primary key",
  unique: "unique constraint",
  foreignKey: "foreign key",
  check: "check constraint",
  exclusion: "exclusion constraint",
  index: "index",
};

/** Kinds stored as indexes of the table (one namespace), and kinds stored as table constraints (another). */
const INDEX_LIKE: ReadonlySet<NamedObjectKind> = new Set(["primaryKey", "unique", "exclusion", "index"]);
const CONSTRAINT_LIKE: ReadonlySet<NamedObjectKind> = new Set(["primaryKey", "unique", "foreignKey", "check", "exclusion"]);

/** The named constraints and indexes of a table (unnamed ones are left out). */
export function namedObjects(table: TableSchema): NamedObject[] {
  const out: NamedObject[] = [];
  const add = (kind: NamedObjectKind, name: string | null | undefined): void => {
    if (typeof name === "string" && name !== "") out.push({ kind, name });
  };
  add("primaryKey", table.primaryKey?.name);
  for (const u of table.uniques) add("unique", u.name);
  for (const fk of table.foreignKeys) add("foreignKey", fk.name);
  for (const ck of table.checks) add("check", ck.name);
  for (const x of table.exclusions ?? []) add("exclusion", x.name);
  for (const ix of table.indexes) add("index", ix.name);
  return out;
}

function clash(a: NamedObjectKind, b: NamedObjectKind): boolean {
  return (INDEX_LIKE.has(a) && INDEX_LIKE.has(b)) || (CONSTRAINT_LIKE.has(a) && CONSTRAINT_LIKE.has(b));
}

/**
 * The first two constraints or indexes of one table that may not share their name, or undefined.
 * An index may share its name with a foreign key or check (MySQL names the index it adds for a
 * foreign key after the key), but not with another index, primary key or unique constraint.
 */
export function tableNameClash(table: TableSchema): [NamedObject, NamedObject] | undefined {
  const seen: NamedObject[] = [];
  for (const object of namedObjects(table)) {
    const other = seen.find((s) => s.name === object.name && clash(s.kind, object.kind));
    if (other) return [other, object];
    seen.push(object);
  }
  return undefined;
}

/** Describes a clash found by tableNameClash, for messages. */
function describeNameClash(table: TableSchema, [first, second]: [NamedObject, NamedObject]): string {
  const a = (kind: NamedObjectKind): string => `${kind === "index" ? "an" : "a"} ${KIND_LABELS[kind]}`;
  return `The constraint or index name "${first.name}" is used twice in table ${tableLabel(table)}: by ${a(first.kind)} and by ${a(second.kind)}.`;
}

/** Throws MigrateError("model") when two constraints or indexes of one table share a name (see tableNameClash). */
export function validateTableNames(table: TableSchema): void {
  const found = tableNameClash(table);
  if (found) throw new MigrateError("model", describeNameClash(table, found), { hint: "Names must be unique within a table; rename one of them." });
}

/**
 * Throws MigrateError("model") when a name of one of `kinds` is used by two tables of the same
 * schema, naming both tables. `dialectLabel` says whose rule it is ("PostgreSQL", …).
 */
export function validateSchemaWideNames(schema: DatabaseSchema, kinds: readonly NamedObjectKind[], dialectLabel: string): void {
  if (kinds.length === 0) return;
  const scoped = new Set(kinds);
  const owners = new Map<string, { table: string; kind: NamedObjectKind }>();
  for (const table of schema.tables) {
    const label = tableLabel(table);
    for (const object of namedObjects(table)) {
      if (!scoped.has(object.kind)) continue;
      const key = `${table.schema ?? ""}\u0000${object.name}`;
      const owner = owners.get(key);
      if (owner && owner.table !== label) {
        const plural = [...new Set(kinds)].map((k) => (k === "index" ? "indexes" : `${KIND_LABELS[k]}s`));
        const what = plural.length > 1 ? `${plural.slice(0, -1).join(", ")} and ${plural[plural.length - 1]}` : plural[0];
        throw new MigrateError("model", `The name "${object.name}" is used by the ${KIND_LABELS[owner.kind]} of table ${owner.table} and by the ${KIND_LABELS[object.kind]} of table ${label}; on ${dialectLabel}, names of ${what} must be unique within a schema.`, {
          hint: `Rename one of them (e.g. prefix it with its table name: "${table.name}_${object.name}").`,
        });
      }
      if (!owner) owners.set(key, { table: label, kind: object.kind });
    }
  }
}
