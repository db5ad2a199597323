/**
 * View options, live per dialect: SQL SECURITY, WITH [CASCADED|LOCAL] CHECK OPTION and (MySQL/
 * MariaDB) ALGORITHM. Model → upgrade → the database's own text (SHOW CREATE VIEW on MySQL;
 * pg_class.reloptions and information_schema.views.check_option on PostgreSQL) → check clean →
 * pull writes the options → the pulled model is clean too. Then each option changed alone: check
 * exits 1, autogenerate writes the change, upgrade makes the database print it, check exits 0; and
 * the downgrade brings the previous options back. SQLite views have no options: one clear refusal.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";
import type { TestDatabase } from "../helpers/databases.js";

/** The options part of a view() call, as TypeScript source ("" for none). */
type Options = string;

interface DialectCase {
  dialect: "mysql" | "postgres";
  /** The view's query as the database prints it (so that check is clean). */
  query: string;
  start: Options;
  /** What the database says of the view's options, in one line. */
  printed(db: TestDatabase): Promise<string>;
  /** What `printed` says for `start`. */
  startPrinted: RegExp;
  /** What pull writes for `start`. */
  startPulled: RegExp;
  steps: { what: string; options: Options; printed: RegExp }[];
}

const schema = (c: DialectCase, options: Options) => `import { integer, sql, table, view } from "athanor";
export const t = table("t", { id: integer().primaryKey(), a: integer() });
export const v = view("v", sql\`${c.query.replace(/`/g, "\\`")}\`${options ? `, ${options}` : ""});
`;

/** SHOW CREATE VIEW's head and tail, without the DEFINER (the connecting user, not modelled). */
async function showCreateView(db: TestDatabase): Promise<string> {
  const rows = await queryTestDatabase(db, "SHOW CREATE VIEW v");
  const text = String(rows[0]!["Create View"]);
  return text.replace(/ DEFINER=\S+/, "").replace(/ AS select .* from .*?(?= WITH |$)/, " AS …");
}

async function pgViewOptions(db: TestDatabase): Promise<string> {
  const rows = await queryTestDatabase(
    db,
    `SELECT COALESCE(array_to_string(c.reloptions, ','), '-') AS options, v.check_option AS check_option
       FROM pg_class c JOIN information_schema.views v ON v.table_name = c.relname AND v.table_schema = current_schema()
      WHERE c.relname = 'v' AND c.relnamespace = current_schema()::regnamespace`,
  );
  return `options ${String(rows[0]!.options)} check ${String(rows[0]!.check_option)}`;
}

const CASES: DialectCase[] = [
  {
    dialect: "mysql",
    query: "select `t`.`id` AS `id`,`t`.`a` AS `a` from `t` where `t`.`a` > 0",
    start: `{ security: "invoker", checkOption: "local", algorithm: "merge" }`,
    printed: showCreateView,
    startPrinted: /^CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `v` AS … WITH LOCAL CHECK OPTION$/,
    startPulled: /security: "invoker",\s*checkOption: "local",\s*algorithm: "merge",?\s/,
    steps: [
      { what: "security", options: `{ checkOption: "local", algorithm: "merge" }`, printed: /^CREATE ALGORITHM=MERGE SQL SECURITY DEFINER VIEW `v` AS … WITH LOCAL CHECK OPTION$/ },
      { what: "check option", options: `{ checkOption: "cascaded", algorithm: "merge" }`, printed: /^CREATE ALGORITHM=MERGE SQL SECURITY DEFINER VIEW `v` AS … WITH CASCADED CHECK OPTION$/ },
      // A TEMPTABLE view cannot be updated, so it can have no check option.
      { what: "algorithm", options: `{ algorithm: "temptable" }`, printed: /^CREATE ALGORITHM=TEMPTABLE SQL SECURITY DEFINER VIEW `v` AS …$/ },
      { what: "all back to the defaults", options: ``, printed: /^CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS …$/ },
    ],
  },
  {
    dialect: "postgres",
    query: "SELECT t.id, t.a FROM t WHERE t.a > 0",
    start: `{ security: "invoker", checkOption: "local" }`,
    printed: pgViewOptions,
    startPrinted: /^options security_invoker=true,check_option=local check LOCAL$/,
    startPulled: /security: "invoker",\s*checkOption: "local",/,
    steps: [
      { what: "security", options: `{ checkOption: "local" }`, printed: /^options check_option=local check LOCAL$/ },
      { what: "check option", options: `{ checkOption: "cascaded" }`, printed: /^options check_option=cascaded check CASCADED$/ },
      { what: "an explicit definer", options: `{ security: "definer", checkOption: "cascaded" }`, printed: /^options check_option=cascaded check CASCADED$/ },
      { what: "security again", options: `{ security: "invoker" }`, printed: /^options security_invoker=true check NONE$/ },
      { what: "all back to the defaults", options: ``, printed: /^options - check NONE$/ },
    ],
  },
];

