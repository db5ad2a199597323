/**
 * Keys, indexes, foreign keys and checks from their catalog rows.
 *
 * Normalisations (so a table created by compile reflects back as written):
 * - The primary key is always named PRIMARY in MySQL and cannot be renamed: its name is null.
 * - A unique index on plain columns is a unique constraint (MySQL has no other kind); unique
 *   indexes with prefix lengths, DESC or a method are reported as unique indexes.
 * - The index MySQL adds for a foreign key (same name and columns as the key) is not reported as
 *   an index; it is returned apart, so that dropping the key can drop it too (foreign-key-index.ts).
 * - A referential rule is reported as the server holds it, except the rule the server reports
 *   when none was given, which is null: MariaDB reports RESTRICT for it (an explicit NO ACTION is
 *   kept, so pull writes it back), MySQL NO ACTION (there RESTRICT and NO ACTION, which InnoDB
 *   treats alike, are both null, because MySQL's normalisation cannot tell the server apart).
 * - BTREE is the default method and reads as `using: null`.
 */
import { commentField, type CheckSchema, type ForeignKeySchema, type IndexElement, type IndexSchema, type PrimaryKeySchema, type ReferentialAction, type UniqueSchema } from "../../catalog/types.js";
import { stripOuterParens } from "./reflect-columns.js";
import type { ServerFlavour } from "./server-info.js";

/** A STATISTICS row as the query aliases it. */
export interface IndexRow {
  table_schema: string;
  table_name: string;
  index_name: string;
  non_unique: number | string;
  seq_in_index: number;
  column_name: string | null;
  collation: string | null;
  sub_part: number | string | null;
  index_type: string;
  expression: string | null;
  /** INDEX_COMMENT: '' for none. */
  index_comment?: string | null;
}

/** A KEY_COLUMN_USAGE ⨝ REFERENTIAL_CONSTRAINTS row. */
export interface ForeignKeyRow {
  table_schema: string;
  table_name: string;
  constraint_name: string;
  column_name: string;
  ordinal_position: number;
  referenced_schema: string;
  referenced_table: string;
  referenced_column: string;
  update_rule: string;
  delete_rule: string;
}

/** A check constraint row. */
export interface CheckRow {
  table_schema: string;
  table_name: string;
  constraint_name: string;
  check_clause: string;
  /** MariaDB: "Column" for a check written in its column's definition (named after the column), else "Table". */
  level?: string | null;
}

/** Groups rows by a key, keeping first-seen order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Orders by name in code-unit order, which is stable across locales. */
export function byName<T extends { name?: string | null }>(a: T, b: T): number {
  const x = a.name ?? "";
  const y = b.name ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

function rule(text: string, flavour: ServerFlavour): ReferentialAction | null {
  const upper = text.toUpperCase();
  if (upper === "RESTRICT") return null;
  if (upper === "NO ACTION") return flavour === "mariadb" ? "NO ACTION" : null;
  return upper as ReferentialAction;
}

/** The foreign keys of one table from its rows (any order). `tableSchema` is the table's database. */
export function foreignKeysOf(rows: ForeignKeyRow[], tableSchema: string, flavour: ServerFlavour): ForeignKeySchema[] {
  const fks: ForeignKeySchema[] = [];
  for (const [name, group] of groupBy(rows, (r) => r.constraint_name)) {
    const ordered = [...group].sort((a, b) => Number(a.ordinal_position) - Number(b.ordinal_position));
    const first = ordered[0];
    if (!first) continue;
    fks.push({
      name,
      columns: ordered.map((r) => r.column_name),
      referencedSchema: first.referenced_schema === tableSchema ? null : first.referenced_schema,
      referencedTable: first.referenced_table,
      referencedColumns: ordered.map((r) => r.referenced_column),
      onDelete: rule(first.delete_rule, flavour),
      onUpdate: rule(first.update_rule, flavour),
    });
  }
  return fks.sort(byName);
}

function methodOf(indexType: string): string | null {
  const t = indexType.toUpperCase();
  return t === "BTREE" ? null : t.toLowerCase();
}

function elementOf(row: IndexRow): IndexElement {
  const descending = row.collation === "D" ? { descending: true } : {};
  if (row.column_name === null) return { expression: stripOuterParens(row.expression ?? ""), ...descending };
  // A SPATIAL key part always reports SUB_PART 32 (the size of its bounding box), while DDL
  // refuses any length on it: that number is no prefix anyone wrote.
  const spatial = row.index_type.toUpperCase() === "SPATIAL";
  const length = row.sub_part === null || spatial ? {} : { length: Number(row.sub_part) };
  return { column: row.column_name, ...length, ...descending };
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** What a table's STATISTICS rows hold. */
export interface TableIndexes {
  primaryKey: PrimaryKeySchema | null;
  uniques: UniqueSchema[];
  indexes: IndexSchema[];
  /** The indexes left out because they are a foreign key's own: key name → columns (see foreign-key-index.ts). */
  foreignKeyIndexes: Map<string, string[]>;
}

/** Primary key, unique constraints and indexes of one table from its STATISTICS rows. */
export function indexesOf(rows: IndexRow[], fks: ForeignKeySchema[]): TableIndexes {
  let primaryKey: PrimaryKeySchema | null = null;
  const uniques: UniqueSchema[] = [];
  const indexes: IndexSchema[] = [];
  const foreignKeyIndexes = new Map<string, string[]>();
  for (const [name, group] of groupBy(rows, (r) => r.index_name)) {
    const ordered = [...group].sort((a, b) => Number(a.seq_in_index) - Number(b.seq_in_index));
    const elements = ordered.map(elementOf);
    const plain = elements.every((e) => "column" in e && e.length === undefined && !e.descending);
    const columns = elements.flatMap((e) => ("column" in e ? [e.column] : []));
    if (name === "PRIMARY") {
      primaryKey = { name: null, columns };
      continue;
    }
    const unique = Number(ordered[0]?.non_unique) === 0;
    const using = methodOf(ordered[0]?.index_type ?? "BTREE");
    // A commented index is the model's index(…, { comment }), never a foreign key's own or a unique constraint (which hold none).
    const comment = ordered[0]?.index_comment || null;
    if (!comment && !unique && plain && fks.some((fk) => fk.name === name && sameColumns(fk.columns, columns))) {
      foreignKeyIndexes.set(name, columns);
      continue;
    }
    if (!comment && unique && plain && using === null) uniques.push({ name, columns });
    else indexes.push({ name, elements, unique, where: null, using, ...commentField(comment) });
  }
  return { primaryKey, uniques: uniques.sort(byName), indexes: indexes.sort(byName), foreignKeyIndexes };
}

/** Check constraints with one pair of wrapping parentheses removed (MySQL 8 adds them). */
export function checksOf(rows: CheckRow[]): CheckSchema[] {
  return rows
    .map((r): CheckSchema => ({ name: r.constraint_name, expression: stripOuterParens(r.check_clause), ...(r.level === "Column" ? { column: r.constraint_name } : {}) }))
    .sort(byName);
}
