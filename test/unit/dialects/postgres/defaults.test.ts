/** Reading PostgreSQL's deparsed defaults back into model DefaultValues. */
import { describe, expect, it } from "vitest";
import { defaultSql, isNextvalDefault, isSerialStyleDefault, nextvalSequence, parseReflectedDefault } from "../../../../src/dialects/postgres/defaults.js";
import type { ColumnType, DefaultValue } from "../../../../src/catalog/types.js";

const text: ColumnType = { kind: "text" };
const int: ColumnType = { kind: "integer" };

const cases: [string, ColumnType, DefaultValue | null][] = [
  ["'abc'::text", text, { kind: "literal", value: "abc" }],
  ["'it''s'::character varying", { kind: "varchar", length: 9 }, { kind: "literal", value: "it's" }],
  ["E'a\\\\b'::text", text, { kind: "literal", value: "a\\b" }],
  ["'a'::\"My Enum\"", { kind: "enum", name: "My Enum", values: ["a"] }, { kind: "literal", value: "a" }],
  ["'a'::app.\"My \"\"Enum\"", { kind: "enum", name: 'My "Enum', values: ["a"], schema: "app" }, { kind: "literal", value: "a" }],
  ["'{}'::text[]", { kind: "array", of: text }, { kind: "literal", value: "{}" }],
  ["'2020-01-01 00:00:00'::timestamp(3) without time zone", { kind: "timestamp", precision: 3 }, { kind: "literal", value: "2020-01-01 00:00:00" }],
  ["'-1'::integer", int, { kind: "literal", value: -1 }],
  ["5", { kind: "bigint" }, { kind: "literal", value: 5 }],
  ["1.5", { kind: "numeric" }, { kind: "literal", value: 1.5 }],
  ["1.50", { kind: "numeric" }, { kind: "literal", value: "1.50" }],
  ["'12345678901234567890'::numeric", { kind: "numeric" }, { kind: "literal", value: "12345678901234567890" }],
  ["'5'::text", text, { kind: "literal", value: "5" }],
  ["true", { kind: "boolean" }, { kind: "literal", value: true }],
  ["false", { kind: "boolean" }, { kind: "literal", value: false }],
  ["NULL::character varying", { kind: "varchar" }, null],
  ["NULL", { kind: "text" }, null],
  // Each current-time spelling stays as written: PostgreSQL prints now() and CURRENT_TIMESTAMP apart.
  ["now()", { kind: "timestamp" }, { kind: "sql", sql: "now()" }],
  ["CURRENT_TIMESTAMP", { kind: "timestamp" }, { kind: "sql", sql: "CURRENT_TIMESTAMP" }],
  ["transaction_timestamp()", { kind: "timestamp" }, { kind: "sql", sql: "transaction_timestamp()" }],
  ["CURRENT_DATE", { kind: "date" }, { kind: "sql", sql: "CURRENT_DATE" }],
  ["gen_random_uuid()", { kind: "uuid" }, { kind: "sql", sql: "gen_random_uuid()" }],
  ["('a'::text || 'b'::text)", text, { kind: "sql", sql: "'a'::text || 'b'::text" }],
  ["'x'::text || 'y'::text", text, { kind: "sql", sql: "'x'::text || 'y'::text" }],
];

describe("parseReflectedDefault", () => {
  for (const [expression, type, expected] of cases) {
    it(`${expression} -> ${JSON.stringify(expected)}`, () => expect(parseReflectedDefault(expression, type)).toEqual(expected));
  }
});

describe("defaults", () => {
  it("writes literals quoted and expressions verbatim", () => {
    expect(defaultSql({ kind: "literal", value: "o'k" })).toBe("'o''k'");
    expect(defaultSql({ kind: "literal", value: null })).toBe("NULL");
    expect(defaultSql({ kind: "sql", sql: "now()" })).toBe("now()");
  });

  it("recognises serial defaults", () => {
    expect(isNextvalDefault("nextval('t_id_seq'::regclass)")).toBe(true);
    expect(isNextvalDefault("nextval('\"My Table_id_seq\"'::regclass)")).toBe(true);
    expect(isNextvalDefault("nextval('a'::regclass) + 1")).toBe(false);
    expect(isNextvalDefault("'nextval'::text")).toBe(false);
  });
});

describe("sequence defaults that spell out a serial", () => {
  it("reads the sequence a nextval default calls", () => {
    expect(nextvalSequence("nextval('actor_actor_id_seq'::regclass)")).toEqual({ name: "actor_actor_id_seq" });
    expect(nextvalSequence("nextval('public.actor_actor_id_seq'::regclass)")).toEqual({ schema: "public", name: "actor_actor_id_seq" });
    expect(nextvalSequence("nextval('\"My \"\"T_id_seq\"'::regclass)")).toEqual({ name: 'My "T_id_seq' });
    expect(nextvalSequence("nextval('\"App\".\"T_id_seq\"'::regclass)")).toEqual({ schema: "App", name: "T_id_seq" });
    expect(nextvalSequence("nextval('a'::regclass) + 1")).toBeUndefined();
  });

  it("matches only the sequence a serial on that column would own (pagila's free sequences)", () => {
    expect(isSerialStyleDefault("nextval('actor_actor_id_seq'::regclass)", "public", "actor", "actor_id")).toBe(true);
    expect(isSerialStyleDefault("nextval('public.actor_actor_id_seq'::regclass)", "public", "actor", "actor_id")).toBe(true);
    expect(isSerialStyleDefault("nextval('other.actor_actor_id_seq'::regclass)", "public", "actor", "actor_id")).toBe(false);
    expect(isSerialStyleDefault("nextval('public.actor_actor_id_seq'::regclass)", null, "actor", "actor_id")).toBe(false);
    // An INHERITS child drawing from its parent's sequence keeps the default: the sequence belongs to another column.
    expect(isSerialStyleDefault("nextval('payment_payment_id_seq'::regclass)", "public", "payment_p2007_01", "payment_id")).toBe(false);
    expect(isSerialStyleDefault("nextval('\"Mixed_Id_seq\"'::regclass)", "public", "Mixed", "Id")).toBe(true);
  });
});
