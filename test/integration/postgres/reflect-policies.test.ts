/**
 * Row-level security and policies against a real database: reflection reads relrowsecurity and
 * relforcerowsecurity into the table and each pg_policy row into a policy object (its clauses,
 * roles by name, expressions as pg_get_expr prints them, what pg_depend says it uses); a model
 * declaring the same with its own spelling compares equal; a changed policy compiles to ALTER
 * POLICY (or DROP and CREATE where ALTER cannot reach it) and reflects back as the model; FORCE
 * on a table whose row-level security is off, and a comment on a policy, stay unmanaged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { useTestRoles } from "../../helpers/test-roles.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { policy } from "../../../src/model/policy.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("PostgreSQL row-level security and policies, reflected", () => {
  // Registered first: the kit's database, whose policies name the roles, is dropped before them.
  const roles = useTestRoles(["auditor", "clerk"]);
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
    const { auditor, clerk } = roles.names;
    await kit.conn.query(`CREATE FUNCTION is_member(team integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT team > 0 $$;
      CREATE TABLE teams (id integer PRIMARY KEY);
      CREATE TABLE ledger (id integer PRIMARY KEY, team integer NOT NULL, amount integer NOT NULL, owner text);
      ALTER TABLE ledger ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE TABLE drafts (id integer);
      ALTER TABLE drafts FORCE ROW LEVEL SECURITY;
      CREATE TABLE open_notes (id integer);
      ALTER TABLE open_notes ENABLE ROW LEVEL SECURITY;
      CREATE POLICY small_inserts ON ledger AS RESTRICTIVE FOR INSERT TO ${clerk} WITH CHECK (amount < 1000);
      CREATE POLICY team_reads ON ledger FOR SELECT TO ${clerk}, ${auditor} USING (is_member(team));
      CREATE POLICY known_teams ON ledger USING (EXISTS (SELECT 1 FROM teams t WHERE t.id = team)) WITH CHECK (owner = current_user);
      CREATE POLICY commented ON open_notes USING (true);
      COMMENT ON POLICY commented ON open_notes IS 'for now'`);
  });
  afterAll(async () => kit?.close());

  const policies = (db: DatabaseSchema): DatabaseObject[] => (db.objects ?? []).filter((o) => o.kind === "policy");

  it("reads each table's switches and each policy's clauses, roles and dependencies", async () => {
    const { auditor, clerk } = roles.names;
    const db = await kit.reflectAll();
    const security = Object.fromEntries(db.tables.map((t) => [t.name, t.rowLevelSecurity ?? "disabled"]));
    expect(security).toEqual({ drafts: "disabled", ledger: "forced", open_notes: "enabled", teams: "disabled" });
    expect(policies(db).map(({ name, table, policy: clauses, dependsOn }) => ({ name, table, clauses, dependsOn }))).toEqual([
      { name: "commented", table: "open_notes", clauses: { as: "permissive", for: "all", to: ["public"], using: "true", withCheck: null }, dependsOn: ["table:.open_notes"] },
      {
        name: "known_teams",
        table: "ledger",
        clauses: { as: "permissive", for: "all", to: ["public"], using: "(EXISTS ( SELECT 1\n   FROM teams t\n  WHERE (t.id = ledger.team)))", withCheck: "(owner = CURRENT_USER)" },
        dependsOn: ["table:.ledger", "table:.teams"],
      },
      { name: "small_inserts", table: "ledger", clauses: { as: "restrictive", for: "insert", to: [clerk], using: null, withCheck: "(amount < 1000)" }, dependsOn: ["table:.ledger"] },
      { name: "team_reads", table: "ledger", clauses: { as: "permissive", for: "select", to: [auditor, clerk].sort(), using: "is_member(team)", withCheck: null }, dependsOn: ["function:.is_member", "table:.ledger"] },
    ]);
    expect(policies(db).find((p) => p.name === "small_inserts")?.definition).toBe(`CREATE POLICY small_inserts ON ledger AS RESTRICTIVE FOR INSERT TO ${clerk} WITH CHECK ((amount < 1000))`);
    expect(db.unmanagedObjects).toEqual(
      expect.arrayContaining([
        { kind: "forced-but-disabled row-level security", schema: null, name: "drafts", table: "drafts", detail: "FORCE ROW LEVEL SECURITY without ENABLE" },
        { kind: "policy comment", schema: null, name: "commented", table: "open_notes", detail: "for now" },
      ]),
    );
    expect((db.unmanagedObjects ?? []).filter((u) => u.table === "ledger")).toEqual([]);
  });

  it("compares equal to a model that spells the same clauses its own way, and a change reflects back as the model", async () => {
    const { auditor, clerk } = roles.names;
    const db = await kit.reflectAll();
    const model = [
      policy("commented", "open_notes", { using: "TRUE" }),
      policy("known_teams", "ledger", { using: "exists (select 1 from teams t where t.id = ledger.team)", withCheck: "owner = current_user", dependsOn: ["table:.teams"] }),
      policy("small_inserts", "ledger", { as: "restrictive", for: "insert", to: [clerk], withCheck: "amount < 1000" }),
      policy("team_reads", "ledger", { for: "select", to: [clerk, auditor], using: "is_member(team)", dependsOn: ["function:.is_member"] }),
    ].map((d) => d.object);
    const options = dialectCompareOptions(postgresDialect);
    const withPolicies = (objects: DatabaseObject[]): DatabaseSchema => ({ ...db, unmanagedObjects: undefined, objects: [...(db.objects ?? []).filter((o) => o.kind !== "policy"), ...objects] });
    expect(compareSchemas(withPolicies(model), db, options).operations).toEqual([]);

    // Other roles and expression: ALTER POLICY; a USING removed: DROP and CREATE.
    const changed = model.map((o) =>
      o.name === "team_reads" ? policy("team_reads", "ledger", { for: "select", to: [auditor], using: "is_member(team) AND team < 10" }).object
        : o.name === "known_teams" ? policy("known_teams", "ledger", { withCheck: "owner = current_user" }).object
          : o,
    );
    const ops = compareSchemas(withPolicies(changed), db, options).operations;
    expect(ops.map((op) => op.kind)).toEqual(["replaceObject", "replaceObject"]);
    const statements = await kit.apply(...ops);
    expect(statements.map((s) => s.sql)).toEqual([
      `DROP POLICY "known_teams" ON "ledger"`,
      `CREATE POLICY "known_teams" ON "ledger" AS PERMISSIVE FOR ALL TO PUBLIC WITH CHECK (owner = current_user)`,
      `ALTER POLICY "team_reads" ON "ledger" TO "${auditor}" USING (is_member(team) AND team < 10)`,
    ]);
    const after = await kit.reflectAll();
    expect(compareSchemas(withPolicies(changed), after, options).operations).toEqual([]);
    expect(policies(after).find((p) => p.name === "team_reads")?.policy).toEqual({ as: "permissive", for: "select", to: [auditor], using: "(is_member(team) AND (team < 10))", withCheck: null });
  });
});
