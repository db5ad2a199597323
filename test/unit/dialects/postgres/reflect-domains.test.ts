/** Domain-typed columns as reflection reports them: the domain's CHECKs become table CHECKs on the column. */
import { describe, expect, it } from "vitest";
import { clipIdentifier, domainChecks, replaceDomainValue, type DomainColumnRow } from "../../../../src/dialects/postgres/reflect-domains.js";
import { emptyTable } from "../../../../src/catalog/types.js";

function row(name: string, checks: string[] | null, quoted = name): DomainColumnRow {
  return { name, quoted_name: quoted, is_domain: checks !== null, domain_checks: checks };
}

describe("replaceDomainValue", () => {
  it("replaces the VALUE keyword with the column", () => {
    expect(replaceDomainValue("VALUE >= 1901 AND VALUE <= 2155", "release_year")).toBe("release_year >= 1901 AND release_year <= 2155");
    expect(replaceDomainValue("length(VALUE::text) > 0", '"Year"')).toBe('length("Year"::text) > 0');
  });

  it("leaves literals, quoted identifiers and longer words alone", () => {
    expect(replaceDomainValue("VALUE <> 'VALUE'::text AND \"VALUE\" IS NULL AND VALUES_X = 1", "c")).toBe("c <> 'VALUE'::text AND \"VALUE\" IS NULL AND VALUES_X = 1");
    expect(replaceDomainValue("VALUE ~ E'\\\\d+ VALUE\\''", "c")).toBe("c ~ E'\\\\d+ VALUE\\''");
  });
});

describe("domainChecks", () => {
  it("names each check as PostgreSQL names a column check, avoiding names the table uses", () => {
    const film = { ...emptyTable("film"), checks: [{ name: "film_release_year_check", expression: "true" }] };
    const checks = domainChecks(film, [row("title", null), row("release_year", ["VALUE >= 1901", "VALUE <= 2155"])]);
    expect(checks).toEqual([
      { name: "film_release_year_check1", expression: "release_year >= 1901" },
      { name: "film_release_year_check2", expression: "release_year <= 2155" },
    ]);
  });

  it("clips long names to 63 bytes without splitting a character", () => {
    const long = "ı".repeat(40);
    expect(Buffer.byteLength(clipIdentifier(long), "utf8")).toBe(62);
    expect(clipIdentifier("short")).toBe("short");
    const [check] = domainChecks(emptyTable("t".repeat(60)), [row("c", ["VALUE > 0"])]);
    expect(check!.name).toBe(`${"t".repeat(60)}_c_`);
  });
});
