/**
 * `.primaryKey({ descending: true })`: SQLite's one-column PRIMARY KEY DESC in the catalog, and a
 * clear refusal when it is asked of a composite key.
 */
import { describe, expect, it } from "vitest";
import { defineSchema, integer, table, text } from "../../../src/model/index.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import { isMigrateError } from "../../../src/errors.js";

describe(".primaryKey({ descending: true })", () => {
  it("puts a descending, inline key in the catalog; without it the key is plain", () => {
    const built = schemaFromModel(defineSchema({ tables: [table("events", { id: integer().primaryKey({ descending: true }), note: text() })] }));
    expect(built.tables[0]!.primaryKey).toEqual({ name: "events_pkey", columns: ["id"], inline: true, descending: true });
    const plain = schemaFromModel(defineSchema({ tables: [table("events", { id: integer().primaryKey(), note: text() })] }));
    expect(plain.tables[0]!.primaryKey).not.toHaveProperty("descending");
  });

  it("is refused on a composite key, naming the table and the column", () => {
    let error: unknown;
    try {
      schemaFromModel(defineSchema({ tables: [table("pairs", { a: integer().primaryKey({ descending: true }), b: integer().primaryKey() })] }));
    } catch (e) {
      error = e;
    }
    expect(isMigrateError(error), String(error)).toBe(true);
    expect((error as Error).message).toBe("Table pairs: .primaryKey({ descending: true }) on a is part of a composite key, and PRIMARY KEY DESC is a one-column key's.");
  });
});
