/**
 * Compile is pure: a MariaDB revision that fails halfway, is fixed (by hand, in the data) and
 * resumes compiles to the same statements as its first run and as the offline script. The
 * revision renames a column and then alters it by its new name without `existing*` fields, so the
 * MODIFY needs the table's state: a resumed run that compiled against the half-changed live
 * table would get other statements (or none), and the hash chain would refuse the resume.
 */
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase, versionRows } from "../helpers/version-rows.js";

/** The revision log's row of `revision`, with the table state it keeps. */
async function logRow(db: Parameters<typeof queryTestDatabase>[0], revision: string): Promise<Record<string, unknown> | undefined> {
  const rows = await queryTestDatabase(db, "SELECT revision, status, statements_done, table_state FROM athanor_version_log");
  return rows.find((row) => row.revision === revision);
}

const PRELUDE = `import { integer, varchar } from "athanor";`;

/** The statements --verbose echoed, in order (each is printed indented before it runs). */
function echoed(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => /^ {2}(ALTER|CREATE|DROP|INSERT|UPDATE|DELETE) /.test(line))
    .map((line) => line.trim())
    .filter((sql) => !sql.includes("athanor_version"));
}

/** The statements of one revision's section of an offline script. */
function scriptSection(script: string, header: string): string[] {
  const section = script.slice(script.indexOf(header));
  const end = section.indexOf("\n-- Running", 1);
  return (end < 0 ? section : section.slice(0, end))
    .split(";\n")
    .map((s) => s.replace(/^--.*\n/gm, "").trim())
    .filter((s) => s !== "" && !s.includes("athanor_version"));
}

describe("MariaDB: a revision that fails halfway resumes with the same compile", () => {
  const ctx = useTestProject("mysql", {
    setup(project) {
      project.addRevision({
        id: "c1",
        message: "users",
        prelude: PRELUDE,
        upgrade: [
          `  await op.createTable("users", { id: integer().primaryKey(), name: varchar(50).notNull().default("anon").comment("shown name"), email: varchar(100) });`,
          `  await op.bulkInsert("users", [{ id: 1, name: "ann", email: "a@x" }, { id: 2, name: "bob", email: "a@x" }, { id: 3, name: "cy", email: "c@x" }]);`,
        ].join("\n"),
        downgrade: `  await op.dropTable("users");`,
      });
      project.addRevision({
        id: "c2",
        down: "c1",
        message: "rename and widen",
        prelude: PRELUDE,
        upgrade: [
          `  await op.createIndex("ix_users_name", "users", ["name"], { ifNotExists: true });`,
          `  await op.alterColumn("users", "name", { newName: "full_name" });`,
          `  await op.createIndex("ux_users_email", "users", ["email"], { unique: true });`,
          `  await op.alterColumn("users", "full_name", { type: varchar(200) });`,
        ].join("\n"),
        downgrade: [`  await op.dropIndex("ux_users_email", { table: "users" });`, `  await op.alterColumn("users", "full_name", { newName: "name" });`, `  await op.dropIndex("ix_users_name", { table: "users" });`].join("\n"),
      });
    },
  });
  const migrate = (...args: string[]) => ctx.project.run(args);

  it("online, offline and resumed compiles are equal", async ({ skip }) => {
    if (!ctx.available) skip();
    const offline = scriptSection(migrate("upgrade", "c1:head", "--sql").stdout, "-- Running upgrade c1 -> c2");
    expect(offline).toHaveLength(4);
    // The MODIFY keeps NOT NULL, the default and the comment the table had: known from c1, through the rename.
    expect(offline[3]).toBe("ALTER TABLE `users` MODIFY COLUMN `full_name` varchar(200) NOT NULL DEFAULT 'anon' COMMENT 'shown name'");

    expect(migrate("upgrade", "c1").code).toBe(0);
    const first = migrate("upgrade", "head", "--verbose");
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("Duplicate entry");
    const firstRun = echoed(first.stderr);
    expect(firstRun).toEqual(offline.slice(0, 3));
    const log = await logRow(ctx.db, "c2");
    expect(log).toMatchObject({ status: "failed", statements_done: 2 });
    // The table as it was before the revision, kept for the resume.
    expect(JSON.parse(String(log?.table_state))).toEqual([expect.objectContaining({ name: "users", table: expect.objectContaining({ columns: expect.arrayContaining([expect.objectContaining({ name: "name" })]) }) })]);

    // The fix: the data, by hand. Then the resume runs the rest, compiled as at first.
    await queryTestDatabase(ctx.db, "DELETE FROM users WHERE id = 2");
    const resumed = migrate("upgrade", "--resume", "--verbose");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect([...firstRun.slice(0, 2), ...echoed(resumed.stderr)]).toEqual(offline);
    expect(await versionRows(ctx.db)).toEqual(["c2"]);
    const columns = await queryTestDatabase(ctx.db, "SELECT COLUMN_NAME AS n, COLUMN_TYPE AS t, COLUMN_DEFAULT AS d, COLUMN_COMMENT AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'full_name'");
    expect(columns).toEqual([{ n: "full_name", t: "varchar(200)", d: "'anon'", c: "shown name" }]);
    const done = await logRow(ctx.db, "c2");
    expect(done).toMatchObject({ status: "done", table_state: null });
  });
});
