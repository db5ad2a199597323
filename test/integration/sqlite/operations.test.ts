/**
 * Every operation SQLite can run, applied to a real database and then undone by its inverse
 * (written out explicitly): the reflected schema must show the change, the rows must survive,
 * and after the inverse both the schema and the rows must be exactly as before.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "../../../src/core/sql.js";
import type { Operation } from "../../../src/operations/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { authors, column, foreignKey, index, posts, rows, table, tags } from "./fixtures.js";
import { openHarness, type Harness } from "./harness.js";

let h: Harness;

async function schema(): Promise<DatabaseSchema> {
  return sqliteDialect.reflect(h.conn);
}

async function data(ignore: string[] = []): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const name of ["authors", "posts", "tags"]) {
    const present = await h.rows("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [name]);
    if (present.length === 0) continue;
    const list = await h.rows(`SELECT * FROM "${name}" ORDER BY 1, 2`);
    out[name] = list.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !ignore.includes(key))));
  }
  return out;
}

beforeEach(async () => {
  h = await openHarness();
  await h.run(
    { kind: "createTable", table: authors },
    { kind: "createTable", table: posts },
    { kind: "createTable", table: tags },
    { kind: "bulkInsert", table: "authors", rows: rows.authors },
    { kind: "bulkInsert", table: "posts", rows: rows.posts },
    { kind: "bulkInsert", table: "tags", rows: rows.tags },
  );
});

afterEach(async () => {
  await h.close();
});

it("creates the fixtures exactly as defined", async () => {
  expect(await schema()).toEqual({ tables: [authors, posts, tags], enums: [] });
  expect(await data()).toEqual(rows);
});

interface RoundTrip {
  name: string;
  forward: Operation[];
  inverse: Operation[];
  /** Checks after the forward operations. */
  check(): Promise<void>;
  /** Columns whose values the forward operation necessarily loses. */
  lossy?: string[];
}

const postsTable = async () => (await h.table("posts"))!;

