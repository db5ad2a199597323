/**
 * MySQL and SQLite have no CREATE COLLATION or text-search configurations: compiling one of
 * these objects is refused with one message naming the object and a hint, never SQL the
 * database would reject later.
 */
import { describe, expect, it } from "vitest";
import { collation, textSearchConfiguration, textSearchDictionary } from "../../../src/model/index.js";
import { createObjectStatements as mysqlCreate, dropObjectStatements as mysqlDrop } from "../../../src/dialects/mysql/compile-objects.js";
import { createObjectStatements as sqliteCreate, dropObjectStatements as sqliteDrop } from "../../../src/dialects/sqlite/compile-objects.js";
import { UnsupportedOperationError } from "../../../src/errors.js";

const objects = [
  collation("case_blind", { provider: "icu", locale: "und-u-ks-level2", deterministic: false }),
  textSearchDictionary("plain_dict", { template: "simple" }),
  textSearchConfiguration("plain_search", { mappings: { asciiword: ["english_stem"] } }),
].map((d) => d.object);

describe.each([
  { dialect: "MySQL", create: mysqlCreate, drop: mysqlDrop },
  { dialect: "SQLite", create: sqliteCreate, drop: sqliteDrop },
])("$dialect refuses collations and text-search objects", ({ dialect, create, drop }) => {
  it.each(objects)("refuses $kind $name on create and drop", async (object) => {
    for (const attempt of [() => create({ kind: "createObject", object }), () => drop({ kind: "dropObject", object })]) {
      const error = await attempt().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as Error).message).toContain(`${dialect} has no`);
      expect((error as Error).message).toContain(object.name);
      expect((error as UnsupportedOperationError).hint).toMatch(/Leave this object out of the (MySQL|SQLite) model/i);
    }
  });
});
