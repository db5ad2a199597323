import { describe, expect, it } from "vitest";
import type { ColumnType } from "../../../../src/catalog/types.js";
import { needsExplicitCast } from "../../../../src/dialects/postgres/casts.js";

const t = (kind: ColumnType["kind"], extra: object = {}): ColumnType => ({ kind, ...extra }) as ColumnType;
const mood = t("enum", { name: "mood", values: ["a"], schema: null });

describe("needsExplicitCast (PostgreSQL ALTER COLUMN … TYPE … USING)", () => {
  it.each([
    ["text → integer", t("text"), t("integer"), true],
    ["varchar → boolean", t("varchar", { length: 5 }), t("boolean"), true],
    ["text → enum", t("text"), mood, true],
    ["integer → boolean", t("integer"), t("boolean"), true],
    ["integer → text (assignment cast)", t("integer"), t("text"), false],
    ["enum → text (assignment cast)", mood, t("text"), false],
    ["varchar(100) → varchar(50): USING would truncate silently", t("varchar", { length: 100 }), t("varchar", { length: 50 }), false],
    ["integer → bigint", t("integer"), t("bigint"), false],
    ["numeric → integer", t("numeric"), t("integer"), false],
    ["timestamp → date", t("timestamp"), t("date"), false],
    ["json → jsonb", t("json"), t("jsonb"), false],
    ["same enum", mood, mood, false],
  ] as const)("%s", (_label, from, to, expected) => {
    expect(needsExplicitCast(from, to)).toBe(expected);
  });
});
