/**
 * Table rebuilds against real files: rows survive, children of a rebuilt parent survive even with
 * ON DELETE CASCADE, a rebuild that would orphan rows fails and rolls back, and triggers, views,
 * table options and the AUTOINCREMENT counter come through.
 */
import { compileLive } from "../../helpers/live-compile.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { authors, column, posts, rows, table } from "./fixtures.js";
import { openHarness, type Harness } from "./harness.js";

let h: Harness;

beforeEach(async () => {
  h = await openHarness();
  await h.run(
    { kind: "createTable", table: authors },
    { kind: "createTable", table: posts },
    { kind: "bulkInsert", table: "authors", rows: rows.authors },
    { kind: "bulkInsert", table: "posts", rows: rows.posts },
  );
});

afterEach(async () => {
  await h.close();
});

const changeAuthorsName = { kind: "alterColumn", table: "authors", column: "name", type: { kind: "text" } } as const;

describe("rebuilding a parent table", () => {
  it("keeps child rows that reference it with ON DELETE CASCADE", async () => {
    await h.run(changeAuthorsName);
    expect((await h.table("authors"))?.columns[1].type).toEqual({ kind: "text" });
    expect(await h.rows("SELECT * FROM posts ORDER BY id")).toEqual(rows.posts);
    expect(await h.rows("SELECT * FROM authors ORDER BY id")).toEqual(rows.authors);
    expect(await h.rows("PRAGMA foreign_key_check")).toEqual([]);
    // The cascade itself still works after the rebuild.
    await h.rows("PRAGMA foreign_keys = ON");
    await h.rows("DELETE FROM authors WHERE id = 1");
    expect(await h.rows("SELECT id FROM posts ORDER BY id")).toEqual([{ id: 3 }, { id: 4 }]);
  });

  it("fails and rolls back when the rebuild would leave dangling references", async () => {
    const before = await sqliteDialect.reflect(h.conn);
    const renumber = { ...changeAuthorsName, using: "name || ''" } as const;
    await expect(
      h.run(renumber, {
        kind: "batchAlterTable",
        table: "authors",
        operations: [{ kind: "alterColumn", table: "authors", column: "id", using: "id + 100" }],
      }),
    ).rejects.toMatchObject({ code: "sql", message: /Foreign key check failed: 4 row/ });
    expect(await sqliteDialect.reflect(h.conn)).toEqual(before);
    expect(await h.rows("SELECT * FROM authors ORDER BY id")).toEqual(rows.authors);
    expect(await h.rows("SELECT * FROM posts ORDER BY id")).toEqual(rows.posts);
  });

  it("keeps the AUTOINCREMENT high-water mark", async () => {
    await h.rows("INSERT INTO authors (id, name) VALUES (100, 'gone')");
    await h.rows("DELETE FROM authors WHERE id = 100");
    await h.run(changeAuthorsName);
    await h.rows("INSERT INTO authors (name) VALUES ('next')");
    expect(await h.rows("SELECT id FROM authors WHERE name = 'next'")).toEqual([{ id: 101 }]);
  });
});

