/**
 * PostgreSQL row-level security and policies, live: a model with RLS on two tables (one forced)
 * and four policies (a restrictive FOR INSERT WITH CHECK, a roles list, an expression calling a
 * function of the model, one on a second table) → revision --autogenerate → upgrade → the
 * oracle's catalog (relrowsecurity, relforcerowsecurity, pg_policy with pg_get_expr) shows them →
 * check exits 0 → pull → the pulled model loads and check is clean. Then a policy's expression
 * and another's roles change, one policy goes and FORCE is switched off → autogenerate → upgrade
 * → the catalog equals that of a database built from the new model alone → downgrade -1 → the
 * catalog is the first state's again. The roles are the test's own (roles are cluster-wide).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { catalogDiff, freshDatabase, projectFolder } from "../helpers/convergence.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { useTestRoles } from "../helpers/test-roles.js";

interface Model {
  /** owners_only's USING and WITH CHECK. */
  ownerCheck: string;
  /** The roles team_reads applies to. */
  teamRoles: string[];
  /** Whether notes_read is declared. */
  notesPolicy: boolean;
  orders: "enabled" | "forced";
}

const FUNCTION = `CREATE OR REPLACE FUNCTION public.is_member(team integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT team > 0 $function$`;

const schema = (m: Model) => `import { fn, integer, policy, sql, table, text } from "athanor";
export const isMember = fn("is_member", sql\`${FUNCTION}\`);
export const orders = table("orders", { id: integer().primaryKey(), owner: text().notNull(), team: integer().notNull(), total: integer().notNull() }, { rowLevelSecurity: "${m.orders}" });
export const notes = table("notes", { id: integer().primaryKey(), body: text() }, { rowLevelSecurity: "enabled" });
export const ownersOnly = policy("owners_only", orders, { using: "${m.ownerCheck}", withCheck: "${m.ownerCheck}" });
export const noBigOrders = policy("no_big_orders", orders, { as: "restrictive", for: "insert", withCheck: "total < 1000" });
export const teamReads = policy("team_reads", orders, { for: "select", to: ${JSON.stringify(m.teamRoles)}, using: "is_member(team)", dependsOn: [isMember] });
${m.notesPolicy ? `export const notesRead = policy("notes_read", notes, { for: "select", using: "body IS NOT NULL" });` : ""}
`;

type Db = Parameters<typeof catalogText>[0];
/** The oracle's lines about row-level security: the tables' switches and every policy. */
const securityLines = async (db: Db): Promise<string[]> => (await catalogText(db)).filter((l) => /^(table|policy) /.test(l));

describe("PostgreSQL row-level security and policies", () => {
  // Before useTestProject: its database (whose policies name the roles) is dropped first.
  const roles = useTestRoles(["reader", "writer"]);
  const ctx = useTestProject("postgres", { configExtra: `schema: "./schema.ts"` });
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  const start = (): Model => ({ ownerCheck: "owner = current_user", teamRoles: [roles.names.writer, roles.names.reader], notesPolicy: true, orders: "forced" });
  const write = (m: Model) => writeFileSync(join(ctx.project.dir, "schema.ts"), schema(m));

  it("creates RLS and policies, the catalog shows them, check is clean; a change upgrades to the new model's catalog and downgrades to the first", { timeout: 240_000 }, async ({ skip }) => {
    if (!ctx.available) skip();
    const { reader, writer } = roles.names;
    write(start());
    const rev = ctx.project.run(["revision", "--autogenerate", "-m", "rls"]);
    expect(rev.code, rev.stderr).toBe(0);
    const file = readFileSync(rev.stdout.match(/\S+\.ts/)![0], "utf8");
    expect(file).toMatch(/op\.createObject\(\s*policy\("no_big_orders", "orders", \{\s*as: "restrictive",\s*for: "insert",\s*withCheck: "total < 1000",?\s*\}\),?\s*\)/);
    expect(file).toMatch(/op\.createTable\(\s*"orders",[\s\S]*?\{ rowLevelSecurity: "forced" \},?\s*\)/);
    const up = ctx.project.run(["upgrade", "head"]);
    expect(up.code, up.stderr).toBe(0);

    const first = await catalogText(ctx.db);
    expect(first.filter((l) => /^(table|policy) /.test(l))).toEqual([
      "table public.notes row security",
      "table public.orders row security force row security",
      "policy no_big_orders on public.orders a false to public check (total < 1000)",
      "policy notes_read on public.notes r true to public using (body IS NOT NULL)",
      "policy owners_only on public.orders * true to public using (owner = CURRENT_USER) check (owner = CURRENT_USER)",
      `policy team_reads on public.orders r true to ${[reader, writer].sort().join(",")} using public.is_member(team)`,
    ]);
    const check = ctx.project.run(["check"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const pulled = ctx.project.run(["pull", "--out", "pulled.ts"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stderr).not.toContain("is not in this file");
    const code = readFileSync(join(ctx.project.dir, "pulled.ts"), "utf8");
    expect(code).toContain(`rowLevelSecurity: "forced"`);
    expect(code).toMatch(/policy\(\s*"team_reads",\s*"orders",\s*\{[^}]*for: "select",\s*to: \[/);
    writeFileSync(join(ctx.project.dir, "schema.ts"), code);
    const again = ctx.project.run(["check"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);

    const next: Model = { ownerCheck: "owner = session_user", teamRoles: [reader], notesPolicy: false, orders: "enabled" };
    write(next);
    const before = ctx.project.run(["check"]);
    expect(before.code, before.stdout + before.stderr).toBe(1);
    const change = ctx.project.run(["revision", "--autogenerate", "-m", "change"]);
    expect(change.code, change.stderr).toBe(0);
    const changeFile = readFileSync(change.stdout.match(/\S+\.ts/)![0], "utf8");
    expect(changeFile).toMatch(/op\.alterTableOptions\("orders", \{\s*rowLevelSecurity: "enabled",\s*existingRowLevelSecurity: "forced",?\s*\}\)/);
    expect(changeFile).toMatch(/op\.dropObject\(\s*policy\("notes_read", "notes"/);
    const sql = ctx.project.run(["upgrade", "head", "--sql"]);
    expect(sql.stdout).toContain(`ALTER POLICY "owners_only" ON "orders" TO PUBLIC USING (owner = session_user) WITH CHECK (owner = session_user)`);
    expect(sql.stdout).toContain(`ALTER POLICY "team_reads" ON "orders" TO "${reader}" USING (is_member(team))`);
    const up2 = ctx.project.run(["upgrade", "head"]);
    expect(up2.code, up2.stderr).toBe(0);
    expect(ctx.project.run(["check"]).code).toBe(0);

    // The same model on an empty database, written by autogenerate alone.
    const fresh = await freshDatabase("postgres", cleanup);
    const folder = projectFolder("rls", cleanup);
    writeFileSync(join(folder.dir, "schema.ts"), schema(next));
    folder.step(["--url", fresh.url, "revision", "--autogenerate", "-m", "all"]);
    folder.step(["--url", fresh.url, "upgrade", "head"]);
    const [built, upgraded] = [await catalogText(fresh), await catalogText(ctx.db)];
    expect(catalogDiff(built, upgraded), "built from the new model (-) and upgraded (+)").toEqual([]);
    expect((await securityLines(ctx.db)).slice(0, 2)).toEqual(["table public.notes row security", "table public.orders row security"]);

    const down = ctx.project.run(["downgrade", "-1"]);
    expect(down.code, down.stderr).toBe(0);
    expect(catalogDiff(first, await catalogText(ctx.db)), "first state (-) and downgraded (+)").toEqual([]);
  });
});