for (const c of CASES) {
  describe(`view options on ${c.dialect}`, () => {
    const ctx = useTestProject(c.dialect, {
      configExtra: `schema: "./schema.ts"`,
      setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(c, c.start)),
    });

    it("creates the view with its options, check is clean, and pull writes them back", async ({ skip }) => {
      if (!ctx.available) skip();
      const rev = ctx.project.run(["revision", "--autogenerate", "-m", "view"]);
      expect(rev.code, rev.stderr).toBe(0);
      const up = ctx.project.run(["upgrade", "head"]);
      expect(up.code, up.stderr).toBe(0);
      expect(await c.printed(ctx.db)).toMatch(c.startPrinted);
      const check = ctx.project.run(["check"]);
      expect(check.code, check.stdout + check.stderr).toBe(0);

      const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
      expect(pulled.code, pulled.stderr).toBe(0);
      const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
      expect(code).toMatch(c.startPulled);
      copyFileSync(join(ctx.project.dir, "schema.ts"), join(ctx.project.dir, "schema.original.ts"));
      copyFileSync(join(ctx.project.dir, "pulled.ts"), join(ctx.project.dir, "schema.ts"));
      const again = ctx.project.run(["check"]);
      expect(again.code, again.stdout + again.stderr).toBe(0);
      copyFileSync(join(ctx.project.dir, "schema.original.ts"), join(ctx.project.dir, "schema.ts"));
    });

    it("a changed option is a difference check reports, autogenerate writes and the downgrade undoes", async ({ skip }) => {
      if (!ctx.available) skip();
      let previous = c.startPrinted;
      for (const [i, step] of c.steps.entries()) {
        writeFileSync(join(ctx.project.dir, "schema.ts"), schema(c, step.options));
        const before = ctx.project.run(["check"]);
        // An explicit default is no change: the database already holds it.
        const same = previous.source === step.printed.source;
        expect(before.code, `${step.what}: check before\n${before.stdout}${before.stderr}`).toBe(same ? 0 : 1);
        if (same) continue;
        const rev = ctx.project.run(["revision", "--autogenerate", "-m", `step ${i}`]);
        expect(rev.code, `${step.what}: ${rev.stderr}`).toBe(0);
        const up = ctx.project.run(["upgrade", "head"]);
        expect(up.code, `${step.what}: ${up.stderr}`).toBe(0);
        expect(await c.printed(ctx.db), step.what).toMatch(step.printed);
        const after = ctx.project.run(["check"]);
        expect(after.code, `${step.what}: check after\n${after.stdout}${after.stderr}`).toBe(0);
        // Reversible: one step down prints the previous options, and up again.
        const down = ctx.project.run(["downgrade", "-1"]);
        expect(down.code, `${step.what}: ${down.stderr}`).toBe(0);
        expect(await c.printed(ctx.db), `${step.what} downgraded`).toMatch(previous);
        expect(ctx.project.run(["upgrade", "head"]).code).toBe(0);
        expect(await c.printed(ctx.db), step.what).toMatch(step.printed);
        previous = step.printed;
      }
    }, 300_000);
  });
}

describe("view options on sqlite", () => {
  const ctx = useTestProject("sqlite", {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) =>
      writeFileSync(
        join(project.dir, "schema.ts"),
        `import { integer, sql, table, view } from "athanor";
export const t = table("t", { id: integer().primaryKey(), a: integer() });
export const v = view("v", sql\`SELECT id, a FROM t WHERE a > 0\`, { security: "invoker" });
`,
      ),
  });

  it("refuses them with one message naming the view and the option", async ({ skip }) => {
    if (!ctx.available) skip();
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "view"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain(`SQLite views have no options, and the view v says security: "invoker".`);
    expect(up.stderr).not.toMatch(/\n\s+at /);
    expect(ctx.project.run(["check"]).code).toBe(1);
  });
});
