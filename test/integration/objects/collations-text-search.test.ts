/**
 * PostgreSQL collations and text-search dictionaries and configurations round trip: model →
 * upgrade → the database's own text (pg_collation's fields, pg_ts_dict, pg_ts_config_map per
 * token type) → pull → the same model. Columns, an index element and a domain use the
 * collations, a generated column and an index expression the configuration, so creates must come
 * before them and drops after. A changed collation is dropped and created again with the columns
 * moved off it and back; a configuration's changed mappings and a dictionary's options change in
 * place; a collation a domain uses is not changed but reported. The downgrade leaves nothing.
 */
import { afterAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { collation, defineSchema, domain, index, integer, rawType, sql, table, text, textSearchConfiguration, textSearchDictionary, varchar, type ObjectDefinition } from "../../../src/model/index.js";
import { schemaFromModel } from "../../../src/model/to-catalog.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { reverseAll } from "../../../src/operations/reverse.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { cleanModules, loadModule, openObjectsKit, squash } from "./objects-kit.js";

afterAll(cleanModules);
const available = await serverAvailable("postgres");

interface Version {
  caseBlindLocale: string;
  stopwords: boolean;
  mappings: Record<string, string[]>;
  frenchLocale: string;
}

function model(v: Version): DatabaseSchema {
  const caseBlind = collation("case_blind", { provider: "icu", locale: v.caseBlindLocale, deterministic: false });
  const posix = collation("posix_sort", { provider: "libc", locale: "POSIX" });
  const french = collation("french", { provider: "icu", locale: v.frenchLocale });
  const dict = textSearchDictionary("plain_dict", { template: "simple", ...(v.stopwords ? { options: { stopwords: "english" } } : {}) });
  const config = textSearchConfiguration("plain_search", { mappings: v.mappings, dependsOn: [dict] });
  const frenchName = domain("french_name", sql`AS text COLLATE french`);
  const customers = table("customers", {
    id: integer().primaryKey(),
    email: text().collate("case_blind"),
    code: varchar(10).collate("posix_sort"),
    nickname: rawType("french_name"),
    body: text(),
    search: rawType("tsvector").generated(sql`to_tsvector('plain_search'::regconfig, body)`),
  }, (t) => ({
    indexes: [
      index([t.email], { name: "customers_email" }),
      index([{ column: t.code, collation: "case_blind" }], { name: "customers_code_blind" }),
      index([sql`to_tsvector('plain_search'::regconfig, body)`], { name: "customers_body_search", using: "gin" }),
    ],
  }));
  const objects: ObjectDefinition[] = [caseBlind, posix, french, dict, config, frenchName];
  return schemaFromModel(defineSchema({ tables: [customers], objects }));
}

const BEFORE: Version = { caseBlindLocale: "und-u-ks-level2", stopwords: true, mappings: { asciiword: ["plain_dict", "english_stem"], word: ["simple"] }, frenchLocale: "fr-CA" };
const AFTER: Version = { caseBlindLocale: "und-u-ks-level1", stopwords: false, mappings: { asciiword: ["english_stem"], numword: ["simple"] }, frenchLocale: "fr-CA" };

/** What the catalog prints for each object (objects-kit's catalogText), written out by hand. */
function printed(v: Version): Record<string, string> {
  return {
    case_blind: `i false ${v.caseBlindLocale}`,
    posix_sort: "c true POSIX POSIX",
    french: `i true ${v.frenchLocale}`,
    plain_dict: v.stopwords ? "simple stopwords = 'english'" : "simple",
    plain_search: `default ${Object.keys(v.mappings).sort().map((t) => `${t}=${v.mappings[t]!.join(",")}`).join(" ")}`,
  };
}

const labels = (ops: readonly { kind: string }[]) => ops.map((op) => `${op.kind}${"object" in op ? ` ${(op.object as DatabaseObject).name}` : "column" in op ? ` ${String(op.column)}` : "name" in op ? ` ${String(op.name)}` : "index" in op ? ` ${(op.index as { name: string }).name}` : ""}`);

describe.skipIf(!available)("collations and text-search configurations on postgres", () => {
  it("round trip through the catalog's own text and pull; changes swap columns off a recreated collation and alter mappings in place; downgrade leaves none", async () => {
    const kit = await openObjectsKit("postgres");
    try {
      const before = model(BEFORE);
      const up = await kit.diff(before);
      const order = labels(up);
      // Created before the table whose columns, index and generated column use them.
      for (const name of ["case_blind", "posix_sort", "french", "plain_dict", "plain_search", "french_name"]) expect(order.indexOf(`createObject ${name}`)).toBeLessThan(order.indexOf("createTable"));
      expect(order.indexOf("createObject plain_dict")).toBeLessThan(order.indexOf("createObject plain_search"));
      await kit.apply(up);

      const objects = (before.objects ?? []).filter((o) => o.kind !== "domain");
      for (const o of objects) expect(squash((await kit.catalogText(o)) ?? "(none)"), `${o.kind} ${o.name}`).toBe(printed(BEFORE)[o.name]);
      expect(await kit.diff(before)).toEqual([]);

      // pull → the same model.
      const reflected = await kit.dialect.reflect(kit.conn);
      expect(reflected.unmanagedObjects ?? []).toEqual([]);
      const source = renderSchemaModule(reflected, { dialect: "postgres" });
      expect(source).toMatch(/collation\("case_blind", \{\s*provider: "icu",\s*locale: "und-u-ks-level2",\s*deterministic: false,?\s*\}\)/);
      const pulled = schemaFromModel(await loadModule(source));
      const comparable = (s: DatabaseSchema) => [...(s.objects ?? [])].map((o) => ({ kind: o.kind, name: o.name, definition: squash(o.definition) })).sort((a, b) => a.name.localeCompare(b.name));
      expect(comparable(pulled)).toEqual(comparable(before));
      expect(await kit.diff(pulled)).toEqual([]);

      // The change: the collation is recreated around its columns and index; mappings and options change in place.
      const after = model(AFTER);
      const change = await kit.diff(after);
      const steps = labels(change);
      expect(steps).toContain("replaceObject case_blind");
      expect(steps).toContain("replaceObject plain_search");
      expect(steps).toContain("replaceObject plain_dict");
      expect(steps).not.toContain("dropObject plain_search");
      const replace = steps.indexOf("replaceObject case_blind");
      expect(steps.indexOf("alterColumn email")).toBeLessThan(replace);
      expect(steps.lastIndexOf("alterColumn email")).toBeGreaterThan(replace);
      expect(steps.indexOf("dropIndex customers_code_blind")).toBeLessThan(replace);
      expect(steps.indexOf("createIndex customers_code_blind")).toBeGreaterThan(replace);
      await kit.apply(change);
      for (const o of (after.objects ?? []).filter((x) => x.kind !== "domain")) expect(squash((await kit.catalogText(o)) ?? "(none)"), `${o.kind} ${o.name}`).toBe(printed(AFTER)[o.name]);
      expect(await kit.diff(after)).toEqual([]);
      // The column and the index element are on the new collation.
      const onCollation = await kit.conn.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation WHERE a.attrelid = 'customers'::regclass AND c.collname = 'case_blind'`,
      );
      expect(onCollation[0]!.n).toBe("1");

      // A collation a domain uses cannot change: reported, not attempted.
      const blocked = compareSchemas(model({ ...AFTER, frenchLocale: "fr-FR" }), await kit.dialect.reflect(kit.conn), dialectCompareOptions(kit.dialect));
      expect(labels(blocked.operations)).not.toContain("replaceObject french");
      expect(blocked.unmanaged.join("\n")).toMatch(/collation french: .*PostgreSQL cannot alter a collation, and domain french_name uses it/);

      // Downgrade: the reverse of both steps leaves nothing behind.
      await kit.apply(reverseAll(change));
      expect(await kit.diff(before)).toEqual([]);
      await kit.apply(reverseAll(up));
      const empty = await kit.dialect.reflect(kit.conn);
      expect(empty.tables).toEqual([]);
      expect(empty.objects ?? []).toEqual([]);
      const left = await kit.conn.query<{ n: string }>(
        `SELECT ((SELECT count(*) FROM pg_collation WHERE collnamespace = 'public'::regnamespace) + (SELECT count(*) FROM pg_ts_config WHERE cfgnamespace = 'public'::regnamespace)
                 + (SELECT count(*) FROM pg_ts_dict WHERE dictnamespace = 'public'::regnamespace))::text AS n`,
      );
      expect(left[0]!.n).toBe("0");
    } finally {
      await kit.close();
    }
  }, 60_000);
});
