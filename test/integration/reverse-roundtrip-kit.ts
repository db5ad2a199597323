/**
 * Support for the reverse round-trip test: a fresh database for one dialect, seeded with a small
 * base schema through compiled operations, and a runner that applies operations the way the
 * migration runner applies one revision (lock, transaction where DDL is transactional, foreign
 * key verification after SQLite rebuilds).
 */
import { compileLive } from "../helpers/live-compile.js";
import { createTestDatabase, type TestDatabase, type TestDialect } from "../helpers/databases.js";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/registry.js";
import type { Operation } from "../../src/operations/types.js";
import type { ColumnSchema, ColumnType, DatabaseSchema, TableSchema } from "../../src/catalog/types.js";

/** A column with every optional field explicit. */
export function col(name: string, type: ColumnType, nullable: boolean, extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable, default: null, generated: null, comment: null, onUpdate: null, collation: null, ...extra };
}

/** A table in the default schema with no constraints unless given. */
export function table(name: string, parts: Partial<TableSchema>): TableSchema {
  return { schema: null, name, columns: [], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null, ...parts };
}

const int = { kind: "integer" } as const;
const varchar = (length: number): ColumnType => ({ kind: "varchar", length });

/** The base schema every case starts from and must return to; `comments` adds a table comment. */
function baseTables(comments: boolean): TableSchema[] {
  return [
    table("authors", {
      columns: [
        col("id", int, false),
        col("name", varchar(100), false),
        col("email", varchar(200), true),
        col("score", int, false, { default: { kind: "literal", value: 0 } }),
        // Last, so that dropColumn's reverse (which appends) puts it back where it was.
        col("nickname", varchar(30), true),
      ],
      primaryKey: { name: "pk_authors", columns: ["id"] },
      uniques: [{ name: "uq_authors_email", columns: ["email"] }],
      indexes: [{ name: "ix_authors_name", elements: [{ column: "name" }], unique: false, where: null, using: null }],
    }),
    table("books", {
      columns: [col("id", int, false), col("author_id", int, false), col("title", varchar(200), false), col("pages", int, true)],
      primaryKey: { name: "pk_books", columns: ["id"] },
      foreignKeys: [
        { name: "fk_books_author", columns: ["author_id"], referencedSchema: null, referencedTable: "authors", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: null, deferrable: false, initiallyDeferred: false },
      ],
      checks: [{ name: "ck_books_pages", expression: "pages > 0" }],
      indexes: [{ name: "ix_books_author", elements: [{ column: "author_id" }], unique: false, where: null, using: null }],
      comment: comments ? "all the books" : null,
    }),
    table("tags", {
      columns: [col("name", varchar(50), false), col("book_id", int, false)],
      indexes: [{ name: "ux_tags_name_book", elements: [{ column: "name" }, { column: "book_id" }], unique: true, where: null, using: null }],
    }),
    // Stays empty, so dropping it loses no rows; it has one of everything for dropTable's existing to carry.
    table("archive", {
      columns: [col("id", int, false), col("author_id", int, true), col("kind", varchar(10), false, { default: { kind: "literal", value: "old" } }), col("note", { kind: "text" }, true)],
      primaryKey: { name: "pk_archive", columns: ["id"] },
      foreignKeys: [
        { name: "fk_archive_author", columns: ["author_id"], referencedSchema: null, referencedTable: "authors", referencedColumns: ["id"], onDelete: "SET NULL", onUpdate: null, deferrable: false, initiallyDeferred: false },
      ],
      uniques: [{ name: "uq_archive_author_kind", columns: ["author_id", "kind"] }],
      checks: [{ name: "ck_archive_kind", expression: "kind <> ''" }],
      indexes: [{ name: "ix_archive_kind", elements: [{ column: "kind" }], unique: false, where: null, using: null }],
      comment: comments ? "old things" : null,
    }),
  ];
}

