import { describe, expect, it } from "vitest";
import { compareSchemas } from "../../../src/autogenerate/compare.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import type { IndexSchema } from "../../../src/catalog/types.js";
import { col, db, describeOps, PG_CAPS, withId } from "./fixtures.js";

const pg = { capabilities: PG_CAPS };
const base = withId("t", [col("a", "text"), col("b", "integer")]);
const ix = (extra: Partial<IndexSchema> = {}): IndexSchema => ({ name: "ix_t_a", elements: [{ column: "a" }], unique: false, where: null, using: null, ...extra });

function diff(target: IndexSchema[], actual: IndexSchema[]) {
  return compareSchemas(db([{ ...base, indexes: target }]), db([{ ...base, indexes: actual }]), pg);
}

describe("compareSchemas: indexes", () => {
  it("creates an index that is only in the model", () => {
    expect(diff([ix()], []).operations).toEqual([{ kind: "createIndex", table: "t", index: ix() }]);
  });

  it("drops an index that is only in the database, carrying it for reverse()", () => {
    const { operations } = diff([], [ix()]);
    expect(operations).toEqual([{ kind: "dropIndex", table: "t", name: "ix_t_a", existing: ix() }]);
    expect(reverseAll(operations)).toEqual([{ kind: "createIndex", table: "t", index: ix() }]);
  });

  it("drops and recreates an index whose definition changed", () => {
    for (const changed of [
      ix({ unique: true }),
      ix({ elements: [{ column: "a" }, { column: "b" }] }),
      ix({ elements: [{ column: "a", descending: true }] }),
      ix({ where: "b > 0" }),
      ix({ using: "hash" }),
      ix({ elements: [{ column: "a", nulls: "first" }] }),
      ix({ elements: [{ column: "a", collation: "C" }] }),
      ix({ elements: [{ column: "a", collation: "c", collationSchema: "s" }] }),
      ix({ elements: [{ column: "a", opclass: "text_pattern_ops" }] }),
      ix({ elements: [{ column: "a", opclass: "ops", opclassSchema: "s" }] }),
      ix({ elements: [{ column: "a", length: 20 }] }),
      ix({ unique: true, nullsNotDistinct: true }),
      ix({ include: ["b"] }),
    ]) {
      expect(describeOps(diff([changed], [ix()]).operations)).toEqual(["dropIndex t.ix_t_a", "createIndex t.ix_t_a"]);
    }
  });

  it("drops and creates an index that was renamed", () => {
    expect(describeOps(diff([ix({ name: "ix_new" })], [ix()]).operations)).toEqual(["dropIndex t.ix_t_a", "createIndex t.ix_new"]);
  });

  it("compares expressions and predicates by canonical text, and the method case-insensitively", () => {
    const model = ix({ elements: [{ expression: "lower(a)" }], where: "b > 0 AND a IS NOT NULL", using: "GIN" });
    const reflected = ix({ elements: [{ expression: "(lower(a))" }], where: "((b > 0) AND (a IS NOT NULL))", using: "gin" });
    expect(diff([model], [reflected]).operations).toEqual([]);
  });

  it("sees a collation's schema: COLLATE s.c is not COLLATE c", () => {
    const model = ix({ elements: [{ column: "a", collation: "c", collationSchema: "s" }] });
    expect(describeOps(diff([model], [ix({ elements: [{ column: "a", collation: "c" }] })]).operations)).toEqual(["dropIndex t.ix_t_a", "createIndex t.ix_t_a"]);
    expect(diff([model], [model]).operations).toEqual([]);
  });

  it("matches a whole-column element with the prefix the database chose itself, and only that one", () => {
    const reflected = ix({ elements: [{ column: "a", length: 768, lengthImplied: true }] });
    expect(diff([ix()], [reflected]).operations).toEqual([]);
    expect(diff([ix({ elements: [{ column: "a", length: 768 }] })], [reflected]).operations).toEqual([]);
    expect(describeOps(diff([ix({ elements: [{ column: "a", length: 100 }] })], [reflected]).operations)).toEqual(["dropIndex t.ix_t_a", "createIndex t.ix_t_a"]);
    expect(describeOps(diff([ix()], [ix({ elements: [{ column: "a", length: 768 }] })]).operations)).toEqual(["dropIndex t.ix_t_a", "createIndex t.ix_t_a"]);
  });

  it("treats absent and false element options alike", () => {
    expect(diff([ix({ elements: [{ column: "a", descending: false }], where: "" })], [ix({ where: null, using: undefined })]).operations).toEqual([]);
  });
});
