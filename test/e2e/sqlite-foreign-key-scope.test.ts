/**
 * SQLite checks a revision's foreign keys itself (migrations run with them off), on the tables the
 * revision touched and the tables that reference them. End to end: rows orphaned by raw SQL, by
 * dropping the parent table, or by rewriting the parent's keys are all caught, and the revision
 * rolls back; a revision on unrelated tables is not held up by an orphan it did not make.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

describe("foreign keys checked per revision on SQLite", () => {
  const ctx = useTestProject("sqlite");

  /** Writes revision `id` (a new file the first time) with `body` as its upgrade. */
  function revision(id: string, body: string): void {
    const { project } = ctx;
    const file = join(project.dir, `migrations/versions/${id}_${id}.ts`);
    if (!existsSync(file)) {
      const made = project.run(["revision", "-m", id, "--rev-id", id]);
      expect(made.code, made.stderr).toBe(0);
      const text = readFileSync(file, "utf8").replace(/^import .*"athanor";$/m, `import { integer, type Operations } from "athanor";`);
      writeFileSync(file, text.replace(/(export async function upgrade\(op: Operations\): Promise<void> \{\n)[^}]*\}/, "$1// BODY\n}"));
      writeFileSync(`${file}.template`, readFileSync(file, "utf8"));
    }
    writeFileSync(file, readFileSync(`${file}.template`, "utf8").replace("// BODY", body));
  }

  it("catches orphans from raw SQL, a dropped parent and rewritten keys, rolling each back; an unrelated revision is not held up", async ({ skip }) => {
    if (!ctx.available) skip();
    const { project, db } = ctx;
    revision(
      "f1",
      `  await op.createTable("parent", { id: integer().primaryKey() });
  await op.createTable("child", { id: integer().primaryKey(), parent_id: integer().references("parent", "id") });
  await op.createTable("other", { id: integer().primaryKey() });
  await op.bulkInsert("parent", [{ id: 1 }]);
  await op.bulkInsert("child", [{ id: 10, parent_id: 1 }]);`,
    );
    const up = project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const rows = async (): Promise<unknown[]> => [...(await queryTestDatabase(db, "SELECT id FROM parent")), ...(await queryTestDatabase(db, "SELECT id, parent_id FROM child"))];
    const before = await rows();

    for (const body of [
      `  await op.execute("DELETE FROM parent");`,
      `  await op.dropTable("parent");`,
      `  await op.batchAlterTable("parent", (batch) => batch.alterColumn("id", { type: integer(), using: "id + 100" }));`,
    ]) {
      revision("f2", body);
      const r = project.run(["upgrade", "head"]);
      expect(r.code, body).not.toBe(0);
      expect(r.stderr, body).toContain(`"child" rowid 10 -> missing row in "parent"`);
      expect(await rows(), body).toEqual(before);
    }

    // An orphan made outside the migrations, in a table this revision does not touch, is not its concern.
    const direct = new Database(db.file as string, { fileMustExist: true });
    direct.pragma("foreign_keys = OFF");
    direct.prepare("INSERT INTO child (id, parent_id) VALUES (11, 99)").run();
    direct.close();
    revision("f2", `  await op.addColumn("other", "note", integer());`);
    const unrelated = project.run(["upgrade", "head"]);
    expect(unrelated.code, unrelated.stderr).toBe(0);
  });
});
