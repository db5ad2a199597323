/**
 * SQLite index element order and COLLATE, live: model → upgrade → the stored CREATE INDEX text
 * (sqlite_schema.sql) and index_xinfo → check clean → pull → the pulled model is clean too; then
 * each option changed alone in the model: check exits 1 before, autogenerate writes the change,
 * and SQLite's own record shows it after the upgrade. What SQLite has not (NULLS FIRST/LAST in an
 * index, operator classes, NULLS NOT DISTINCT, deferrable keys) is refused by name, not dropped.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";

interface Features {
  title: string;
  tag: string;
  body: string;
}

const START: Features = {
  title: `{ column: t.title, collation: "NOCASE", descending: true }`,
  tag: `{ column: t.tag, descending: true }`,
  body: `{ expression: sql\`lower(body)\`, collation: "RTRIM" }`,
};

const schema = (f: Features) => `import { index, integer, sql, table, text } from "athanor";
export const notes = table("notes", {
  id: integer().primaryKey(),
  title: text().notNull(),
  tag: text().collate("NOCASE"),
  body: text(),
}, (t) => ({
  indexes: [
    index([${f.title}], { name: "ix_title" }),
    index([${f.tag}, t.body], { name: "ix_tag_body" }),
    index([${f.body}], { name: "ix_lower_body" }),
  ],
}));
`;

/** SQLite's own record of the indexes: the stored SQL and index_xinfo's order and collation per key column. */
function indexRecord(file: string): Record<string, { sql: string; keys: string[] }> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'notes' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    return Object.fromEntries(
      rows.map((r) => {
        const keys = (db.prepare("SELECT name, desc, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno").all(r.name) as { name: string | null; desc: number; coll: string }[]).map(
          (k) => `${k.name ?? "(expression)"} ${k.desc ? "desc" : "asc"} ${k.coll}`,
        );
        return [r.name, { sql: r.sql, keys }];
      }),
    );
  } finally {
    db.close();
  }
}

describe("SQLite index element order and collation", () => {
  const ctx = useTestProject("sqlite", {
    configExtra: `schema: "./schema.ts"`,
    setup: (project) => writeFileSync(join(project.dir, "schema.ts"), schema(START)),
  });

  it("creates them as modelled, check is clean, and the pulled model is the same", () => {
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "notes"]);
    expect(rev.code, rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);
    const record = indexRecord(ctx.db.file!);
    expect(record.ix_title).toEqual({ sql: `CREATE INDEX "ix_title" ON "notes" ("title" COLLATE "NOCASE" DESC)`, keys: ["title desc NOCASE"] });
    // The column's own collation: index_xinfo reports it, the element writes none.
    expect(record.ix_tag_body).toEqual({ sql: `CREATE INDEX "ix_tag_body" ON "notes" ("tag" DESC, "body")`, keys: ["tag desc NOCASE", "body asc BINARY"] });
    expect(record.ix_lower_body).toEqual({ sql: `CREATE INDEX "ix_lower_body" ON "notes" ((lower(body)) COLLATE "RTRIM")`, keys: ["(expression) asc RTRIM"] });
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(code).toContain(`{ column: "title", descending: true, collation: "NOCASE" }`);
    expect(code).toContain(`{ expression: "(lower(body))", collation: "RTRIM" }`);
    copyFileSync(join(ctx.project.dir, "schema.ts"), join(ctx.project.dir, "schema.original.ts"));
    copyFileSync(join(ctx.project.dir, "pulled.ts"), join(ctx.project.dir, "schema.ts"));
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    copyFileSync(join(ctx.project.dir, "schema.original.ts"), join(ctx.project.dir, "schema.ts"));
  });

  const steps: { what: string; change: Partial<Features>; expect: (r: ReturnType<typeof indexRecord>) => void }[] = [
    { what: "element collation removed", change: { title: `{ column: t.title, descending: true }` }, expect: (r) => expect(r.ix_title!.keys).toEqual(["title desc BINARY"]) },
    { what: "order", change: { title: `{ column: t.title }` }, expect: (r) => expect(r.ix_title!.keys).toEqual(["title asc BINARY"]) },
    { what: "collation other than the column's", change: { tag: `{ column: t.tag, collation: "BINARY", descending: true }` }, expect: (r) => expect(r.ix_tag_body!.keys).toEqual(["tag desc BINARY", "body asc BINARY"]) },
    { what: "expression collation changed", change: { body: `{ expression: sql\`lower(body)\`, collation: "NOCASE" }` }, expect: (r) => expect(r.ix_lower_body!.keys).toEqual(["(expression) asc NOCASE"]) },
  ];

  it("a change of each option is a difference check reports and autogenerate writes", () => {
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
      step.expect(indexRecord(ctx.db.file!));
      const after = ctx.project.run(["check"]);
      expect(after.code, `${step.what}: check after\n${after.stdout}${after.stderr}`).toBe(0);
    }
  });

  it("refuses by name what SQLite has not, instead of dropping it; check stays 1", () => {
    writeFileSync(join(ctx.project.dir, "schema.ts"), schema({ ...START, title: `{ column: t.title, nulls: "first" }` }));
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "refused"]);
    expect(rev.code, rev.stdout + rev.stderr).toBe(0);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code).not.toBe(0);
    expect(up.stderr).toContain("SQLite has no NULLS FIRST in indexes");
    expect(ctx.project.run(["check"]).code).toBe(1);
  });
});
