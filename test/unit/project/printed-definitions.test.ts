/**
 * The model objects given to the database to print, and what compare makes of the print: an
 * object written differently from the live one is printed; a print equal to the live text is no
 * change, a different one is; the operations carry the model's own text, never the print.
 */
import { describe, expect, it } from "vitest";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import { compareObjects } from "../../../src/autogenerate/compare-objects.js";
import { adoptPrinted, differentlyWritten } from "../../../src/project/printed-definitions.js";
import { db } from "../autogenerate/fixtures.js";

const view = (name: string, definition: string): DatabaseObject => ({ kind: "view", schema: null, name, definition });
const withObjects = (objects: DatabaseObject[]) => ({ ...db([]), objects });
const sameText = (sql: string) => sql;

describe("printed definitions", () => {
  const live = withObjects([view("cheap", "SELECT products.id FROM products WHERE products.price < 10::numeric"), view("same", "SELECT 1 AS one")]);

  it("asks for the objects written otherwise than the live ones of the same key, and no others", () => {
    const model = withObjects([view("cheap", "select id from products where price < 10"), view("same", "SELECT  1 AS one;"), view("new", "SELECT 2")]);
    expect(differentlyWritten(model, live).map((o) => o.name)).toEqual(["cheap"]);
  });

  it("a print equal to the live text is no change; the print of a changed query is a change carrying the author's text", () => {
    const model = withObjects([view("cheap", "select id from products where price < 10"), view("same", "SELECT 1 AS one")]);
    const printed = adoptPrinted(model, new Map([["view:.cheap", "SELECT products.id\n   FROM products\n  WHERE products.price < 10::numeric"]]));
    expect(compareObjects(printed.objects!, live.objects!, [], sameText)).toEqual([]);

    const changed = withObjects([view("cheap", "select id from products where price < 25"), view("same", "SELECT 1 AS one")]);
    const ops = compareObjects(adoptPrinted(changed, new Map([["view:.cheap", "SELECT products.id FROM products WHERE products.price < 25::numeric"]])).objects!, live.objects!, [], sameText);
    expect(ops).toEqual([{ kind: "replaceObject", object: view("cheap", "select id from products where price < 25"), existing: live.objects![0] }]);
    expect(JSON.stringify(ops)).not.toContain("printed");
  });

  it("without a print the texts compare as written", () => {
    const model = withObjects([view("cheap", "select id from products where price < 10"), view("same", "SELECT 1 AS one")]);
    expect(adoptPrinted(model, new Map())).toBe(model);
    expect(compareObjects(model.objects!, live.objects!, [], sameText).map((o) => o.kind)).toEqual(["replaceObject"]);
  });
});
