/**
 * Table definitions and rows shared by the SQLite integration tests, written in the canonical
 * form reflection returns (every optional field present, null when absent), so that a table
 * created from them reflects back deep-equal.
 */
import type { ColumnSchema, ColumnType, ForeignKeySchema, IndexSchema, TableSchema } from "../../../src/catalog/types.js";

/** A column in canonical form. */
export function column(name: string, type: ColumnType, nullable: boolean, extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, type, nullable, default: null, generated: null, comment: null, onUpdate: null, collation: null, ...extra };
}

/** A foreign key in canonical form. */
export function foreignKey(fk: Pick<ForeignKeySchema, "name" | "columns" | "referencedTable" | "referencedColumns"> & Partial<ForeignKeySchema>): ForeignKeySchema {
  return { referencedSchema: null, onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false, ...fk };
}

/** An index in canonical form. */
export function index(name: string, elements: IndexSchema["elements"], extra: Partial<IndexSchema> = {}): IndexSchema {
  return { name, elements, unique: false, where: null, using: null, ...extra };
}

/** A table in canonical form. */
export function table(name: string, parts: Partial<TableSchema>): TableSchema {
  return { schema: null, name, columns: [], primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], comment: null, ...parts };
}

/** authors: autoincrement key and a unique email. */
export const authors = table("authors", {
  columns: [
    column("id", { kind: "integer" }, false, { generated: { kind: "autoincrement" } }),
    column("name", { kind: "varchar", length: 100 }, false),
    column("email", { kind: "text" }, true),
  ],
  primaryKey: { name: "pk_authors", columns: ["id"] },
  uniques: [{ name: "uq_authors_email", columns: ["email"] }],
});

/** posts: child of authors with ON DELETE CASCADE, a check, a default and an index. */
export const posts = table("posts", {
  columns: [
    column("id", { kind: "integer" }, false),
    column("author_id", { kind: "integer" }, false),
    column("title", { kind: "varchar", length: 200 }, false),
    column("body", { kind: "text" }, true),
    column("views", { kind: "integer" }, false, { default: { kind: "literal", value: 0 } }),
  ],
  primaryKey: { name: "pk_posts", columns: ["id"] },
  foreignKeys: [foreignKey({ name: "fk_posts_author", columns: ["author_id"], referencedTable: "authors", referencedColumns: ["id"], onDelete: "CASCADE" })],
  checks: [{ name: "ck_posts_title", expression: 'length("title") > 0' }],
  indexes: [index("ix_posts_author", [{ column: "author_id" }])],
});

/** tags: no primary key at all. */
export const tags = table("tags", {
  columns: [column("name", { kind: "text" }, false), column("post_id", { kind: "integer" }, true)],
});

/** Rows for the three tables. */
export const rows = {
  authors: [
    { id: 1, name: "Ada", email: "ada@example.com" },
    { id: 2, name: "Brian", email: "brian@example.com" },
    { id: 3, name: "Cleo", email: null },
  ],
  posts: [
    { id: 1, author_id: 1, title: "Engines", body: "On engines", views: 10 },
    { id: 2, author_id: 1, title: "Notes", body: null, views: 0 },
    { id: 3, author_id: 2, title: "C", body: "pointers", views: 7 },
    { id: 4, author_id: 3, title: "Cleopatra", body: "history", views: 99 },
  ],
  tags: [
    { name: "lang", post_id: 3 },
    { name: "tech", post_id: 1 },
  ],
};
