import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { EnumSchema, TableSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, MYSQL_CAPS, PG_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };
const mood = (values: string[], schema: string | null = null): EnumSchema => ({ schema, name: "mood", values });
const person = (values: string[]): TableSchema => withId("person", [col("mood", { kind: "enum", name: "mood", values, schema: null })]);

describe("compareSchemas: enum types", () => {
  it("creates an enum type before the table that uses it", () => {
    const { operations } = compareSchemas(db([person(["sad", "ok"])], [mood(["sad", "ok"])]), db([]), pg);
    expect(describeOps(operations)).toEqual(["createEnum mood", "createTable person"]);
    expect(operations[0]).toEqual({ kind: "createEnum", enum: mood(["sad", "ok"]) });
  });

  it("drops an enum type after the table that used it, carrying its values", () => {
    const { operations } = compareSchemas(db([]), db([person(["sad", "ok"])], [mood(["sad", "ok"])]), pg);
    expect(describeOps(operations)).toEqual(["dropTable person", "dropEnum mood"]);
    expect(operations[1]).toEqual({ kind: "dropEnum", name: "mood", existing: mood(["sad", "ok"]) });
  });

  it("adds appended values after the last one, with the values before the change", () => {
    const { operations } = compareSchemas(db([person([])], [mood(["sad", "ok", "happy"])]), db([person([])], [mood(["sad", "ok"])]), pg);
    expect(operations).toEqual([{ kind: "addEnumValue", name: "mood", value: "happy", after: "ok", existingValues: ["sad", "ok"] }]);
  });

  it("adds inserted values at their position, in order", () => {
    const { operations } = compareSchemas(db([], [mood(["awful", "sad", "meh", "ok"])]), db([], [mood(["sad", "ok"])]), pg);
    expect(operations).toEqual([
      { kind: "addEnumValue", name: "mood", value: "awful", before: "sad", existingValues: ["sad", "ok"] },
      { kind: "addEnumValue", name: "mood", value: "meh", after: "sad", existingValues: ["awful", "sad", "ok"] },
    ]);
  });

  it("keeps the enum's schema on its operations", () => {
    const { operations } = compareSchemas(db([], [mood(["a", "b"], "app")]), db([], [mood(["a"], "app")]), pg);
    expect(operations).toEqual([{ kind: "addEnumValue", schema: "app", name: "mood", value: "b", after: "a", existingValues: ["a"] }]);
  });

  it("swaps an enum in use whose values were removed: columns through text, drop, create, convert back", () => {
    const result = compareSchemas(db([person([])], [mood(["sad", "happy"])]), db([person([])], [mood(["sad", "ok"])]), pg);
    expect(describeOps(result.operations)).toEqual(["alterColumn person.mood", "dropEnum mood", "createEnum mood", "alterColumn person.mood"]);
    expect(result.operations[0]).toMatchObject({ type: { kind: "text" }, existingType: { kind: "enum", name: "mood" } });
    expect(result.operations[2]).toEqual({ kind: "createEnum", enum: mood(["sad", "happy"]) });
    expect(result.operations[3]).toMatchObject({ type: { kind: "enum", name: "mood", values: ["sad", "happy"] }, existingType: { kind: "text" } });
    expect(result.warnings[0]).toMatch(/enum mood: values 'ok' were removed, so the type is swapped \(person\.mood convert through text\); rows holding 'ok' make the upgrade fail/);
    // One value out, one in: maybe a rename, which is hinted, never guessed.
    expect(result.warnings[1]).toContain('await op.renameEnumValue("mood", "ok", "happy");');
  });

  it("converts a swapped column back with the model's default, in the swap alone, and the downgrade restores the old one", () => {
    const withDefault = (values: string[], value: string) =>
      withId("person", [col("mood", { kind: "enum", name: "mood", values, schema: null }, { nullable: false, default: { kind: "literal", value } })]);
    // 'admin' is removed and was the default: it cannot be set back on the new type, even for a moment.
    const result = compareSchemas(db([withDefault([], "viewer")], [mood(["owner", "viewer"])]), db([withDefault([], "admin")], [mood(["owner", "admin"])]), pg);
    expect(describeOps(result.operations)).toEqual(["alterColumn person.mood", "dropEnum mood", "createEnum mood", "alterColumn person.mood"]);
    expect(result.operations[0]).toMatchObject({ type: { kind: "text" }, default: null, existingDefault: { kind: "literal", value: "admin" } });
    expect(result.operations[3]).toMatchObject({ type: { kind: "enum", values: ["owner", "viewer"] }, default: { kind: "literal", value: "viewer" }, existingDefault: null });
    const down = reverseAll(result.operations, result.reversals);
    expect(describeOps(down)).toEqual(["alterColumn person.mood", "dropEnum mood", "createEnum mood", "alterColumn person.mood"]);
    expect(down[0]).toMatchObject({ type: { kind: "text" }, default: null, existingDefault: { kind: "literal", value: "viewer" } });
    expect(down[3]).toMatchObject({ type: { kind: "enum", values: ["owner", "admin"] }, default: { kind: "literal", value: "admin" } });
  });

  it("takes down an index or check that names a swapped column around the swap, unless the table diff already drops it", () => {
    const owners = (values: string[], where: string) =>
      withId("person", [col("mood", { kind: "enum", name: "mood", values, schema: null })], {
        indexes: [
          { name: "person_ok", elements: [{ column: "id" }], unique: true, where: "(mood = 'ok'::mood)" },
          { name: "person_mood", elements: [{ column: "mood" }], unique: false },
          { name: "person_lower", elements: [{ expression: "lower(mood::text)" }], unique: false, where },
        ],
        checks: [{ name: "person_mood_check", expression: "mood <> 'sad'::mood OR id > 0" }, { name: "person_id_check", expression: "id > 0" }],
      });
    // person_lower changes (its predicate): the table diff drops and creates it, the swap leaves it alone.
    const result = compareSchemas(db([owners([], "id > 1")], [mood(["ok", "happy"])]), db([owners([], "id > 0")], [mood(["sad", "ok"])]), pg);
    expect(describeOps(result.operations)).toEqual([
      "dropIndex person.person_lower",
      "dropIndex person.person_ok",
      "dropConstraint person.person_mood_check",
      "alterColumn person.mood",
      "dropEnum mood",
      "createEnum mood",
      "alterColumn person.mood",
      "createCheckConstraint person.person_mood_check",
      "createIndex person.person_lower",
      "createIndex person.person_ok",
    ]);
    // The downgrade takes them down again before the swap back and restores them after it.
    const down = describeOps(reverseAll(result.operations, result.reversals));
    expect(down.indexOf("dropIndex person.person_ok")).toBeLessThan(down.indexOf("dropEnum mood"));
    expect(down.indexOf("createIndex person.person_ok")).toBeGreaterThan(down.lastIndexOf("alterColumn person.mood"));
  });

  it("gives the downgrade of added values the same care for indexes that name the column", () => {
    const ok = (values: string[]) => withId("person", [col("mood", { kind: "enum", name: "mood", values, schema: null })], { indexes: [{ name: "person_ok", elements: [{ column: "id" }], unique: false, where: "mood = 'ok'::mood" }] });
    const result = compareSchemas(db([ok([])], [mood(["sad", "ok", "happy"])]), db([ok([])], [mood(["sad", "ok"])]), pg);
    expect(describeOps(reverseAll(result.operations, result.reversals))).toEqual([
      "dropIndex person.person_ok",
      "alterColumn person.mood",
      "dropEnum mood",
      "createEnum mood",
      "alterColumn person.mood",
      "createIndex person.person_ok",
    ]);
  });

  it("swaps an enum in use whose values were reordered, and the swap reverses into the swap back", () => {
    const result = compareSchemas(db([person([])], [mood(["ok", "sad"])]), db([person([])], [mood(["sad", "ok"])]), pg);
    expect(describeOps(result.operations)).toEqual(["alterColumn person.mood", "dropEnum mood", "createEnum mood", "alterColumn person.mood"]);
    expect(result.warnings[0]).toMatch(/its values were reordered, so the type is swapped/);
    const down = reverseAll(result.operations, result.reversals);
    expect(describeOps(down)).toEqual(["alterColumn person.mood", "dropEnum mood", "createEnum mood", "alterColumn person.mood"]);
    expect(down[2]).toEqual({ kind: "createEnum", enum: mood(["sad", "ok"]) });
  });

  it("gives added values a downgrade that swaps the type back to the values it had", () => {
    const result = compareSchemas(db([person([])], [mood(["awful", "sad", "ok", "happy"])]), db([person([])], [mood(["sad", "ok"])]), pg);
    expect(describeOps(result.operations)).toEqual(["addEnumValue mood awful", "addEnumValue mood happy"]);
    const down = reverseAll(result.operations, result.reversals);
    expect(describeOps(down)).toEqual(["alterColumn person.mood", "dropEnum mood", "createEnum mood", "alterColumn person.mood"]);
    expect(down[1]).toEqual({ kind: "dropEnum", name: "mood", existing: mood(["awful", "sad", "ok", "happy"]) });
    expect(down[2]).toEqual({ kind: "createEnum", enum: mood(["sad", "ok"]) });
    expect(result.warnings).toEqual(["enum mood: the downgrade removes 'awful', 'happy' by swapping the type; rows holding them then make the downgrade fail: update them first"]);
  });

  it("leaves an enum used by an array column to a hand-written migration, as an unmanaged difference check fails on", () => {
    const tags = (values: string[]) => withId("person", [col("moods", { kind: "array", of: { kind: "enum", name: "mood", values, schema: null } })]);
    const result = compareSchemas(db([tags([])], [mood(["ok", "sad"])]), db([tags([])], [mood(["sad", "ok"])]), pg);
    expect(result.operations).toEqual([]);
    expect(result.unmanaged).toHaveLength(1);
    expect(result.unmanaged[0]).toMatch(/^enum mood: its values were reordered in the model, but array columns use it \(person\.moods\)/);
  });

  it("drops and recreates an unused enum whose values were removed, the drop first", () => {
    const { operations } = compareSchemas(db([person([])], [mood(["sad"])]), db([withId("person")], [mood(["sad", "ok"])]), pg);
    expect(describeOps(operations)).toEqual(["dropEnum mood", "createEnum mood", "addColumn person.mood"]);
  });

  it("ignores enum types where the dialect has none", () => {
    expect(compareSchemas(db([], [mood(["a"])]), db([]), { capabilities: MYSQL_CAPS }).operations).toEqual([]);
  });
});
