/**
 * What MySQL and MariaDB really store, applied to the model and to reflection alike (reflection
 * already reads most of it this way; see reflect-columns.ts and reflect-constraints.ts):
 *
 * - types as compile writes them and reflection reads them back: varchar without a length is
 *   varchar(255), char and binary without one are (1), numeric is decimal(10,0) unless given,
 *   jsonb is json, uuid is char(36), a zero time precision is none, `tinyint(1)` is boolean,
 *   integer display widths the server prints by default are dropped (others are kept); text sizes are kept;
 * - enums are inline column types: there are no enum types (`enums` becomes empty) and enum
 *   columns compare by their values, the type's name being irrelevant;
 * - identity is AUTO_INCREMENT; defaults typed like their column (1/0 on booleans), the
 *   CURRENT_TIMESTAMP family (`now()`, `current_timestamp()`) in one spelling, in ON UPDATE too;
 * - keys carry no `inline` flag (MySQL keeps no record of where a key was declared);
 * - the primary key has no name (it is always PRIMARY) and its columns are NOT NULL (MariaDB makes
 *   them so even when declared nullable); RESTRICT (the rule MariaDB holds when none is given)
 *   is null, an explicit NO ACTION is kept (MariaDB prints it back);
 * - a unique index on plain columns (B-tree, or HASH: MariaDB's long unique keys, which InnoDB
 *   otherwise builds as B-trees) is a unique constraint (MySQL has no other kind); the index
 *   MySQL adds for a foreign key (its name and columns) is not reported; BTREE is null;
 * - a table's collation in one spelling (utf8 is utf8mb3), engine names without case;
 * - there are no partial indexes: a non-unique index loses its WHERE (an index on every row
 *   serves the same queries), while a unique one keeps it, so that compile refuses it instead of
 *   silently enforcing uniqueness on rows the model exempts.
 *
 * CHECK texts (MariaDB's backticks, MySQL 8's added parentheses and `_utf8mb4'…'` introducers)
 * are reconciled by the compare engine's expression key.
 */
import { refuseSchemaComments } from "./comment-refusals.js";
import type { ColumnSchema, ColumnType, DatabaseSchema, IndexSchema, TableSchema, UniqueSchema } from "../../catalog/types.js";
import { canonicalColumnFields, canonicalForeignKey, keyColumnsNotNull, literalSqlDefault, mapTables, withoutFields, withoutLayout } from "../../catalog/normalize-helpers.js";
import { parseStringLiteral } from "./literals.js";
import { canonicalExpression, normaliseCollation } from "./reflect-columns.js";
import { DEFAULT_VARCHAR_LENGTH, isDefaultDisplayWidth } from "./types.js";

const DISPLAY_WIDTH = /^(tinyint|smallint|mediumint|int|integer|bigint|year)\s*\(\s*(\d+)\s*\)/i;

function mysqlType(type: ColumnType): ColumnType {
  switch (type.kind) {
    case "varchar":
      return { kind: "varchar", length: type.length ?? DEFAULT_VARCHAR_LENGTH };
    case "char":
      return { kind: "char", length: type.length ?? 1 };
    case "numeric":
      return withoutFields({ ...type, precision: type.precision ?? 10, scale: type.scale ?? 0 });
    case "jsonb":
      return { kind: "json" };
    case "uuid":
      return { kind: "char", length: 36 };
    case "time":
    case "timestamp":
      return withoutFields(type.precision === 0 ? { ...type, precision: undefined } : type);
    case "binary":
      return type.fixed ? { kind: "binary", length: type.length ?? 1, fixed: true } : withoutFields(type);
    case "raw": {
      const sql = type.sql.trim().toLowerCase().replace(/\s+/g, " ");
      if (sql === "tinyint(1)" || sql === "boolean" || sql === "bool") return { kind: "boolean" };
      // Only the width the server prints by default means nothing; int(2) is not int.
      const m = DISPLAY_WIDTH.exec(sql);
      const plainWidth = m && isDefaultDisplayWidth(m[1]!, Number(m[2]), /\b(unsigned|zerofill)\b/.test(sql));
      return { kind: "raw", sql: plainWidth ? sql.replace(DISPLAY_WIDTH, m[1]!.toLowerCase()) : sql };
    }
    default:
      return withoutFields(type);
  }
}

