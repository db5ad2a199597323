import { describe, expect, it } from "vitest";
import { reverseAll, reverseOperation } from "../../../src/operations/reverse.js";
import type { Operation } from "../../../src/operations/types.js";
import { MigrateError } from "../../../src/errors.js";
import { renderOperations, renderRevisionBodies } from "../../../src/autogenerate/render-revision.js";
import { renderedForm } from "../../../src/autogenerate/rendered-form.js";
import { ALL_KINDS, col, richOperations } from "./render-fixtures.js";
import { evaluate } from "./evaluate-rendered.js";

const kindsIn = (ops: readonly Operation[]): Set<string> => new Set(ops.flatMap((op) => [op.kind, ...(op.kind === "batchAlterTable" ? op.operations.map((o) => o.kind) : [])]));

describe("renderOperations round trip", () => {
  it("the fixture covers every operation kind", () => {
    expect([...kindsIn(richOperations)].sort()).toEqual([...ALL_KINDS].sort());
  });

  it("evaluating the rendered body rebuilds every operation exactly (without reverse-only prior state)", async () => {
    const rendered = renderOperations(richOperations);
    expect(await evaluate(rendered)).toStrictEqual(richOperations.map(renderedForm));
  });

  it.each(richOperations.map((op, i) => [i, op.kind, op] as const))("operation %i (%s) round-trips on its own", async (_i, _kind, op) => {
    expect(await evaluate(renderOperations([op]))).toStrictEqual([renderedForm(op)]);
  });

  it("an inline enum as MySQL and SQLite reflect it (no schema) is written with enumType, not an object literal", async () => {
    const op: Operation = { kind: "alterColumn", table: "people", column: "mood", type: { kind: "enum", name: "mood", values: ["sad", "ok", "glad"] }, existingType: { kind: "enum", name: "mood", values: ["sad", "ok"] } };
    const body = renderOperations([op]).body;
    expect(body).toContain('existingType: enumType("mood", ["sad", "ok"]).column()');
    expect(body).not.toMatch(/\bkind:/);
    // It reads back with schema null, which no dialect with inline enums reads.
    expect(await evaluate(renderOperations([op]))).toStrictEqual([{ ...op, type: { ...op.type, schema: null }, existingType: { ...op.existingType, schema: null } }]);
  });

  it("alterColumn writes DEFAULT NULL as sql`NULL` and generations in their short forms, never as object literals", async () => {
    const ops: Operation[] = [
      { kind: "alterColumn", table: "t", column: "a", default: { kind: "literal", value: null }, existingDefault: { kind: "literal", value: 1 } },
      { kind: "alterColumn", table: "t", column: "b", generated: { kind: "computed", sql: "x + 1", stored: false }, existingGenerated: { kind: "computed", sql: "x", stored: true } },
      { kind: "alterColumn", table: "t", column: "c", generated: { kind: "identity", always: true }, existingGenerated: { kind: "autoincrement" } },
    ];
    const { body } = renderOperations(ops);
    expect(body).not.toMatch(/\bkind:/);
    expect(body).toContain("default: sql`NULL`");
    expect(body).toContain("generated: { computed: sql`x + 1`, stored: false }");
    expect(body).toContain('generated: { identity: "always" }');
    expect(body).toContain('existingGenerated: "autoincrement"');
    expect(await evaluate(renderOperations(ops))).toStrictEqual(ops);
  });

  it("drops are written bare, as a careful engineer would; only an unnamed constraint keeps its definition", async () => {
    const body = renderOperations(richOperations).body;
    expect(body).not.toMatch(/existing: \{/);
    expect(body).toContain(`await op.dropTable("orders", { schema: "shop" });`);
    const unnamed: Operation = { kind: "dropConstraint", table: "t", name: "t_a_key", type: "unique", existing: { type: "unique", constraint: { name: null, columns: ["a"] } } };
    expect(renderOperations([unnamed]).body).toContain('existing: { name: null, columns: ["a"] }');
    expect(await evaluate(renderOperations([unnamed]))).toStrictEqual([unnamed]);
  });

  it("the downgrade (reverse of the reversible operations) round-trips too", async () => {
    const reversible = richOperations.filter((op) => {
      try {
        reverseOperation(op);
        return true;
      } catch {
        return false;
      }
    });
    expect(reversible.length).toBeGreaterThan(30);
    const downgrade = reverseAll(reversible);
    expect(await evaluate(renderOperations(downgrade))).toStrictEqual(downgrade.map(renderedForm));
  });

  const awkward = ['quote " and \' apostrophe', "back\\slash \\d", "tick ` and ${x} and $ {y}", "crlf\r\nlf\ncr\rend", "tab\tand\u0000nul\u0007bell", "sep\u2028\u2029", "naïve 名前 😀", "*/ comment end", ""];
  it.each(awkward.map((s) => [JSON.stringify(s), s] as const))("strings survive rendering: %s", async (_label, s) => {
    const nonEmpty = s === "" ? "x" : s;
    const ops: Operation[] = [
      { kind: "createTableComment", table: nonEmpty, comment: s, existingComment: s },
      { kind: "addColumn", table: "t", column: col(nonEmpty, { kind: "text" }, { default: { kind: "sql", sql: s }, comment: s }) },
      { kind: "addColumn", table: "t", column: col("c", { kind: "raw", sql: nonEmpty }, { default: { kind: "literal", value: s } }) },
      { kind: "execute", sql: { strings: [nonEmpty, s, s], values: [s, { [s]: [s] }] }, reverse: nonEmpty },
      { kind: "createCheckConstraint", table: "t", constraint: { name: nonEmpty, expression: nonEmpty } },
      { kind: "createIndex", table: "t", index: { name: "i", elements: [{ expression: nonEmpty }, { column: nonEmpty, descending: true }], unique: false, where: nonEmpty, using: null } },
      { kind: "bulkInsert", table: "t", rows: [{ [s]: s }] },
    ];
    expect(await evaluate(renderOperations(ops))).toStrictEqual(ops);
  });
});

describe("renderOperations output", () => {
  it("writes one readable call per line with the builder DSL", () => {
    const rendered = renderOperations([{ kind: "addColumn", table: "users", column: col("email", { kind: "varchar", length: 255 }, { nullable: false }) }]);
    expect(rendered.body).toBe('  await op.addColumn("users", "email", varchar(255).notNull());');
    expect(rendered.imports).toEqual(["varchar"]);
  });

  it("breaks long calls over several lines with two-space indentation", () => {
    const rendered = renderOperations(richOperations.filter((op) => op.kind === "createTable" && op.table.name === "users"));
    expect(rendered.body).toBe(
      [
        "  await op.createTable(",
        '    "users",',
        "    { id: serial(), email: varchar(255).notNull() },",
        "    {",
        '      primaryKey: primaryKey(["id"], { name: "users_pkey" }),',
        '      uniques: [unique(["email"], { name: "users_email_key" })],',
        "    },",
        "  );",
      ].join("\n"),
    );
    expect(rendered.imports).toEqual(["primaryKey", "serial", "unique", "varchar"]);
  });

  it("keeps every code line within 100 characters", () => {
    const { body } = renderOperations(richOperations);
    const long = body.split("\n").filter((line) => line.length > 100 && !line.trim().startsWith("//"));
    expect(long).toEqual([]);
  });

  it("uses the indent option for every line (outside multi-line SQL templates)", () => {
    const { body } = renderOperations(richOperations.filter((op) => op.kind !== "execute" && !("object" in op)), { indent: "    " });
    for (const line of body.split("\n")) if (line !== "") expect(line.startsWith("    ")).toBe(true);
  });

  it("writes a comment for an empty list, which is still a valid body", async () => {
    const rendered = renderOperations([]);
    expect(rendered).toEqual({ body: "  // nothing to do", imports: [] });
    expect(await evaluate(rendered)).toEqual([]);
  });

  it("renders notes as NOTE comments at the top of the upgrade only", async () => {
    const ops: Operation[] = [{ kind: "renameTable", from: "a", to: "b" }];
    const bodies = renderRevisionBodies(ops, reverseAll(ops), ['column "users.name" may have been renamed', "two\nlines */"]);
    expect(bodies.upgradeBody.split("\n").slice(0, 3)).toEqual(['  // NOTE: column "users.name" may have been renamed', "  // NOTE: two", "  // lines */"]);
    expect(bodies.downgradeBody).toBe('  await op.renameTable("b", "a");');
    expect(await evaluate({ body: bodies.upgradeBody, imports: bodies.imports })).toEqual(ops);
  });

  it("merges the imports of both bodies", () => {
    const up: Operation[] = [{ kind: "addColumn", table: "t", column: col("a", { kind: "uuid" }) }];
    const bodies = renderRevisionBodies(up, [{ kind: "addColumn", table: "t", column: col("b", { kind: "date" }, { default: { kind: "sql", sql: "CURRENT_DATE" } }) }]);
    expect(bodies.imports).toEqual(["date", "sql", "uuid"]);
  });

  it("refuses values that have no literal form instead of writing them approximately", () => {
    const op: Operation = { kind: "bulkInsert", table: "t", rows: [{ a: new Map() }] };
    expect(() => renderOperations([op])).toThrow(MigrateError);
    expect(() => renderOperations([op])).toThrow(/Map/);
  });
});
