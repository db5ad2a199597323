/**
 * Every operation and its reverse against live databases: for each dialect, each case reflects,
 * runs one operation, checks that the schema changed where expected, runs reverseOperation() of
 * it, and checks that the schema is back to exactly what it was and the seed rows are untouched.
 * The inverse is never written by hand: it is what reverse() makes of the operation, and the
 * existing* fields come from reflection, the way autogenerate fills them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_DIALECTS, serverAvailable } from "../helpers/databases.js";
import type { DialectCapabilities } from "../../src/dialects/dialect.js";
import type { DialectName } from "../../src/core/dialect-name.js";
import { loadDialect } from "../../src/dialects/registry.js";
import { reverseOperation } from "../../src/operations/reverse.js";
import type { ExistingConstraint, Operation } from "../../src/operations/types.js";
import type { ColumnSchema, DatabaseSchema, IndexSchema } from "../../src/catalog/types.js";
import { SEED_ROWS, col, findColumn, findTable, openRoundTripKit, table, type RoundTripKit } from "./reverse-roundtrip-kit.js";

/** The capability flags a case can depend on. */
type Flag = { [K in keyof DialectCapabilities]-?: DialectCapabilities[K] extends boolean ? K : never }[keyof DialectCapabilities];

interface Case {
  name: string;
  /** Dialects whose compile is known to get this case wrong, with the bug; the case is expected to fail there. */
  bugs?: Partial<Record<DialectName, string>>;
  /** Left out where the dialect lacks this capability (it would raise UnsupportedOperationError). */
  needs?: Flag;
  /** The operation, built from the live (raw reflected) schema. */
  op(live: DatabaseSchema): Operation;
  /** The part of the schema the operation must change. */
  changes(schema: DatabaseSchema): unknown;
}

/** An alterColumn's existing* fields, read from the live column. */
function existing(column: ColumnSchema) {
  return {
    existingType: column.type,
    existingNullable: column.nullable,
    existingDefault: column.default ?? null,
    existingComment: column.comment ?? null,
    existingGenerated: column.generated ?? null,
  };
}

/** The live index `name` on `tableName`; MySQL reflects a unique index as a unique constraint, so it is read from there too. */
function liveIndex(live: DatabaseSchema, tableName: string, name: string): IndexSchema {
  const t = findTable(live, tableName)!;
  const unique = t.uniques.find((u) => u.name === name);
  const found = t.indexes.find((i) => i.name === name) ?? (unique && { name, elements: unique.columns.map((column) => ({ column })), unique: true, where: null, using: null });
  if (!found) throw new Error(`index ${name} is not on ${tableName}`);
  return found;
}

/** A dropConstraint of `name` on `tableName`, with the live constraint as `existing`. */
function dropConstraint(live: DatabaseSchema, tableName: string, type: ExistingConstraint["type"], name: string): Operation {
  const t = findTable(live, tableName)!;
  const found =
    type === "primaryKey" ? t.primaryKey : type === "foreignKey" ? t.foreignKeys.find((c) => c.name === name) : type === "unique" ? t.uniques.find((c) => c.name === name) : t.checks.find((c) => c.name === name);
  if (!found) throw new Error(`${type} ${name} is not on ${tableName}`);
  return { kind: "dropConstraint", table: tableName, name, type, existing: { type, constraint: found } as ExistingConstraint };
}

const columnsOf = (tableName: string) => (s: DatabaseSchema) => findTable(s, tableName)?.columns;
const columnOf = (tableName: string, column: string) => (s: DatabaseSchema) => findTable(s, tableName)?.columns.find((c) => c.name === column);
const partOf = <K extends "primaryKey" | "foreignKeys" | "uniques" | "checks" | "indexes" | "comment">(tableName: string, part: K) => (s: DatabaseSchema) => findTable(s, tableName)?.[part];
// MySQL stores a unique constraint as a unique index, and reflects both as `uniques`.
const keysOf = (tableName: string) => (s: DatabaseSchema) => ({ indexes: findTable(s, tableName)?.indexes, uniques: findTable(s, tableName)?.uniques });
const tableNames = (s: DatabaseSchema) => s.tables.map((t) => t.name);

