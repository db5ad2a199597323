/**
 * An enum swap that autogenerate writes, run for real: the type loses a value that is the
 * column's default and that a partial index and a CHECK compare the column with. The upgrade
 * must leave the database as the model says (nothing left to do), and its downgrade must bring
 * back exactly what was there, rows included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");
const options = dialectCompareOptions(postgresDialect);

describe.skipIf(!available)("postgres enum swap with dependents (autogenerate, apply, downgrade)", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit(["public"]);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("drops and recreates the partial index and CHECK that name the column, and converts it back with the model's default", async () => {
    await kit.conn.query(`CREATE TYPE role AS ENUM ('owner', 'admin', 'member');
      CREATE TABLE members (id integer PRIMARY KEY, team integer NOT NULL, role role NOT NULL DEFAULT 'admin',
        CONSTRAINT members_owner_team CHECK (role <> 'owner' OR team > 0));
      CREATE UNIQUE INDEX members_one_owner ON members (team) WHERE role = 'owner';
      CREATE INDEX members_role ON members (role);
      INSERT INTO members VALUES (1, 1, 'owner'), (2, 1, 'member');`);
    const before = await kit.reflectAll();
    // The model: 'admin' is gone, 'viewer' is new and the default; the index and check are unchanged.
    const target: DatabaseSchema = structuredClone(before);
    target.enums = target.enums.map((e) => (e.name === "role" ? { ...e, values: ["owner", "member", "viewer"] } : e));
    const members = target.tables.find((t) => t.name === "members")!;
    members.columns = members.columns.map((c) =>
      c.name === "role" ? { ...c, type: { kind: "enum", name: "role", values: ["owner", "member", "viewer"], schema: null }, default: { kind: "literal", value: "viewer" } } : c,
    );

    const diff = compareSchemas(target, before, options);
    await kit.apply(...diff.operations);
    const after = await kit.reflectAll();
    expect(compareSchemas(target, after, options).operations).toEqual([]);
    expect(after.tables.find((t) => t.name === "members")!.indexes.map((i) => i.name).sort()).toEqual(["members_one_owner", "members_role"]);
    expect(await kit.rows("SELECT id, role::text AS role, pg_get_expr(d.adbin, d.adrelid) AS dflt FROM members, pg_attrdef d WHERE d.adrelid = 'members'::regclass ORDER BY id")).toEqual([
      { id: 1, role: "owner", dflt: "'viewer'::role" },
      { id: 2, role: "member", dflt: "'viewer'::role" },
    ]);

    await kit.apply(...reverseAll(diff.operations, diff.reversals));
    expect(await kit.reflectAll()).toEqual(before);
    expect(await kit.rows("SELECT id, role::text AS role FROM members ORDER BY id")).toEqual([
      { id: 1, role: "owner" },
      { id: 2, role: "member" },
    ]);
  });
});