/** The rows the base tables hold; every case must leave them exactly as they are. */
export const SEED_ROWS: Record<string, { orderBy: string; rows: Record<string, unknown>[] }> = {
  authors: {
    orderBy: "id",
    rows: [
      { id: 1, name: "Ada", email: "ada@example.com", score: 3, nickname: null },
      { id: 2, name: "Brian", email: "brian@example.com", score: 0, nickname: null },
      { id: 3, name: "Cleo", email: "cleo@example.com", score: 7, nickname: null },
    ],
  },
  books: {
    orderBy: "id",
    rows: [
      { id: 1, author_id: 1, title: "Engines", pages: 120 },
      { id: 2, author_id: 1, title: "Notes", pages: null },
      { id: 3, author_id: 2, title: "C", pages: 274 },
      { id: 4, author_id: 3, title: "History", pages: 88 },
    ],
  },
  tags: {
    orderBy: "name",
    rows: [
      { name: "lang", book_id: 3 },
      { name: "tech", book_id: 1 },
    ],
  },
};

/** A seeded database for one dialect. */
export interface RoundTripKit {
  dialect: Dialect;
  conn: Connection;
  /** Compiles and runs the operations as one revision; rolls back (where it can) and throws on failure. */
  apply(ops: Operation[]): Promise<void>;
  /** The live schema as reflected: what an autogenerated operation's existing* fields come from. */
  reflectRaw(): Promise<DatabaseSchema>;
  /** The live schema, normalised the way compare sees it. */
  reflect(): Promise<DatabaseSchema>;
  /** The seed tables' rows, ordered. */
  seedRows(): Promise<Record<string, Record<string, unknown>[]>>;
  close(): Promise<void>;
}

/** Creates a fresh database for `name` and seeds the base schema and rows through compiled operations. */
export async function openRoundTripKit(name: TestDialect): Promise<RoundTripKit> {
  const dialect = await loadDialect(name);
  const db: TestDatabase = await createTestDatabase(name);
  const conn = await dialect.connect(parseDatabaseUrl(db.url));
  const q = (id: string): string => dialect.quoteIdentifier(id);

  const kit: RoundTripKit = {
    dialect,
    conn,
    async apply(ops) {
      // The lock is what turns SQLite's foreign keys off, so a rebuild's DROP TABLE cannot cascade.
      const lock = await dialect.acquireLock(conn, "athanor-reverse-roundtrip", 10_000);
      const transactional = dialect.capabilities.transactionalDdl;
      try {
        if (transactional) await conn.begin();
        try {
          for (const op of ops) {
            for (const statement of await compileLive(dialect, conn, op)) {
              // As the runner does: a statement that cannot run in a transaction runs between two.
              const outside = statement.transactional === false && conn.inTransaction;
              if (outside) await conn.commit();
              await conn.query(statement.sql, statement.params);
              if (outside) await conn.begin();
              if (statement.checkForeignKeys) await dialect.verifyRevision?.(conn);
            }
          }
          await dialect.verifyRevision?.(conn);
          if (transactional) await conn.commit();
        } catch (error) {
          if (transactional) await conn.rollback();
          throw error;
        }
      } finally {
        await lock.release();
      }
    },
    reflectRaw: () => dialect.reflect(conn),
    reflect: async () => dialect.normalizeSchema(await dialect.reflect(conn)),
    async seedRows() {
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const [tableName, seed] of Object.entries(SEED_ROWS)) {
        out[tableName] = await conn.query(`SELECT * FROM ${q(tableName)} ORDER BY ${q(seed.orderBy)}`);
      }
      return out;
    },
    async close() {
      try {
        await conn.close();
      } finally {
        await db.drop();
      }
    },
  };

  const seed: Operation[] = baseTables(dialect.capabilities.comments).map((t) => ({ kind: "createTable", table: t }));
  if (dialect.capabilities.namedEnums) seed.push({ kind: "createEnum", enum: { schema: null, name: "genre", values: ["fiction", "scifi"] } });
  for (const [tableName, { rows }] of Object.entries(SEED_ROWS)) seed.push({ kind: "bulkInsert", table: tableName, rows });
  await kit.apply(seed);
  return kit;
}

/** The table `name` of a schema, or undefined. */
export function findTable(schema: DatabaseSchema, name: string): TableSchema | undefined {
  return schema.tables.find((t) => t.name === name);
}

/** The column `table`.`column` of a schema; throws when it is missing (the case is built wrong). */
export function findColumn(schema: DatabaseSchema, tableName: string, column: string): ColumnSchema {
  const found = findTable(schema, tableName)?.columns.find((c) => c.name === column);
  if (!found) throw new Error(`column ${tableName}.${column} is not in the schema`);
  return found;
}