function mysqlColumn(column: ColumnSchema): ColumnSchema {
  const type = mysqlType(column.type);
  const generated = column.generated?.kind === "identity" ? { kind: "autoincrement" as const, ...(column.generated.sequence ? { sequence: column.generated.sequence } : {}) } : column.generated;
  const base = canonicalColumnFields({ ...column, type, generated });
  const fixed = base.default?.kind === "sql" ? { kind: "sql" as const, sql: canonicalExpression(base.default.sql) } : base.default;
  return {
    ...base,
    default: literalSqlDefault(fixed, type, parseStringLiteral),
    onUpdate: base.onUpdate ? canonicalExpression(base.onUpdate) : null,
    collation: base.collation ? normaliseCollation(base.collation) : null,
  };
}

const plainColumns = (index: IndexSchema): string[] | undefined =>
  index.elements.every((e) => "column" in e && e.length === undefined && !e.descending && !e.nulls && !e.collation && !e.opclass) ? index.elements.map((e) => ("column" in e ? e.column : "")) : undefined;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function mysqlTable(table: TableSchema): TableSchema {
  // MySQL keeps no record of where a key was declared (SHOW CREATE writes every key at table level).
  const foreignKeys = table.foreignKeys.map((fk) => canonicalForeignKey(withoutLayout(fk), ["RESTRICT"]));
  const uniques: UniqueSchema[] = table.uniques.map((u) => withoutLayout({ ...u }));
  const indexes: IndexSchema[] = [];
  for (const index of table.indexes) {
    if (index.name === "PRIMARY") continue;
    const using = index.using?.trim().toLowerCase() || null;
    const canonical: IndexSchema = { ...index, using: using === "btree" ? null : using, where: index.unique ? index.where?.trim() || null : null };
    const columns = plainColumns(canonical);
    // MariaDB keeps a unique key too long for a B-tree (a TEXT column) as a hash of the values
    // (USING HASH), and InnoDB builds USING HASH as a B-tree: either way, a unique constraint.
    // A commented index stays an index: its comment is the index's (a unique constraint holds none).
    if (columns && canonical.unique && (!canonical.using || canonical.using === "hash") && !canonical.where && !canonical.comment) {
      if (!uniques.some((u) => u.name === canonical.name)) uniques.push({ name: canonical.name, columns });
      continue;
    }
    if (columns && !canonical.unique && !canonical.comment && foreignKeys.some((fk) => fk.name === canonical.name && sameList(fk.columns, columns))) continue;
    indexes.push(canonical);
  }
  return {
    ...table,
    columns: keyColumnsNotNull(table.columns.map(mysqlColumn), table.primaryKey),
    primaryKey: table.primaryKey && table.primaryKey.columns.length > 0 ? { ...withoutLayout(table.primaryKey), name: null } : null,
    foreignKeys,
    uniques,
    indexes,
    comment: table.comment || null,
    collation: table.collation ? normaliseCollation(table.collation) : null,
    // Engine names are case-insensitive (InnoDB, innodb); the server prints its own spelling.
    engine: table.engine ? table.engine.toLowerCase() : null,
  };
}

/** The schema as MySQL/MariaDB stores it (see the module comment); pure, `schema` is not changed. */
export function normalizeMysqlSchema(schema: DatabaseSchema): DatabaseSchema {
  refuseSchemaComments(schema);
  const defaults = schema.tableDefaults ? { tableDefaults: { ...schema.tableDefaults, engine: schema.tableDefaults.engine?.toLowerCase() ?? null } } : {};
  return { tables: mapTables(schema, mysqlTable).tables, enums: [], ...defaults };
}
