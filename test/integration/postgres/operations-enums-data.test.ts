/**
 * Enum, raw SQL and bulk insert operations against a real PostgreSQL database: apply each operation, check the result by reflecting,
 * apply an explicitly written inverse, and check that reflection is back to exactly what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { sql } from "../../../src/core/sql.js";
import { openKit, type PgKit } from "./pg-test-kit.js";
import { col, findColumn, table } from "./schema-builders.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("postgres enum and data operations: apply, reflect, inverse, reflect", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit(["public", "sales"]);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("createEnum <-> dropEnum, and dropEnum <-> createEnum", async () => {
    const e = { schema: "sales", name: "Stage", values: ["lead", "won", "it's lost"] };
    await kit.roundTrip([{ kind: "createEnum", enum: e }], [{ kind: "dropEnum", schema: "sales", name: "Stage", existing: e }], (after) => {
      expect(after.enums).toContainEqual(e);
    });
    await kit.apply({ kind: "createEnum", enum: e });
    await kit.roundTrip([{ kind: "dropEnum", schema: "sales", name: "Stage", existing: e }], [{ kind: "createEnum", enum: e }], (after) => {
      expect(after.enums.some((x) => x.name === "Stage")).toBe(false);
    });
  });

  it("addEnumValue (BEFORE/AFTER/end) <-> rebuild the type from existingValues", async () => {
    const values = ["lead", "won", "it's lost"];
    await kit.roundTrip(
      [
        { kind: "addEnumValue", schema: "sales", name: "Stage", value: "new", before: "lead", existingValues: values },
        { kind: "addEnumValue", schema: "sales", name: "Stage", value: "open", after: "lead" },
        { kind: "addEnumValue", schema: "sales", name: "Stage", value: "gone" },
      ],
      [
        { kind: "dropEnum", schema: "sales", name: "Stage" },
        { kind: "createEnum", enum: { schema: "sales", name: "Stage", values } },
      ],
      (after) => expect(after.enums.find((x) => x.name === "Stage")?.values).toEqual(["new", "lead", "open", "won", "it's lost", "gone"]),
    );
  });

  it("renameEnumValue <-> renameEnumValue back, values in use follow", async () => {
    const mood = { kind: "enum" as const, name: "mood", values: ["sad", "ok"], schema: null };
    await kit.apply({ kind: "createEnum", enum: { schema: null, name: "mood", values: ["sad", "ok"] } }, { kind: "createTable", table: table("moods", [col("m", mood)]) });
    await kit.apply({ kind: "bulkInsert", table: "moods", rows: [{ m: "sad" }, { m: "ok" }] });
    await kit.roundTrip(
      [{ kind: "renameEnumValue", name: "mood", from: "sad", to: "blue" }],
      [{ kind: "renameEnumValue", name: "mood", from: "blue", to: "sad" }],
      async (after) => {
        expect(after.enums.find((x) => x.name === "mood")?.values).toEqual(["blue", "ok"]);
        expect(findColumn(after, "moods", "m")?.type).toEqual({ ...mood, values: ["blue", "ok"] });
        expect(await kit.rows("SELECT m::text AS m FROM moods ORDER BY moods.m")).toEqual([{ m: "blue" }, { m: "ok" }]);
      },
    );
    expect(await kit.rows("SELECT m::text AS m FROM moods ORDER BY moods.m")).toEqual([{ m: "sad" }, { m: "ok" }]);
  });

  it("execute with bound values <-> its reverse", async () => {
    await kit.roundTrip(
      [{ kind: "execute", sql: sql`CREATE TABLE exec_made AS SELECT ${"o'k"}::text AS v, ${5}::int AS n` }],
      [{ kind: "execute", sql: "DROP TABLE exec_made" }],
      async () => expect(await kit.rows("SELECT v, n FROM exec_made")).toEqual([{ v: "o'k", n: 5 }]),
    );
  });

  it("bulkInsert: JSON, arrays, defaults and more rows than one statement can bind", async () => {
    await kit.apply({
      kind: "createTable",
      table: table("events", [
        col("id", { kind: "integer" }, { nullable: false }),
        col("doc", { kind: "jsonb" }),
        col("tags", { kind: "array", of: { kind: "text" } }),
        col("kind", { kind: "text" }, { default: { kind: "literal", value: "plain" } }),
      ]),
    });
    const columns = [
      { name: "id", type: { kind: "integer" as const } },
      { name: "doc", type: { kind: "jsonb" as const } },
      { name: "tags", type: { kind: "array" as const, of: { kind: "text" as const } } },
    ];
    const many = Array.from({ length: 30_000 }, (_, i) => ({ id: i, doc: i % 2 ? ["list", i] : { i }, tags: ["t", `x${i}`] }));
    const statements = await kit.apply({ kind: "bulkInsert", table: "events", columns, rows: many });
    expect(statements.length).toBe(2);
    expect(await kit.rows("SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM events")).toEqual([{ n: 30_000, d: 30_000 }]);
    expect(await kit.rows("SELECT id, doc, tags, kind FROM events WHERE id IN (0, 29999) ORDER BY id")).toEqual([
      { id: 0, doc: { i: 0 }, tags: ["t", "x0"], kind: "plain" },
      { id: 29999, doc: ["list", 29999], tags: ["t", "x29999"], kind: "plain" },
    ]);
    await kit.apply({ kind: "execute", sql: "DELETE FROM events" });
    expect(await kit.rows("SELECT count(*)::int AS n FROM events")).toEqual([{ n: 0 }]);
  });
});
