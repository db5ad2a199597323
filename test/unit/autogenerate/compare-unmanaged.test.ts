import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { filterSchema } from "../../../src/autogenerate/filters.js";
import { pullLimitations } from "../../../src/pull/limitations.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { db, PG_CAPS, withId } from "./fixtures.js";

const reflected: DatabaseSchema = {
  ...db([withId("bookings"), withId("scratch")]),
  unmanagedObjects: [
    { kind: "exclusion constraint", name: "no_overlap", table: "bookings", detail: "EXCLUDE USING gist (room WITH =,\n during WITH &&)" },
    { kind: "unlogged table", name: "scratch", table: "scratch" },
    { kind: "forced-but-disabled row-level security", name: "bookings", table: "bookings", detail: "FORCE ROW LEVEL SECURITY without ENABLE" },
    { kind: "text search parser", schema: "app", name: "my_parser" },
  ],
};

describe("what the database holds and the model cannot", () => {
  it("is a difference check fails on, one line per item by kind and name with the database's text, though no operation is pending", () => {
    const result = compareSchemas(db([withId("bookings"), withId("scratch")]), reflected, { capabilities: PG_CAPS });
    expect(result.operations).toEqual([]);
    expect(result.unmanaged).toHaveLength(4);
    expect(result.unmanaged[0]).toMatch(/^exclusion constraint no_overlap on bookings \(EXCLUDE USING gist \(room WITH =, during WITH &&\)\): the database holds it and athanor does not manage exclusion constraints/);
    expect(result.unmanaged[1]).toMatch(/^unlogged table scratch: .* does not manage unlogged tables/);
    expect(result.unmanaged[2]).toMatch(/^forced-but-disabled row-level security bookings \(FORCE ROW LEVEL SECURITY without ENABLE\): .* does not manage forced-but-disabled row-level security,/);
    expect(result.unmanaged[3]).toMatch(/^text search parser app\.my_parser: /);
  });

  it("leaves with its table when the table filter leaves the table out", () => {
    const filtered = filterSchema(reflected, { excludeTables: ["book*"] });
    expect(filtered.unmanagedObjects?.map((u) => u.name)).toEqual(["scratch", "my_parser"]);
  });

  it("is listed by pull, by kind and name", () => {
    expect(pullLimitations(reflected).slice(0, 2)).toEqual([
      "exclusion constraint no_overlap on bookings (EXCLUDE USING gist (room WITH =, during WITH &&)) is not in this file: athanor does not manage exclusion constraints (check reports it)",
      "unlogged table scratch is not in this file: athanor does not manage unlogged tables (check reports it)",
    ]);
  });
});
