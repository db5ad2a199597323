/**
 * MariaDB: removing or changing an index a foreign key needs. InnoDB refuses to drop the only
 * index serving a key, so the generated revision used to fail halfway; now the key is dropped
 * first and added back with the index's drop (InnoDB gives it its own index, and drops that again
 * once another index covers the key). Live, with rows, in both directions: the upgrade applies,
 * the rows survive, the key still holds, check is clean, and the downgrade restores the catalog.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogDump } from "../helpers/catalog-dump.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const model = (indexes: string) => `import { index, integer, serial, table, varchar } from "athanor";
export const users = table("users", { id: serial().primaryKey(), name: varchar(40) });
export const orders = table("orders", {
  id: serial().primaryKey(),
  user_id: integer().notNull().references(() => users, "id", { onDelete: "CASCADE" }),
  note: varchar(40),
}, (t) => ({ indexes: [${indexes}] }));
`;
const V1 = model("index([t.user_id])");

describe.each([
  ["removed", model("")],
  ["changed to lead a wider index", model("index([t.user_id, t.note])")],
  ["replaced by a unique index it leads", model("index([t.user_id, t.note], { unique: true })")],
])("MariaDB: an index a foreign key needs is %s", (_name, v2) => {
  const ctx = useTestProject("mysql", { configExtra: `schema: "./schema.ts"`, setup: (project) => writeFileSync(join(project.dir, "schema.ts"), V1) });

  it("applies with rows, keeps the key, and the downgrade restores the catalog", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    expect(project.run(["revision", "--autogenerate", "-m", "orders", "--rev-id", "k1"]).code).toBe(0);
    expect(project.run(["upgrade", "head"]).code).toBe(0);
    await queryTestDatabase(db, "INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob')");
    await queryTestDatabase(db, "INSERT INTO orders (id, user_id, note) VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 1, 'c')");
    const before = await catalogDump(db);

    writeFileSync(join(project.dir, "schema.ts"), v2);
    const gen = project.run(["revision", "--autogenerate", "-m", "index", "--rev-id", "k2"]);
    expect(gen.code, gen.stderr).toBe(0);
    const up = project.run(["upgrade", "head", "--verbose"]);
    expect(up.code, up.stderr).toBe(0);
    expect(project.run(["check"]).code).toBe(0);
    expect(await queryTestDatabase(db, "SELECT id, user_id, note FROM orders ORDER BY id")).toEqual([
      { id: 1, user_id: 1, note: "a" },
      { id: 2, user_id: 2, note: "b" },
      { id: 3, user_id: 1, note: "c" },
    ]);
    // The key still holds: an order of a user that does not exist is refused, and deleting a user cascades.
    await expect(queryTestDatabase(db, "INSERT INTO orders (id, user_id) VALUES (9, 99)")).rejects.toThrow(/foreign key constraint fails/i);
    await queryTestDatabase(db, "DELETE FROM users WHERE id = 2");
    expect(await queryTestDatabase(db, "SELECT id FROM orders ORDER BY id")).toEqual([{ id: 1 }, { id: 3 }]);
    await queryTestDatabase(db, "INSERT INTO users (id, name) VALUES (2, 'bob')");
    await queryTestDatabase(db, "INSERT INTO orders (id, user_id, note) VALUES (2, 2, 'b')");

    const down = project.run(["downgrade", "-1", "--verbose"]);
    expect(down.code, down.stderr).toBe(0);
    expect(await catalogDump(db)).toEqual(before);
    writeFileSync(join(project.dir, "schema.ts"), V1);
    expect(project.run(["check"]).code).toBe(0);
    expect(await queryTestDatabase(db, "SELECT COUNT(*) AS n FROM orders")).toEqual([{ n: 3 }]);
  });
});
