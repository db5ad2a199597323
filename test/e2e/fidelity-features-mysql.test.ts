/**
 * MySQL/MariaDB index prefix lengths and order, live: model → upgrade → SHOW CREATE TABLE →
 * check clean → pull → the pulled model is clean too. An index on a whole TEXT column (which
 * MariaDB stores cut to the longest prefix, `(768)`) and a unique key on one (MariaDB's USING
 * HASH) are stable: check stays clean and autogenerate does not drop and recreate them. Then each
 * option changed alone: check exits 1 before, autogenerate writes the change, the server shows it.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

interface Features {
  title: string;
  titleDesc: string;
  body: string;
}

const START: Features = {
  title: `{ column: t.title, length: 20 }`,
  titleDesc: `{ column: t.title, descending: true }`,
  body: `t.body`,
};

const schema = (f: Features) => `import { index, integer, table, text, unique, varchar } from "athanor";
export const posts = table("posts", {
  id: integer().primaryKey(),
  title: varchar(200).notNull(),
  body: text(),
  slug: text(),
}, (t) => ({
  indexes: [
    index([${f.title}], { name: "ix_title" }),
    index([${f.titleDesc}, t.id], { name: "ix_title_desc" }),
    index([${f.body}], { name: "ix_body" }),
  ],
  uniques: [unique([t.slug], { name: "ux_slug" })],
}));
`;

/** The key lines of SHOW CREATE TABLE posts. */
async function keys(db: Parameters<typeof queryTestDatabase>[0]): Promise<string[]> {
  const rows = await queryTestDatabase(db, "SHOW CREATE TABLE posts");
  const text = String(Object.values(rows[0]!)[1]);
  return text.split("\n").map((l) => l.trim().replace(/,$/, "")).filter((l) => /^(UNIQUE )?KEY /.test(l)).sort();
}

describe("MySQL/MariaDB index prefixes and order", () => {
  const ctx = useTestProject("mysql", {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(START)),
  });

  it("creates them as modelled, check is clean (whole-TEXT keys too), and the pulled model is the same", async ({ skip }) => {
    if (!ctx.available) skip();
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "posts"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const lines = await keys(ctx.db);
    expect(lines).toContain("KEY `ix_title` (`title`(20))");
    expect(lines).toContain("KEY `ix_title_desc` (`title` DESC,`id`)");
    const mariadb = lines.some((l) => l.startsWith("KEY `ix_body` (`body`(768))"));
    if (mariadb) expect(lines).toContain("UNIQUE KEY `ux_slug` (`slug`) USING HASH");
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    // Twice: nothing flips on the next run.
    expect(ctx.project.run(["check"]).code).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(code).toContain(`{ column: "title", length: 20 }`);
    expect(code).toContain(`{ column: "title", descending: true }`);
    if (mariadb) expect(code).toContain(`{ column: "body", length: 768 }`);
    // As the server holds it: MariaDB's long unique key is a unique HASH index (the same key).
    expect(code).toMatch(mariadb ? /index\(\["slug"\], \{ name: "ux_slug", unique: true, using: "hash" \}\)/ : /unique\(\["slug"\], \{ name: "ux_slug" \}\)/);
    copyFileSync(join(ctx.project.dir, "schema.ts"), join(ctx.project.dir, "schema.original.ts"));
    copyFileSync(join(ctx.project.dir, "pulled.ts"), join(ctx.project.dir, "schema.ts"));
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    copyFileSync(join(ctx.project.dir, "schema.original.ts"), join(ctx.project.dir, "schema.ts"));
  });

  const steps: { what: string; change: Partial<Features>; line: string }[] = [
    { what: "prefix length", change: { title: `{ column: t.title, length: 30 }` }, line: "KEY `ix_title` (`title`(30))" },
    { what: "order", change: { titleDesc: `t.title` }, line: "KEY `ix_title_desc` (`title`,`id`)" },
    { what: "a shorter prefix on a TEXT column", change: { body: `{ column: t.body, length: 100 }` }, line: "KEY `ix_body` (`body`(100))" },
  ];

  it("a change of each option is a difference check reports and autogenerate writes", async ({ skip }) => {
    if (!ctx.available) skip();
    let features = { ...START };
    for (const [i, step] of steps.entries()) {
      features = { ...features, ...step.change };
      writeFileSync(join(ctx.project.dir, "schema.ts"), schema(features));
      const before = ctx.project.run(["check"]);
      expect(before.code, `${step.what}: check before\n${before.stdout}${before.stderr}`).toBe(1);
      const rev = ctx.project.run(["revision", "--autogenerate", "-m", `step ${i}`]);
      expect(rev.code, `${step.what}: ${rev.stderr}`).toBe(0);
      const up = ctx.project.run(["upgrade", "head"]);
      expect(up.code, `${step.what}: ${up.stderr}`).toBe(0);
      expect(await keys(ctx.db)).toContain(step.line);
      const after = ctx.project.run(["check"]);
      expect(after.code, `${step.what}: check after\n${after.stdout}${after.stderr}`).toBe(0);
    }
  });

  it("refuses by name what MySQL has not, instead of dropping it; check stays 1", async ({ skip }) => {
    if (!ctx.available) skip();
    writeFileSync(join(ctx.project.dir, "schema.ts"), schema({ ...START, title: `{ column: t.title, length: 30, nulls: "first" }` }));
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "refused"]);
    expect(rev.code, rev.stdout + rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain("MySQL/MariaDB indexes have no NULLS FIRST");
    expect(ctx.project.run(["check"]).code).toBe(1);
  });
});
