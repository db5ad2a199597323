import { describe, expect, it } from "vitest";
import { alterDomainStatements, domainParts } from "../../../../src/dialects/postgres/domain-sql.js";

describe("PostgreSQL domain definitions", () => {
  it("splits a definition into type (with collation), default, NOT NULL and named or unnamed checks, outside quotes and parentheses", () => {
    expect(domainParts(`AS character varying(8) COLLATE "C" DEFAULT 'x NOT NULL CHECK'::character varying NOT NULL CONSTRAINT "a b" CHECK (VALUE <> 'NULL'::text) CHECK (length(VALUE) > 1)`)).toEqual({
      type: 'character varying(8) COLLATE "C"',
      default: "'x NOT NULL CHECK'::character varying",
      notNull: true,
      checks: [
        { name: '"a b"', text: "CHECK (VALUE <> 'NULL'::text)" },
        { name: null, text: "CHECK (length(VALUE) > 1)" },
      ],
    });
    expect(domainParts("AS timestamp with time zone")).toEqual({ type: "timestamp with time zone", default: null, notNull: false, checks: [] });
  });

  it("alters in place what ALTER DOMAIN can change: old checks dropped before the default and NOT NULL change, new checks added last", () => {
    expect(alterDomainStatements('"d"', "AS integer DEFAULT 1 CONSTRAINT c2 CHECK (VALUE > 1) CONSTRAINT keep CHECK (VALUE < 9)", "AS integer NOT NULL CONSTRAINT c1 CHECK (VALUE > 0) CONSTRAINT keep CHECK (VALUE < 9)")).toEqual([
      { sql: 'ALTER DOMAIN "d" DROP CONSTRAINT c1' },
      { sql: 'ALTER DOMAIN "d" SET DEFAULT 1' },
      { sql: 'ALTER DOMAIN "d" DROP NOT NULL' },
      { sql: 'ALTER DOMAIN "d" ADD CONSTRAINT c2 CHECK (VALUE > 1)' },
    ]);
    expect(alterDomainStatements('"d"', "AS integer", "AS integer")).toEqual([]);
  });

  it("gives up (null: drop and create) when the base type or collation changes", () => {
    expect(alterDomainStatements('"d"', "AS bigint", "AS integer")).toBeNull();
    expect(alterDomainStatements('"d"', 'AS text COLLATE "C"', "AS text")).toBeNull();
  });
});
