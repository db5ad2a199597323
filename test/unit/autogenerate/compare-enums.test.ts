import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
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

  it("adds what it can and warns when values of an enum in use are removed", () => {
    const result = compareSchemas(db([person([])], [mood(["sad", "happy"])]), db([person([])], [mood(["sad", "ok"])]), pg);
    expect(result.operations).toEqual([{ kind: "addEnumValue", name: "mood", value: "happy", after: "sad", existingValues: ["sad", "ok"] }]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/enum mood: values 'ok' were removed .* columns use it \(person\.mood\)/);
  });

  it("warns when the values of an enum in use are reordered", () => {
    const result = compareSchemas(db([person([])], [mood(["ok", "sad"])]), db([person([])], [mood(["sad", "ok"])]), pg);
    expect(result.operations).toEqual([]);
    expect(result.warnings[0]).toMatch(/its values were reordered/);
  });

  it("drops and recreates an unused enum whose values were removed, the drop first", () => {
    const { operations } = compareSchemas(db([person([])], [mood(["sad"])]), db([withId("person")], [mood(["sad", "ok"])]), pg);
    expect(describeOps(operations)).toEqual(["dropEnum mood", "createEnum mood", "addColumn person.mood"]);
  });

  it("ignores enum types where the dialect has none", () => {
    expect(compareSchemas(db([], [mood(["a"])]), db([]), { capabilities: MYSQL_CAPS }).operations).toEqual([]);
  });
});
