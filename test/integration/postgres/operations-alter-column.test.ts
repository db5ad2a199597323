/**
 * alterColumn in all its forms, with rows that must survive every change, against a real PostgreSQL database: apply each operation, check the result by reflecting,
 * apply an explicitly written inverse, and check that reflection is back to exactly what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { openKit, type PgKit } from "./pg-test-kit.js";
import { col, findColumn, people, peopleRows, table } from "./schema-builders.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("postgres alterColumn: apply, reflect, inverse, reflect", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
    await kit.apply({ kind: "createTable", table: people });
    await kit.apply({ kind: "bulkInsert", table: "people", rows: peopleRows });
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("alterColumn: varchar(20) -> text and back keeps rows", async () => {
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "people", column: "name", type: { kind: "text" }, existingType: { kind: "varchar", length: 20 } }],
      [{ kind: "alterColumn", table: "people", column: "name", type: { kind: "varchar", length: 20 }, existingType: { kind: "text" } }],
      (after) => expect(findColumn(after, "people", "name")?.type).toEqual({ kind: "text" }),
    );
    expect(await kit.rows("SELECT name FROM people ORDER BY id")).toEqual([{ name: "ann" }, { name: "bob" }]);
  });

  it("alterColumn: text -> integer with USING, nullability, default, comment and rename, and back", async () => {
    await kit.roundTrip(
      [
        {
          kind: "alterColumn", table: "people", column: "age", newName: "years",
          type: { kind: "integer" }, existingType: { kind: "text" }, using: "age::integer",
          nullable: false, existingNullable: true, default: { kind: "literal", value: 0 }, existingDefault: null,
          comment: "in years", existingComment: null,
        },
      ],
      [
        {
          kind: "alterColumn", table: "people", column: "years", newName: "age",
          type: { kind: "text" }, existingType: { kind: "integer" }, using: "years::text",
          nullable: true, existingNullable: false, default: null, existingDefault: { kind: "literal", value: 0 },
          comment: null, existingComment: "in years",
        },
      ],
      async (after) => {
        expect(findColumn(after, "people", "years")).toEqual(col("years", { kind: "integer" }, { nullable: false, default: { kind: "literal", value: 0 }, comment: "in years" }));
        expect(await kit.rows("SELECT years FROM people ORDER BY id")).toEqual([{ years: 41 }, { years: 7 }]);
      },
    );
    expect(await kit.rows("SELECT age FROM people ORDER BY id")).toEqual([{ age: "41" }, { age: "7" }]);
  });

  it("alterColumn: serial -> identity -> serial keeps rows and keeps counting past them", async () => {
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "people", column: "id", generated: { kind: "identity", always: false }, existingGenerated: { kind: "autoincrement" } }],
      [{ kind: "alterColumn", table: "people", column: "id", generated: { kind: "autoincrement" }, existingGenerated: { kind: "identity", always: false }, existingType: { kind: "integer" } }],
      async (after) => {
        expect(findColumn(after, "people", "id")?.generated).toEqual({ kind: "identity", always: false });
        expect(findColumn(after, "people", "id")?.default).toBeNull();
        await kit.conn.query("INSERT INTO people (name) VALUES ('cy')");
      },
    );
    await kit.conn.query("INSERT INTO people (name) VALUES ('di')");
    expect(await kit.rows("SELECT id, name FROM people ORDER BY id")).toEqual([
      { id: 1, name: "ann" },
      { id: 2, name: "bob" },
      { id: 3, name: "cy" },
      { id: 4, name: "di" },
    ]);
    await kit.conn.query("DELETE FROM people WHERE id > 2");
  });

  it("alterColumn: identity always <-> by default, and adding/dropping identity on a plain column", async () => {
    await kit.apply({ kind: "createTable", table: table("counters", [col("n", { kind: "bigint" }, { nullable: false }), col("label", { kind: "text" })]) });
    await kit.conn.query("INSERT INTO counters (n, label) VALUES (10, 'ten'), (20, 'twenty')");
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "counters", column: "n", generated: { kind: "identity", always: true }, existingGenerated: null }],
      [{ kind: "alterColumn", table: "counters", column: "n", generated: null, existingGenerated: { kind: "identity", always: true } }],
      async (after) => {
        expect(findColumn(after, "counters", "n")?.generated).toEqual({ kind: "identity", always: true });
        await kit.apply({ kind: "alterColumn", table: "counters", column: "n", generated: { kind: "identity", always: false }, existingGenerated: { kind: "identity", always: true } });
        expect(findColumn(await kit.reflectAll(), "counters", "n")?.generated).toEqual({ kind: "identity", always: false });
        await kit.conn.query("INSERT INTO counters (label) VALUES ('next')");
        await kit.apply({ kind: "alterColumn", table: "counters", column: "n", generated: { kind: "identity", always: true }, existingGenerated: { kind: "identity", always: false } });
      },
    );
    expect(await kit.rows("SELECT n, label FROM counters ORDER BY n")).toEqual([
      { n: "10", label: "ten" },
      { n: "20", label: "twenty" },
      { n: "21", label: "next" },
    ]);
  });

  it("alterColumn: plain -> serial -> plain, the sequence starting past existing values and removed afterwards", async () => {
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "counters", column: "n", generated: { kind: "autoincrement" }, existingGenerated: null, existingType: { kind: "bigint" } }],
      [{ kind: "alterColumn", table: "counters", column: "n", generated: null, existingGenerated: { kind: "autoincrement" } }],
      async (after) => {
        expect(findColumn(after, "counters", "n")?.generated).toEqual({ kind: "autoincrement" });
        await kit.conn.query("INSERT INTO counters (label) VALUES ('serial')");
        expect(await kit.rows("SELECT n FROM counters WHERE label = 'serial'")).toEqual([{ n: "22" }]);
      },
    );
    expect(await kit.rows("SELECT count(*)::int AS n FROM pg_class WHERE relkind = 'S' AND relname = 'counters_n_seq'")).toEqual([{ n: 0 }]);
  });

  it("alterColumn: text -> enum with USING and back", async () => {
    const mood = { kind: "enum" as const, name: "mood", values: ["sad", "ok"], schema: null };
    await kit.apply({ kind: "createEnum", enum: { schema: null, name: "mood", values: ["sad", "ok"] } });
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "people", column: "mood", type: mood, existingType: { kind: "text" }, using: "mood::mood" }],
      [{ kind: "alterColumn", table: "people", column: "mood", type: { kind: "text" }, existingType: mood, using: "mood::text" }],
      (after) => expect(findColumn(after, "people", "mood")?.type).toEqual(mood),
    );
    expect(await kit.rows("SELECT mood FROM people ORDER BY id")).toEqual([{ mood: "sad" }, { mood: "ok" }]);
  });

  it("alterColumn: varchar with a default -> enum (the default cannot cast automatically) keeps the default, and back", async () => {
    const kind = { kind: "enum" as const, name: "kind", values: ["chore", "bug"], schema: null };
    const chore = { kind: "literal" as const, value: "chore" };
    await kit.apply(
      { kind: "createEnum", enum: { schema: null, name: "kind", values: ["chore", "bug"] } },
      { kind: "createTable", table: table("jobs", [col("id", { kind: "integer" }, { nullable: false }), col("kind", { kind: "varchar", length: 20 }, { nullable: false, default: chore })]) },
    );
    await kit.conn.query("INSERT INTO jobs (id) VALUES (1); INSERT INTO jobs VALUES (2, 'bug')");
    const defaultText = async () => (await kit.rows("SELECT pg_get_expr(adbin, adrelid) AS d FROM pg_attrdef WHERE adrelid = 'jobs'::regclass"))[0]?.d;
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "jobs", column: "kind", type: kind, existingType: { kind: "varchar", length: 20 }, existingDefault: chore }],
      [{ kind: "alterColumn", table: "jobs", column: "kind", type: { kind: "varchar", length: 20 }, existingType: kind, existingDefault: chore }],
      async (after) => {
        expect(findColumn(after, "jobs", "kind")).toMatchObject({ type: kind, default: chore });
        expect(await defaultText()).toBe("'chore'::kind");
      },
    );
    expect(await defaultText()).toBe("'chore'::character varying");
    expect(await kit.rows("SELECT id, kind FROM jobs ORDER BY id")).toEqual([{ id: 1, kind: "chore" }, { id: 2, kind: "bug" }]);
  });

  it("alterColumn: computed -> plain keeps the computed values; inverse rebuilds the column", async () => {
    const doubled = people.columns[6]!;
    await kit.conn.query("UPDATE people SET org_id = 5 WHERE name = 'ann'");
    const values = (): Promise<Record<string, unknown>[]> => kit.rows("SELECT doubled FROM people ORDER BY id");
    await kit.roundTrip(
      [{ kind: "alterColumn", table: "people", column: "doubled", generated: null, existingGenerated: doubled.generated }],
      [
        { kind: "dropColumn", table: "people", column: "doubled" },
        { kind: "addColumn", table: "people", column: doubled },
      ],
      async (after) => {
        expect(findColumn(after, "people", "doubled")).toEqual({ ...doubled, generated: null });
        expect(await values()).toEqual([{ doubled: 10 }, { doubled: null }]);
      },
    );
    expect(await values()).toEqual([{ doubled: 10 }, { doubled: null }]);
    await kit.conn.query("UPDATE people SET org_id = NULL");
  });
});