const CASES: Case[] = [
  {
    name: "createTable with a key, foreign key and index",
    op: () => ({
      kind: "createTable",
      table: table("extra", {
        columns: [col("id", { kind: "integer" }, false), col("author_id", { kind: "integer" }, true), col("label", { kind: "varchar", length: 20 }, false, { default: { kind: "literal", value: "x" } })],
        primaryKey: { name: "pk_extra", columns: ["id"] },
        foreignKeys: [{ name: "fk_extra_author", columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"], onDelete: "SET NULL" }],
        indexes: [{ name: "ix_extra_label", elements: [{ column: "label" }], unique: false }],
      }),
    }),
    changes: tableNames,
  },
  { name: "dropTable (with keys, checks, index, comment) with existing", op: (live) => ({ kind: "dropTable", table: "archive", existing: findTable(live, "archive") }), changes: tableNames },
  { name: "renameTable of a referenced table", op: () => ({ kind: "renameTable", from: "authors", to: "writers" }), changes: tableNames },
  {
    name: "addColumn not null with a default",
    op: () => ({ kind: "addColumn", table: "authors", column: col("rating", { kind: "integer" }, false, { default: { kind: "literal", value: 5 } }) }),
    changes: columnsOf("authors"),
  },
  { name: "dropColumn with existing", op: (live) => ({ kind: "dropColumn", table: "authors", column: "nickname", existing: findColumn(live, "authors", "nickname") }), changes: columnsOf("authors") },
  {
    name: "alterColumn: widen the type",
    op: (live) => ({ kind: "alterColumn", table: "authors", column: "name", type: { kind: "varchar", length: 250 }, ...existing(findColumn(live, "authors", "name")) }),
    changes: columnOf("authors", "name"),
  },
  {
    name: "alterColumn: make not null",
    op: (live) => ({ kind: "alterColumn", table: "authors", column: "email", nullable: false, ...existing(findColumn(live, "authors", "email")) }),
    changes: columnOf("authors", "email"),
  },
  {
    name: "alterColumn: change the default",
    op: (live) => ({ kind: "alterColumn", table: "authors", column: "score", default: { kind: "literal", value: 10 }, ...existing(findColumn(live, "authors", "score")) }),
    changes: columnOf("authors", "score"),
  },
  {
    name: "alterColumn: drop the default",
    op: (live) => ({ kind: "alterColumn", table: "authors", column: "score", default: null, ...existing(findColumn(live, "authors", "score")) }),
    changes: columnOf("authors", "score"),
  },
  {
    name: "alterColumn: column comment",
    needs: "comments",
    op: (live) => ({ kind: "alterColumn", table: "authors", column: "name", comment: "as printed", ...existing(findColumn(live, "authors", "name")) }),
    changes: columnOf("authors", "name"),
  },
  {
    name: "alterColumn: rename",
    op: (live) => ({ kind: "alterColumn", table: "books", column: "title", newName: "headline", ...existing(findColumn(live, "books", "title")) }),
    changes: columnsOf("books"),
  },
  {
    name: "alterColumn: rename and widen together",
    op: (live) => ({ kind: "alterColumn", table: "books", column: "title", newName: "headline", type: { kind: "varchar", length: 250 }, ...existing(findColumn(live, "books", "title")) }),
    changes: columnsOf("books"),
  },
  {
    name: "createIndex: unique composite, if not exists",
    op: () => ({ kind: "createIndex", table: "books", ifNotExists: true, index: { name: "ux_books_author_title", elements: [{ column: "author_id" }, { column: "title" }], unique: true } }),
    changes: keysOf("books"),
  },
  {
    name: "createIndex: partial",
    needs: "partialIndexes",
    op: () => ({ kind: "createIndex", table: "books", index: { name: "ix_books_long", elements: [{ column: "pages" }], unique: false, where: "pages > 100" } }),
    changes: keysOf("books"),
  },
  {
    name: "createIndex: concurrently",
    needs: "concurrentIndex",
    op: () => ({ kind: "createIndex", table: "authors", concurrently: true, index: { name: "ix_authors_score", elements: [{ column: "score" }], unique: false } }),
    changes: keysOf("authors"),
  },
  { name: "dropIndex with existing", op: (live) => ({ kind: "dropIndex", table: "authors", name: "ix_authors_name", existing: liveIndex(live, "authors", "ix_authors_name") }), changes: keysOf("authors") },
  { name: "dropIndex (unique, composite) with existing", op: (live) => ({ kind: "dropIndex", table: "tags", name: "ux_tags_name_book", existing: liveIndex(live, "tags", "ux_tags_name_book") }), changes: keysOf("tags") },
  { name: "createPrimaryKey on a table without one", op: () => ({ kind: "createPrimaryKey", table: "tags", constraint: { name: "pk_tags", columns: ["name", "book_id"] } }), changes: partOf("tags", "primaryKey") },
  {
    name: "createForeignKey with onDelete",
    op: () => ({ kind: "createForeignKey", table: "tags", constraint: { name: "fk_tags_book", columns: ["book_id"], referencedTable: "books", referencedColumns: ["id"], onDelete: "CASCADE" } }),
    changes: partOf("tags", "foreignKeys"),
  },
  { name: "createUniqueConstraint", op: () => ({ kind: "createUniqueConstraint", table: "authors", constraint: { name: "uq_authors_name_email", columns: ["name", "email"] } }), changes: partOf("authors", "uniques") },
  { name: "createCheckConstraint", op: () => ({ kind: "createCheckConstraint", table: "authors", constraint: { name: "ck_authors_score", expression: "score >= 0" } }), changes: partOf("authors", "checks") },
  { name: "dropConstraint primaryKey with existing", op: (live) => dropConstraint(live, "books", "primaryKey", findTable(live, "books")!.primaryKey!.name!), changes: partOf("books", "primaryKey") },
  { name: "dropConstraint foreignKey with existing", op: (live) => dropConstraint(live, "books", "foreignKey", "fk_books_author"), changes: partOf("books", "foreignKeys") },
  { name: "dropConstraint unique with existing", op: (live) => dropConstraint(live, "authors", "unique", "uq_authors_email"), changes: partOf("authors", "uniques") },
  { name: "dropConstraint check with existing", op: (live) => dropConstraint(live, "books", "check", "ck_books_pages"), changes: partOf("books", "checks") },
  { name: "createTableComment where there was none", needs: "comments", op: () => ({ kind: "createTableComment", table: "authors", comment: "people who write", existingComment: null }), changes: partOf("authors", "comment") },
  { name: "createTableComment replacing one", needs: "comments", op: () => ({ kind: "createTableComment", table: "books", comment: "every book", existingComment: "all the books" }), changes: partOf("books", "comment") },
  { name: "dropTableComment with existing", needs: "comments", op: () => ({ kind: "dropTableComment", table: "books", existingComment: "all the books" }), changes: partOf("books", "comment") },
  { name: "createEnum", needs: "namedEnums", op: () => ({ kind: "createEnum", enum: { schema: null, name: "mood", values: ["sad", "ok"] } }), changes: (s) => s.enums },
  { name: "dropEnum with existing", needs: "namedEnums", op: (live) => ({ kind: "dropEnum", name: "genre", existing: live.enums.find((e) => e.name === "genre") }), changes: (s) => s.enums },
  { name: "renameEnumValue", needs: "namedEnums", op: () => ({ kind: "renameEnumValue", name: "genre", from: "scifi", to: "science_fiction" }), changes: (s) => s.enums },
  { name: "execute with a reverse", op: () => ({ kind: "execute", sql: "CREATE TABLE raw_scratch (x integer)", reverse: "DROP TABLE raw_scratch" }), changes: tableNames },
  {
    name: "batchAlterTable with several inner operations",
    op: (live) => ({
      kind: "batchAlterTable",
      table: "books",
      operations: [
        { kind: "addColumn", table: "books", column: col("isbn", { kind: "varchar", length: 20 }, true) },
        { kind: "createIndex", table: "books", index: { name: "ix_books_isbn", elements: [{ column: "isbn" }], unique: false } },
        { kind: "alterColumn", table: "books", column: "title", type: { kind: "varchar", length: 300 }, ...existing(findColumn(live, "books", "title")) },
        dropConstraint(live, "books", "check", "ck_books_pages") as Extract<Operation, { kind: "dropConstraint" }>,
      ],
    }),
    changes: (s) => findTable(s, "books"),
  },
];

/** The rows every case must leave in place, as the seed tables' rows are read back. */
const SEEDED = Object.fromEntries(Object.entries(SEED_ROWS).map(([t, seed]) => [t, seed.rows]));

const targets = await Promise.all(
  ALL_DIALECTS.map(async (name) => {
    const capabilities = (await loadDialect(name)).capabilities;
    return { name, available: await serverAvailable(name), cases: CASES.filter((c) => !c.needs || capabilities[c.needs]) };
  }),
);

describe.each(targets)("$name: each operation, then its reverse", ({ name, available, cases }) => {
  let kit: RoundTripKit | undefined;
  beforeAll(async () => {
    if (available) kit = await openRoundTripKit(name);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it.skipIf(!available)("starts from the seed rows", async () => {
    expect(await kit!.seedRows()).toEqual(SEEDED);
  });

  for (const c of cases) {
    const test = it.skipIf(!available);
    // A dialect compile bug (see Case.bugs): the case runs and must still fail there.
    (c.bugs?.[name] ? test.fails : test)(c.name, async () => {
      try {
        await roundTrip(kit!, c);
      } catch (error) {
        // The case may have left the schema changed: later cases start again from a fresh database.
        await kit!.close();
        kit = await openRoundTripKit(name);
        throw error;
      }
    });
  }
});

/** One case: the operation, a check that it changed the schema, its reverse, a check that nothing is left of it. */
async function roundTrip(kit: RoundTripKit, c: Case): Promise<void> {
  const before = await kit.reflect();
  const op = c.op(await kit.reflectRaw());
  await kit.apply([op]);
  const after = await kit.reflect();
  expect(after).not.toEqual(before);
  expect(c.changes(after)).not.toEqual(c.changes(before));

  await kit.apply(reverseOperation(op));
  expect(await kit.reflect()).toEqual(before);
  expect(await kit.seedRows()).toEqual(SEEDED);
}
