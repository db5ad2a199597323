/**
 * exclude(...) in the model: its element forms (a `[element, operator]` pair, or the element's
 * object with its operator), its options, the naming convention's name, and the model errors that
 * stop what PostgreSQL would refuse halfway through a migration.
 */
import { describe, expect, it } from "vitest";
import { assignNames, buildTable, exclude, integer, rawType, resolveNaming, sql, boolean, table } from "../../../src/model/index.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import { isMigrateError } from "../../../src/errors.js";

const columns = { room_id: integer().notNull(), during: rawType("tstzrange"), cancelled: boolean() };

function built(...exclusions: ReturnType<typeof exclude>[]) {
  return buildTable({ name: "bookings", columns, extras: { exclusions } });
}

function modelError(run: () => unknown): { message: string; hint?: string } {
  try {
    run();
  } catch (e) {
    if (isMigrateError(e) && e.code === "model") return { message: e.message, hint: e.hint };
    throw e;
  }
  throw new Error("no model error");
}

describe("exclude()", () => {
  it("takes [element, operator] pairs and element objects with their operator", () => {
    const t = built(
      exclude([["room_id", "="], ["during", "&&"]], { name: "no_overlap", using: "gist", where: "NOT cancelled", deferrable: true }),
      exclude([{ expression: "tstzrange(lower(during), upper(during))", operator: "&&", opclass: "range_ops" }, [sql`room_id`, "="]], { name: "by_expr", using: "gist", include: ["cancelled"] }),
    );
    expect(t.exclusions).toEqual([
      { name: "no_overlap", using: "gist", elements: [{ column: "room_id", operator: "=" }, { column: "during", operator: "&&" }], where: "NOT cancelled", deferrable: true },
      {
        name: "by_expr",
        using: "gist",
        elements: [{ expression: "tstzrange(lower(during), upper(during))", opclass: "range_ops", operator: "&&" }, { expression: "room_id", operator: "=" }],
        include: ["cancelled"],
      },
    ]);
  });

  it("uses PostgreSQL's default method, btree, when none is given, and leaves a table without any unchanged", () => {
    expect(built(exclude([["room_id", "="]], { name: "x" })).exclusions?.[0]?.using).toBe("btree");
    expect(buildTable({ name: "plain", columns })).not.toHaveProperty("exclusions");
  });

  it("gets the naming convention's name, PostgreSQL's own <table>_<columns>_excl", () => {
    const [t] = assignNames([built(exclude([["room_id", "="], ["during", "&&"]], { using: "gist" }))], resolveNaming());
    expect(t!.exclusions?.[0]?.name).toBe("bookings_room_id_during_excl");
  });

  it("types its column names against the table's columns", () => {
    // @ts-expect-error "room" is no column of the table
    table("typed", columns, { exclusions: [exclude([["room", "="]], { using: "gist" })] });
    expect(true).toBe(true);
  });

  it.each([
    ["no elements", () => built(exclude([], { using: "gist" })), /has no elements/],
    ["an element without its operator", () => built(exclude([{ column: "room_id" } as never], { using: "gist" })), /has no operator/],
    ["an operator that is not one", () => built(exclude([["room_id", "= 1; DROP TABLE x"]], { using: "gist" })), /is not an operator name/],
    ["name: null", () => built(exclude([["room_id", "="]], { name: null, using: "gist" })), /declared with name: null/],
  ])("refuses %s", (_what, run, message) => {
    expect(modelError(run).message).toMatch(message);
  });

  it("refuses an element naming a column the table does not have", () => {
    const bad = table("bad", columns, (t) => ({ exclusions: [exclude([[t.room_id, "="], ["nope" as typeof t.room_id, "="]], { name: "bad_x", using: "gist" })] }));
    expect(modelError(() => schemaFromModel({ bad })).message).toMatch(/Exclusion constraint bad_x of table bad names column nope/);
  });
});