describe("what a rebuild carries over", () => {
  it("recreates triggers and leaves views working", async () => {
    await h.rows("CREATE TABLE audit (post_id INTEGER)");
    await h.rows('CREATE TRIGGER "posts audit" AFTER INSERT ON posts BEGIN INSERT INTO audit VALUES (new.id); END');
    await h.rows("CREATE VIEW post_titles AS SELECT id, title FROM posts");
    await h.run({ kind: "alterColumn", table: "posts", column: "body", type: { kind: "varchar", length: 500 } });
    await h.rows("INSERT INTO posts (id, author_id, title) VALUES (7, 1, 'seven')");
    expect(await h.rows("SELECT post_id FROM audit")).toEqual([{ post_id: 7 }]);
    expect(await h.rows("SELECT title FROM post_titles WHERE id = 7")).toEqual([{ title: "seven" }]);
    expect(await h.rows("SELECT name FROM sqlite_schema WHERE type = 'trigger'")).toEqual([{ name: "posts audit" }]);
  });

  it("keeps WITHOUT ROWID and generated columns", async () => {
    await h.rows("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER, doubled INTEGER GENERATED ALWAYS AS (v * 2) STORED) WITHOUT ROWID");
    await h.rows("INSERT INTO kv (k, v) VALUES ('a', 1), ('b', 2)");
    await h.run({ kind: "addColumn", table: "kv", column: column("note", { kind: "text" }, false, { default: { kind: "sql", sql: "'n/a'" } }) });
    expect(await h.rows("SELECT wr FROM pragma_table_list WHERE name = 'kv'")).toEqual([{ wr: 1 }]);
    expect(await h.rows("SELECT * FROM kv ORDER BY k")).toEqual([
      { k: "a", v: 1, doubled: 2, note: "n/a" },
      { k: "b", v: 2, doubled: 4, note: "n/a" },
    ]);
  });

  it("keeps the values of a generated column that becomes a plain one", async () => {
    await h.rows("CREATE TABLE calc (v INTEGER, doubled INTEGER GENERATED ALWAYS AS (v * 2) VIRTUAL)");
    await h.rows("INSERT INTO calc (v) VALUES (1), (5)");
    await h.run({ kind: "alterColumn", table: "calc", column: "doubled", generated: null });
    expect((await h.table("calc"))?.columns[1].generated).toBeNull();
    await h.rows("UPDATE calc SET v = 100");
    expect(await h.rows("SELECT v, doubled FROM calc ORDER BY doubled")).toEqual([{ v: 100, doubled: 2 }, { v: 100, doubled: 10 }]);
  });

  it("keeps rows of a self-referencing table", async () => {
    const tree = table("tree", {
      columns: [column("id", { kind: "integer" }, false), column("parent_id", { kind: "integer" }, true), column("label", { kind: "text" }, true)],
      primaryKey: { name: null, columns: ["id"] },
      foreignKeys: [{ name: "fk_tree_parent", columns: ["parent_id"], referencedSchema: null, referencedTable: "tree", referencedColumns: ["id"], onDelete: "CASCADE", onUpdate: null, deferrable: false, initiallyDeferred: false }],
    });
    await h.run({ kind: "createTable", table: tree }, { kind: "bulkInsert", table: "tree", rows: [{ id: 1, parent_id: null, label: "root" }, { id: 2, parent_id: 1, label: "leaf" }] });
    await h.run({ kind: "alterColumn", table: "tree", column: "label", nullable: false });
    expect(await h.rows("SELECT * FROM tree ORDER BY id")).toEqual([{ id: 1, parent_id: null, label: "root" }, { id: 2, parent_id: 1, label: "leaf" }]);
    expect((await h.table("tree"))?.foreignKeys[0].referencedTable).toBe("tree");
  });
});

describe("planning", () => {
  it("a batch needing several rebuilds compiles to exactly one", async () => {
    const statements = await compileLive(
      sqliteDialect,
      h.conn,
      {
        kind: "batchAlterTable",
        table: "posts",
        operations: [
          { kind: "alterColumn", table: "posts", column: "title", nullable: true },
          { kind: "createUniqueConstraint", table: "posts", constraint: { name: "uq_title", columns: ["title"] } },
          { kind: "dropConstraint", table: "posts", name: "ck_posts_title", type: "check" },
        ],
      },
    );
    expect(statements.filter((s) => s.sql.startsWith("CREATE TABLE")).length).toBe(1);
    expect(statements.filter((s) => s.sql.startsWith("DROP TABLE")).length).toBe(1);
  });

  it("offline, a table created earlier in the same run can be rebuilt from its tracked definition", async () => {
    const statements = await sqliteDialect.compile(changeAuthorsName, { offline: true, tableState: () => structuredClone(authors) });
    expect(statements[0].sql).toContain('CREATE TABLE "_athanor_tmp_authors"');
  });

  it("a failed revision after a successful rebuild keeps the rebuild", async () => {
    const lock = await sqliteDialect.acquireLock(h.conn, "athanor", 1_000);
    await h.conn.begin();
    for (const s of await compileLive(sqliteDialect, h.conn, changeAuthorsName)) await h.conn.query(s.sql, s.params);
    await sqliteDialect.verifyRevision?.(h.conn);
    await h.conn.commit();
    await h.conn.begin();
    await h.conn.query("DELETE FROM posts");
    await expect(h.conn.query("SELECT * FROM no_such_table")).rejects.toMatchObject({ code: "sql" });
    await h.conn.rollback();
    await lock.release();
    expect((await h.table("authors"))?.columns[1].type).toEqual({ kind: "text" });
    expect(await h.rows("SELECT count(*) AS n FROM posts")).toEqual([{ n: 4 }]);
  });
});