const roundTrips: RoundTrip[] = [
  {
    name: "addColumn nullable (in place) / dropColumn",
    forward: [{ kind: "addColumn", table: "posts", column: column("subtitle", { kind: "text" }, true) }],
    inverse: [{ kind: "dropColumn", table: "posts", column: "subtitle" }],
    check: async () => expect((await postsTable()).columns.at(-1)).toEqual(column("subtitle", { kind: "text" }, true)),
  },
  {
    name: "addColumn NOT NULL DEFAULT CURRENT_TIMESTAMP (rebuild) / dropColumn",
    forward: [{ kind: "addColumn", table: "posts", column: column("published_at", { kind: "timestamp" }, false, { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" } }) }],
    inverse: [{ kind: "dropColumn", table: "posts", column: "published_at" }],
    check: async () => {
      expect((await postsTable()).columns.at(-1)?.default).toEqual({ kind: "sql", sql: "CURRENT_TIMESTAMP" });
      expect(await h.rows("SELECT count(*) AS n FROM posts WHERE published_at IS NOT NULL")).toEqual([{ n: 4 }]);
    },
  },
  {
    name: "addColumn enum with a default (in place, CHECK enforced) / dropColumn",
    forward: [{ kind: "addColumn", table: "posts", column: column("status", { kind: "enum", name: "post_status", values: ["draft", "live"] }, false, { default: { kind: "literal", value: "draft" } }) }],
    inverse: [{ kind: "dropColumn", table: "posts", column: "status" }],
    check: async () => {
      expect((await postsTable()).columns.at(-1)?.type).toEqual({ kind: "enum", name: "post_status", values: ["draft", "live"] });
      await expect(h.rows("UPDATE posts SET status = 'gone'")).rejects.toMatchObject({ message: /CHECK constraint failed/ });
    },
  },
  {
    name: "dropColumn (in place) / addColumn",
    forward: [{ kind: "dropColumn", table: "posts", column: "views", existing: posts.columns[4] }],
    inverse: [{ kind: "addColumn", table: "posts", column: posts.columns[4] }],
    check: async () => expect((await postsTable()).columns.map((c) => c.name)).toEqual(["id", "author_id", "title", "body"]),
    lossy: ["views"],
  },
  {
    name: "alterColumn rename only (in place) / rename back",
    forward: [{ kind: "alterColumn", table: "posts", column: "title", newName: "headline" }],
    inverse: [{ kind: "alterColumn", table: "posts", column: "headline", newName: "title" }],
    check: async () => {
      const t = await postsTable();
      expect(t.columns[2].name).toBe("headline");
      expect(t.checks).toEqual([{ name: "ck_posts_title", expression: 'length("headline") > 0' }]);
    },
  },
  {
    name: "alterColumn type and nullability (rebuild) / back",
    forward: [{ kind: "alterColumn", table: "posts", column: "title", type: { kind: "text" }, nullable: true }],
    inverse: [{ kind: "alterColumn", table: "posts", column: "title", type: { kind: "varchar", length: 200 }, nullable: false }],
    check: async () => expect((await postsTable()).columns[2]).toEqual(column("title", { kind: "text" }, true)),
  },
  {
    name: "alterColumn default (rebuild) / back",
    forward: [{ kind: "alterColumn", table: "posts", column: "views", default: { kind: "literal", value: 5 }, existingDefault: { kind: "literal", value: 0 } }],
    inverse: [{ kind: "alterColumn", table: "posts", column: "views", default: { kind: "literal", value: 0 } }],
    check: async () => {
      await h.rows("INSERT INTO posts (id, author_id, title) VALUES (50, 1, 'x')");
      expect(await h.rows("SELECT views FROM posts WHERE id = 50")).toEqual([{ views: 5 }]);
      await h.rows("DELETE FROM posts WHERE id = 50");
    },
  },
  {
    name: "alterColumn rename with a type change and `using` (rebuild) / back",
    forward: [{ kind: "alterColumn", table: "posts", column: "views", newName: "view_text", type: { kind: "text" }, using: "CAST(views AS TEXT) || ''" }],
    inverse: [{ kind: "alterColumn", table: "posts", column: "view_text", newName: "views", type: { kind: "integer" }, using: "CAST(view_text AS INTEGER)" }],
    check: async () => expect(await h.rows("SELECT typeof(view_text) AS t, view_text FROM posts WHERE id = 4")).toEqual([{ t: "text", view_text: "99" }]),
  },
  {
    name: "createIndex unique, partial, on an expression / dropIndex",
    forward: [{ kind: "createIndex", table: "posts", index: index("ux_posts_title", [{ expression: "lower(title)" }, { column: "id", descending: true }], { unique: true, where: "body IS NOT NULL" }) }],
    inverse: [{ kind: "dropIndex", table: "posts", name: "ux_posts_title" }],
    check: async () =>
      expect((await postsTable()).indexes).toEqual([
        posts.indexes[0],
        index("ux_posts_title", [{ expression: "lower(title)" }, { column: "id", descending: true }], { unique: true, where: "body IS NOT NULL" }),
      ]),
  },
  {
    name: "dropIndex / createIndex",
    forward: [{ kind: "dropIndex", table: "posts", name: "ix_posts_author", existing: posts.indexes[0] }],
    inverse: [{ kind: "createIndex", table: "posts", index: posts.indexes[0] }],
    check: async () => expect((await postsTable()).indexes).toEqual([]),
  },
  {
    name: "createPrimaryKey (rebuild) / dropConstraint",
    forward: [{ kind: "createPrimaryKey", table: "tags", constraint: { name: "pk_tags", columns: ["name"] } }],
    inverse: [{ kind: "dropConstraint", table: "tags", name: "pk_tags", type: "primaryKey" }],
    check: async () => expect((await h.table("tags"))?.primaryKey).toEqual({ name: "pk_tags", columns: ["name"] }),
  },
  {
    name: "createUniqueConstraint (rebuild) / dropConstraint",
    forward: [{ kind: "createUniqueConstraint", table: "posts", constraint: { name: "uq_posts_title", columns: ["title"] } }],
    inverse: [{ kind: "dropConstraint", table: "posts", name: "uq_posts_title", type: "unique" }],
    check: async () => {
      expect((await postsTable()).uniques).toEqual([{ name: "uq_posts_title", columns: ["title"] }]);
      await expect(h.rows("INSERT INTO posts (id, author_id, title) VALUES (9, 1, 'C')")).rejects.toMatchObject({ message: /UNIQUE constraint failed/ });
    },
  },
  {
    name: "createCheckConstraint (rebuild) / dropConstraint",
    forward: [{ kind: "createCheckConstraint", table: "posts", constraint: { name: "ck_posts_views", expression: "views < 1000" } }],
    inverse: [{ kind: "dropConstraint", table: "posts", name: "ck_posts_views", type: "check" }],
    check: async () => expect((await postsTable()).checks).toEqual([...posts.checks, { name: "ck_posts_views", expression: "views < 1000" }]),
  },
  {
    name: "createForeignKey (rebuild) / dropConstraint",
    forward: [{ kind: "createForeignKey", table: "tags", constraint: foreignKey({ name: "fk_tags_post", columns: ["post_id"], referencedTable: "posts", referencedColumns: ["id"], onDelete: "SET NULL" }) }],
    inverse: [{ kind: "dropConstraint", table: "tags", name: "fk_tags_post", type: "foreignKey" }],
    check: async () => expect((await h.table("tags"))?.foreignKeys).toEqual([foreignKey({ name: "fk_tags_post", columns: ["post_id"], referencedTable: "posts", referencedColumns: ["id"], onDelete: "SET NULL" })]),
  },
  {
    name: "dropConstraint check / createCheckConstraint",
    forward: [{ kind: "dropConstraint", table: "posts", name: "ck_posts_title", type: "check", existing: { type: "check", constraint: posts.checks[0] } }],
    inverse: [{ kind: "createCheckConstraint", table: "posts", constraint: posts.checks[0] }],
    check: async () => expect((await postsTable()).checks).toEqual([]),
  },
  {
    name: "dropConstraint unique / createUniqueConstraint",
    forward: [{ kind: "dropConstraint", table: "authors", name: "uq_authors_email", type: "unique" }],
    inverse: [{ kind: "createUniqueConstraint", table: "authors", constraint: authors.uniques[0] }],
    check: async () => expect((await h.table("authors"))?.uniques).toEqual([]),
  },
  {
    name: "dropConstraint foreign key / createForeignKey",
    forward: [{ kind: "dropConstraint", table: "posts", name: "fk_posts_author", type: "foreignKey" }],
    inverse: [{ kind: "createForeignKey", table: "posts", constraint: posts.foreignKeys[0] }],
    check: async () => expect((await postsTable()).foreignKeys).toEqual([]),
  },
  {
    name: "renameTable / rename back",
    forward: [{ kind: "renameTable", from: "authors", to: "writers" }],
    inverse: [{ kind: "renameTable", from: "writers", to: "authors" }],
    check: async () => {
      expect(await h.table("authors")).toBeUndefined();
      expect((await postsTable()).foreignKeys[0].referencedTable).toBe("writers");
    },
  },
  {
    name: "dropTable / createTable and bulkInsert",
    forward: [{ kind: "dropTable", table: "tags", existing: tags }],
    inverse: [
      { kind: "createTable", table: tags },
      { kind: "bulkInsert", table: "tags", rows: rows.tags },
    ],
    check: async () => expect(await h.table("tags")).toBeUndefined(),
  },
  {
    name: "createTable / dropTable",
    forward: [{ kind: "createTable", table: table("extra", { columns: [column("k", { kind: "uuid" }, false)], primaryKey: { name: null, columns: ["k"] } }) }],
    inverse: [{ kind: "dropTable", table: "extra" }],
    check: async () => expect((await h.table("extra"))?.primaryKey).toEqual({ name: null, columns: ["k"] }),
  },
  {
    name: "bulkInsert / execute DELETE",
    forward: [{ kind: "bulkInsert", table: "authors", rows: [{ id: 10, name: "Dora" }, { id: 11, name: "Eve" }] }],
    inverse: [{ kind: "execute", sql: sql`DELETE FROM authors WHERE id IN (${10}, ${11})` }],
    check: async () => expect(await h.rows("SELECT name, email FROM authors WHERE id >= 10 ORDER BY id")).toEqual([{ name: "Dora", email: null }, { name: "Eve", email: null }]),
  },
  {
    name: "execute UPDATE with bound values / its reverse",
    forward: [{ kind: "execute", sql: sql`UPDATE posts SET views = views + ${1000} WHERE title = ${"C"}` }],
    inverse: [{ kind: "execute", sql: sql`UPDATE posts SET views = views - ${1000} WHERE title = ${"C"}` }],
    check: async () => expect(await h.rows("SELECT views FROM posts WHERE id = 3")).toEqual([{ views: 1007 }]),
  },
  {
    name: "batchAlterTable (one rebuild) / batchAlterTable",
    forward: [
      {
        kind: "batchAlterTable",
        table: "posts",
        operations: [
          { kind: "alterColumn", table: "posts", column: "body", nullable: false, default: { kind: "literal", value: "" }, using: "coalesce(body, '')" },
          { kind: "addColumn", table: "posts", column: column("slug", { kind: "varchar", length: 80 }, true) },
          { kind: "createIndex", table: "posts", index: index("ix_posts_slug", [{ column: "slug" }]) },
        ],
      },
    ],
    inverse: [
      {
        kind: "batchAlterTable",
        table: "posts",
        operations: [
          { kind: "dropIndex", table: "posts", name: "ix_posts_slug" },
          { kind: "dropColumn", table: "posts", column: "slug" },
          { kind: "alterColumn", table: "posts", column: "body", nullable: true, default: null },
        ],
      },
    ],
    check: async () => {
      const t = await postsTable();
      expect(t.columns.map((c) => c.name)).toEqual(["id", "author_id", "title", "body", "views", "slug"]);
      expect(t.indexes.map((i) => i.name)).toEqual(["ix_posts_author", "ix_posts_slug"]);
    },
    lossy: ["body"],
  },
];

describe("each operation and its inverse", () => {
  for (const rt of roundTrips) {
    it(rt.name, async () => {
      const before = await schema();
      const beforeData = await data(rt.lossy);
      await h.run(...rt.forward);
      await rt.check();
      expect(await h.rows("PRAGMA foreign_key_check")).toEqual([]);
      await h.run(...rt.inverse);
      expect(await schema()).toEqual(before);
      expect(await data(rt.lossy)).toEqual(beforeData);
      expect(await h.rows("PRAGMA foreign_key_check")).toEqual([]);
    });
  }
});

describe("refused operations change nothing", () => {
  it("a comment operation fails before running, leaving earlier work in the revision rolled back", async () => {
    const before = await schema();
    await expect(
      h.run({ kind: "addColumn", table: "posts", column: column("x", { kind: "text" }, true) }, { kind: "createTableComment", table: "posts", comment: "hello" }),
    ).rejects.toMatchObject({ code: "unsupported-operation" });
    expect(await schema()).toEqual(before);
  });
});
