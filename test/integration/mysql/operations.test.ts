/**
 * Every operation kind against a real MySQL/MariaDB database: run it, check the result by
 * reflecting, run its inverse (written out here), and check the table and its rows are back as
 * they were. Rows must survive every MODIFY/CHANGE COLUMN.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { Operation } from "../../../src/operations/types.js";
import type { TableSchema } from "../../../src/catalog/types.js";
import { sql } from "../../../src/core/sql.js";
import { isMigrateError } from "../../../src/errors.js";
import { col, openKit, table, type MysqlKit } from "./mysql-test-kit.js";

const available = await serverAvailable("mysql");

const int = { kind: "integer" } as const;
const autoId = col("id", int, { nullable: false, generated: { kind: "autoincrement" } });

const teams = table("teams", {
  columns: [autoId, col("name", { kind: "varchar", length: 50 }, { nullable: false })],
  primaryKey: { name: null, columns: ["id"] },
});

const people = table("people", {
  columns: [
    autoId,
    col("team_id", int),
    col("name", { kind: "varchar", length: 100 }, { nullable: false, default: { kind: "literal", value: "anon" }, comment: "who" }),
    col("born", { kind: "date" }),
    col("score", { kind: "numeric", precision: 8, scale: 2 }, { default: { kind: "literal", value: 0 } }),
    col("touched", { kind: "timestamp" }, { default: { kind: "sql", sql: "CURRENT_TIMESTAMP" }, onUpdate: "CURRENT_TIMESTAMP" }),
    col("code", { kind: "varchar", length: 20 }, { collation: "utf8mb4_bin" }),
    col("notes", { kind: "text" }),
  ],
  primaryKey: { name: null, columns: ["id"] },
  comment: "people",
});

const seedRows = [
  { team_id: null, name: "Ann", born: "1990-01-02", score: 12.5, code: "A-1", notes: "x\\y 'z'" },
  { team_id: null, name: "Bob", born: "1985-06-30", score: 0, code: "B-2", notes: null },
  { team_id: null, name: "Zoë", born: "2001-12-31", score: 99.99, code: "C-3", notes: "ünïcødé" },
];

/** The column of `people` as it is before any change. */
function peopleColumn(name: string) {
  const found = people.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

describe.skipIf(!available)("mysql operations: apply, reflect, invert", () => {
  let kit: MysqlKit;
  let seeded: Record<string, unknown>[];

  beforeAll(async () => {
    kit = await openKit();
    await kit.run([{ kind: "createTable", table: teams }, { kind: "createTable", table: people }]);
    await kit.run({ kind: "bulkInsert", table: "people", rows: seedRows });
    seeded = await kit.rows("people", "id");
  });
  afterAll(async () => {
    await kit?.close();
  });

  beforeEach(async () => {
    // Every test leaves `people` as it found it; check that up front so a failure points at its cause.
    expect(await kit.table("people")).toEqual(people);
  });

  /** Runs `up`, lets `check` inspect the reflected table, runs `down`, and expects the original back. */
  async function roundTrip(name: string, up: Operation[], check: (t: TableSchema | undefined) => void, down: Operation[], online = false): Promise<void> {
    const original = await kit.table(name);
    const rows = await kit.rows(name, "id");
    await kit.run(up, { online });
    check(await kit.table(name));
    await kit.run(down, { online });
    expect(await kit.table(name)).toEqual(original);
    expect(await kit.rows(name, "id")).toEqual(rows);
  }

  it("seeded the rows through bulkInsert", () => {
    expect(seeded.map((r) => [r.name, r.code, r.notes])).toEqual(seedRows.map((r) => [r.name, r.code, r.notes]));
  });

  it("createTable / dropTable", async () => {
    const tmp = table("tmp", {
      columns: [autoId, col("label", { kind: "varchar", length: 10 }, { nullable: false })],
      primaryKey: { name: null, columns: ["id"] },
      uniques: [{ name: "tmp_label_key", columns: ["label"] }],
      comment: "scratch",
    });
    await kit.run({ kind: "createTable", table: tmp });
    expect(await kit.table("tmp")).toEqual(tmp);
    await kit.run({ kind: "dropTable", table: "tmp", existing: tmp });
    expect(await kit.table("tmp")).toBeUndefined();
  });

  it("renameTable and back", async () => {
    await kit.run({ kind: "renameTable", from: "people", to: "persons" });
    expect(await kit.table("people")).toBeUndefined();
    expect(await kit.table("persons")).toEqual({ ...people, name: "persons" });
    await kit.run({ kind: "renameTable", from: "persons", to: "people" });
    expect(await kit.rows("people", "id")).toEqual(seeded);
  });

  it("addColumn fills existing rows with the default / dropColumn", async () => {
    const nickname = col("nickname", { kind: "varchar", length: 30 }, { nullable: false, default: { kind: "literal", value: "x" } });
    await kit.run({ kind: "addColumn", table: "people", column: nickname });
    const t = await kit.table("people");
    expect(t?.columns.at(-1)).toEqual(nickname);
    expect((await kit.rows("people", "id")).map((r) => r.nickname)).toEqual(["x", "x", "x"]);
    await kit.run({ kind: "dropColumn", table: "people", column: "nickname", existing: nickname });
  });

  it("alterColumn offline with existing*: widen a varchar, keep default and comment; then back", async () => {
    const name = peopleColumn("name");
    const existing = { existingNullable: false, existingDefault: name.default, existingComment: name.comment, existingGenerated: null };
    await roundTrip(
      "people",
      [{ kind: "alterColumn", table: "people", column: "name", type: { kind: "varchar", length: 150 }, existingType: name.type, ...existing }],
      (t) => expect(t?.columns.find((c) => c.name === "name")).toEqual({ ...name, type: { kind: "varchar", length: 150 } }),
      [{ kind: "alterColumn", table: "people", column: "name", type: name.type, existingType: { kind: "varchar", length: 150 }, ...existing }],
    );
  });

  it("alterColumn offline: nullability, default and comment together; then back", async () => {
    const score = peopleColumn("score");
    await roundTrip(
      "people",
      [{ kind: "alterColumn", table: "people", column: "score", nullable: false, default: { kind: "literal", value: 5 }, comment: "points", existingType: score.type, existingNullable: true, existingDefault: score.default, existingComment: null, existingGenerated: null }],
      (t) => expect(t?.columns.find((c) => c.name === "score")).toEqual({ ...score, nullable: false, default: { kind: "literal", value: 5 }, comment: "points" }),
      [{ kind: "alterColumn", table: "people", column: "score", nullable: true, default: score.default, comment: null, existingType: score.type, existingNullable: false, existingDefault: { kind: "literal", value: 5 }, existingComment: "points", existingGenerated: null }],
    );
  });

  it("alterColumn offline without the existing definition is refused and changes nothing", async () => {
    const error = await kit.run({ kind: "alterColumn", table: "people", column: "name", nullable: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMigrateError(error) && error.code).toBe("unsupported-operation");
    expect(await kit.table("people")).toEqual(people);
  });

  it("alterColumn online keeps ON UPDATE when only nullability changes; then back", async () => {
    const touched = peopleColumn("touched");
    await roundTrip(
      "people",
      [{ kind: "alterColumn", table: "people", column: "touched", nullable: false }],
      (t) => expect(t?.columns.find((c) => c.name === "touched")).toEqual({ ...touched, nullable: false }),
      [{ kind: "alterColumn", table: "people", column: "touched", nullable: true }],
      true,
    );
  });

  it("alterColumn online keeps the column collation across a type change; then back", async () => {
    const code = peopleColumn("code");
    await roundTrip(
      "people",
      [{ kind: "alterColumn", table: "people", column: "code", type: { kind: "varchar", length: 40 } }],
      (t) => expect(t?.columns.find((c) => c.name === "code")).toEqual({ ...code, type: { kind: "varchar", length: 40 } }),
      [{ kind: "alterColumn", table: "people", column: "code", type: code.type }],
      true,
    );
  });

  it("alterColumn online keeps AUTO_INCREMENT when the key widens to bigint; then back", async () => {
    await roundTrip(
      "people",
      [{ kind: "alterColumn", table: "people", column: "id", type: { kind: "bigint" } }],
      (t) => expect(t?.columns[0]).toEqual({ ...autoId, type: { kind: "bigint" } }),
      [{ kind: "alterColumn", table: "people", column: "id", type: int }],
      true,
    );
  });

  it("alterColumn with rename and type change (CHANGE COLUMN); then back", async () => {
    const notes = peopleColumn("notes");
    const before = await kit.rows("people", "id");
    await kit.run({ kind: "alterColumn", table: "people", column: "notes", newName: "remarks", type: { kind: "text", size: "medium" }, existingType: notes.type, existingNullable: true, existingDefault: null, existingComment: null, existingGenerated: null });
    const t = await kit.table("people");
    expect(t?.columns.at(-1)).toEqual(col("remarks", { kind: "text", size: "medium" }));
    expect((await kit.rows("people", "id")).map((r) => r.remarks)).toEqual(before.map((r) => r.notes));
    await kit.run({ kind: "alterColumn", table: "people", column: "remarks", newName: "notes", type: notes.type }, { online: true });
    expect(await kit.rows("people", "id")).toEqual(before);
  });

  it("alterColumn pure rename; then back", async () => {
    await kit.run({ kind: "alterColumn", table: "people", column: "born", newName: "birthday" });
    const t = await kit.table("people");
    expect(t?.columns.map((c) => c.name)).toContain("birthday");
    expect((await kit.rows("people", "id")).map((r) => r.birthday)).toEqual(seeded.map((r) => r.born));
    await kit.run({ kind: "alterColumn", table: "people", column: "birthday", newName: "born" });
  });

  it("createIndex (prefix length, DESC) / dropIndex", async () => {
    const index = { name: "people_name_idx", elements: [{ column: "name", length: 10 }, { column: "born", descending: true }], unique: false, where: null, using: null };
    await roundTrip(
      "people",
      [{ kind: "createIndex", table: "people", index }],
      (t) => expect(t?.indexes).toEqual([index]),
      [{ kind: "dropIndex", table: "people", name: index.name, existing: index }],
    );
  });

  it("a unique index on plain columns reflects as a unique constraint (MySQL has no difference)", async () => {
    await roundTrip(
      "people",
      [{ kind: "createIndex", table: "people", index: { name: "people_code_idx", elements: [{ column: "code" }], unique: true } }],
      (t) => {
        expect(t?.uniques).toEqual([{ name: "people_code_idx", columns: ["code"] }]);
        expect(t?.indexes).toEqual([]);
      },
      [{ kind: "dropIndex", table: "people", name: "people_code_idx" }],
    );
  });

  it("a unique prefix index and a fulltext index stay indexes", async () => {
    const prefix = { name: "people_code_prefix", elements: [{ column: "code", length: 2 }], unique: true, where: null, using: null };
    const fulltext = { name: "people_notes_ft", elements: [{ column: "notes" }], unique: false, where: null, using: "fulltext" };
    await roundTrip(
      "people",
      [{ kind: "createIndex", table: "people", index: prefix }, { kind: "createIndex", table: "people", index: fulltext }],
      (t) => expect(t?.indexes).toEqual([prefix, fulltext]),
      [{ kind: "dropIndex", table: "people", name: fulltext.name }, { kind: "dropIndex", table: "people", name: prefix.name }],
    );
  });

  it("createPrimaryKey / dropConstraint(primaryKey)", async () => {
    const nopk = table("nopk", { columns: [col("a", int, { nullable: false }), col("b", int, { nullable: false })] });
    await kit.run({ kind: "createTable", table: nopk });
    await kit.run({ kind: "createPrimaryKey", table: "nopk", constraint: { name: "nopk_pkey", columns: ["a", "b"] } });
    expect((await kit.table("nopk"))?.primaryKey).toEqual({ name: null, columns: ["a", "b"] });
    await kit.run({ kind: "dropConstraint", table: "nopk", name: "PRIMARY", type: "primaryKey", existing: { type: "primaryKey", constraint: { name: null, columns: ["a", "b"] } } });
    expect(await kit.table("nopk")).toEqual(nopk);
    await kit.run({ kind: "dropTable", table: "nopk" });
  });

  it("createForeignKey hides its automatic index; dropConstraint drops that index with the key", async () => {
    const fk = { name: "people_team_fk", columns: ["team_id"], referencedSchema: null, referencedTable: "teams", referencedColumns: ["id"], onDelete: "SET NULL" as const, onUpdate: "CASCADE" as const };
    await kit.run({ kind: "createForeignKey", table: "people", constraint: fk });
    const withFk = await kit.table("people");
    expect(withFk?.foreignKeys).toEqual([fk]);
    expect(withFk?.indexes).toEqual([]);
    await kit.run({ kind: "dropConstraint", table: "people", name: fk.name, type: "foreignKey", existing: { type: "foreignKey", constraint: fk } });
    const after = await kit.table("people");
    expect(after?.foreignKeys).toEqual([]);
    // The index InnoDB created for the key goes with it (foreign-key-index.test.ts covers the cases).
    expect(after?.indexes).toEqual([]);
  });

  it("createUniqueConstraint / dropConstraint(unique)", async () => {
    const unique = { name: "people_code_key", columns: ["code", "name"] };
    await roundTrip(
      "people",
      [{ kind: "createUniqueConstraint", table: "people", constraint: unique }],
      (t) => expect(t?.uniques).toEqual([unique]),
      [{ kind: "dropConstraint", table: "people", name: unique.name, type: "unique", existing: { type: "unique", constraint: unique } }],
    );
  });

  it("createCheckConstraint / dropConstraint(check)", async () => {
    const check = { name: "people_score_check", expression: "`score` >= 0" };
    await roundTrip(
      "people",
      [{ kind: "createCheckConstraint", table: "people", constraint: check }],
      (t) => expect(t?.checks).toEqual([check]),
      [{ kind: "dropConstraint", table: "people", name: check.name, type: "check", existing: { type: "check", constraint: check } }],
    );
  });

  it("createTableComment / dropTableComment and their inverses", async () => {
    await roundTrip(
      "people",
      [{ kind: "createTableComment", table: "people", comment: "it's \\ new", existingComment: "people" }],
      (t) => expect(t?.comment).toBe("it's \\ new"),
      [{ kind: "createTableComment", table: "people", comment: "people", existingComment: "it's \\ new" }],
    );
    await roundTrip(
      "people",
      [{ kind: "dropTableComment", table: "people", existingComment: "people" }],
      (t) => expect(t?.comment).toBeNull(),
      [{ kind: "createTableComment", table: "people", comment: "people" }],
    );
  });

  it("execute binds fragment values; its reverse restores the row", async () => {
    const tricky = "Zoë 'q' \\ ?";
    await kit.run({ kind: "execute", sql: sql`UPDATE people SET name = ${tricky} WHERE id = ${1}` });
    expect((await kit.rows("people", "id"))[0]?.name).toBe(tricky);
    await kit.run({ kind: "execute", sql: sql`UPDATE people SET name = ${"Ann"} WHERE id = ${1}` });
    expect((await kit.rows("people", "id")).map((r) => r.name)).toEqual(seeded.map((r) => r.name));
  });

  it("bulkInsert / DELETE", async () => {
    const rows = [{ name: "red" }, { name: "blue ' \\" }];
    await kit.run({ kind: "bulkInsert", table: "teams", rows });
    expect((await kit.rows("teams", "id")).map((r) => r.name)).toEqual(["red", "blue ' \\"]);
    await kit.run({ kind: "execute", sql: "DELETE FROM `teams`" });
    expect(await kit.rows("teams", "id")).toEqual([]);
  });

  it("batchAlterTable runs its operations in order; the inverse batch undoes them", async () => {
    const age = col("age", { kind: "smallint", unsigned: true });
    const index = { name: "people_age_idx", elements: [{ column: "age" }], unique: false, where: null, using: null };
    await roundTrip(
      "people",
      [{ kind: "batchAlterTable", table: "people", operations: [{ kind: "addColumn", table: "people", column: age }, { kind: "createIndex", table: "people", index }] }],
      (t) => {
        expect(t?.columns.at(-1)).toEqual(age);
        expect(t?.indexes).toEqual([index]);
      },
      [{ kind: "batchAlterTable", table: "people", operations: [{ kind: "dropIndex", table: "people", name: index.name }, { kind: "dropColumn", table: "people", column: "age" }] }],
    );
  });

  it("enum operations are refused before anything runs", async () => {
    const ops: Operation[] = [
      { kind: "createEnum", enum: { name: "mood", values: ["a"] } },
      { kind: "dropEnum", name: "mood" },
      { kind: "addEnumValue", name: "mood", value: "b" },
      { kind: "renameEnumValue", name: "mood", from: "a", to: "b" },
    ];
    for (const op of ops) {
      const error = await kit.run(op).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isMigrateError(error) && error.code).toBe("unsupported-operation");
    }
  });

  it("an inline enum column changes through alterColumn with the new value list", async () => {
    const mood = col("mood", { kind: "enum", name: "mood", values: ["ok", "meh"] }, { default: { kind: "literal", value: "ok" } });
    await kit.run({ kind: "addColumn", table: "people", column: mood });
    await roundTrip(
      "people",
      [{ kind: "alterColumn", table: "people", column: "mood", type: { kind: "enum", name: "mood", values: ["ok", "meh", "it's"] } }],
      (t) => expect(t?.columns.at(-1)?.type).toEqual({ kind: "enum", name: "mood", values: ["ok", "meh", "it's"] }),
      [{ kind: "alterColumn", table: "people", column: "mood", type: mood.type }],
      true,
    );
    await kit.run({ kind: "dropColumn", table: "people", column: "mood" });
  });
});
