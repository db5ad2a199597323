/**
 * Overloaded PostgreSQL routines are not silent: the model keys a routine by its name, so of
 * f(integer) and f(text) reflection keeps one and lists the other as unmanaged (with its CREATE
 * line as pg_get_functiondef prints it), and compare reports it, so check exits 1.
 */
import { describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { openObjectsKit } from "./objects-kit.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("overloaded PostgreSQL routines", () => {
  it("keeps one overload as an object and reports the others as unmanaged, so compare is never silently clean", async () => {
    const kit = await openObjectsKit("postgres");
    try {
      await kit.conn.query("CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a'");
      await kit.conn.query("CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a'");
      await kit.conn.query("CREATE PROCEDURE p(a integer) LANGUAGE sql AS 'SELECT a'");
      await kit.conn.query("CREATE PROCEDURE p(a text, b text) LANGUAGE sql AS 'SELECT a'");
      const heads = (await kit.conn.query<{ head: string }>("SELECT split_part(pg_get_functiondef(oid), E'\\n', 1) AS head FROM pg_proc WHERE proname IN ('f', 'p') ORDER BY 1")).map((r) => r.head.trim());
      const reflected = await kit.dialect.reflect(kit.conn);
      const kept = (reflected.objects ?? []).filter((o) => o.name === "f" || o.name === "p");
      expect(kept.map((o) => `${o.kind} ${o.name}`).sort()).toEqual(["function f", "procedure p"]);
      const overloads = (reflected.unmanagedObjects ?? []).filter((u) => u.kind.startsWith("overloaded "));
      expect(overloads.map((u) => `${u.kind} ${u.name}`).sort()).toEqual(["overloaded function f", "overloaded procedure p"]);
      // Kept and listed together, every overload the database holds, by its own CREATE line.
      const shown = [...kept.map((o) => o.definition.split("\n", 1)[0]!.trim()), ...overloads.map((u) => u.detail ?? "")].sort();
      expect(shown).toEqual(heads);
      // A model holding exactly what was kept still differs: each overload is an unmanaged line.
      const result = compareSchemas({ tables: [], enums: [], objects: kept }, reflected, dialectCompareOptions(kit.dialect));
      expect(result.operations).toEqual([]);
      expect(result.unmanaged.filter((line) => line.includes("overloaded")).length).toBe(2);
    } finally {
      await kit.close();
    }
  }, 120_000);
});
