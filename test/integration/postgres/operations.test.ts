/**
 * Table, column, index, constraint, comment and batch operations against a real PostgreSQL database: apply each operation, check the result by reflecting,
 * apply an explicitly written inverse, and check that reflection is back to exactly what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import { openKit, type PgKit } from "./pg-test-kit.js";
import { col, findColumn, findTable, orgs, people, peopleRows, table } from "./schema-builders.js";

const available = await serverAvailable("postgres");

describe.skipIf(!available)("postgres table operations: apply, reflect, inverse, reflect", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit(["public", "sales"]);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("createTable <-> dropTable", async () => {
    await kit.roundTrip([{ kind: "createTable", table: orgs }, { kind: "createTable", table: people }], [{ kind: "dropTable", table: "people", existing: people }, { kind: "dropTable", table: "orgs", existing: orgs }], (after) => {
      expect(findTable(after, "orgs")).toEqual(orgs);
      expect(findTable(after, "people")).toEqual(people);
    });
    await kit.apply({ kind: "createTable", table: orgs }, { kind: "createTable", table: people });
    await kit.apply({ kind: "bulkInsert", table: "people", rows: peopleRows });
  });

  it("dropTable <-> createTable from its existing state", async () => {
    await kit.apply({ kind: "createTable", table: table("scratch", [col("x", { kind: "integer" })]) });
    const existing = findTable(await kit.reflectAll(), "scratch");
    await kit.roundTrip([{ kind: "dropTable", table: "scratch", existing }], [{ kind: "createTable", table: existing }], (after) => {
      expect(after.tables.some((t) => t.name === "scratch")).toBe(false);
    });
  });

  it("renameTable <-> renameTable back", async () => {
    await kit.roundTrip([{ kind: "renameTable", from: "people", to: "persons" }], [{ kind: "renameTable", from: "persons", to: "people" }], (after) => {
      expect(findTable(after, "persons").columns).toEqual(people.columns);
    });
  });

  it("addColumn <-> dropColumn", async () => {
    const added = col("nick", { kind: "varchar", length: 10 }, { nullable: false, default: { kind: "literal", value: "n/a" }, comment: "short" });
    await kit.roundTrip([{ kind: "addColumn", table: "people", column: added }], [{ kind: "dropColumn", table: "people", column: "nick", existing: added }], async (after) => {
      expect(findColumn(after, "people", "nick")).toEqual(added);
      expect(await kit.rows("SELECT nick FROM people ORDER BY id")).toEqual([{ nick: "n/a" }, { nick: "n/a" }]);
    });
  });

  it("createIndex <-> dropIndex: unique partial expression DESC, gin, CONCURRENTLY", async () => {
    await kit.apply({ kind: "addColumn", table: "people", column: col("tags", { kind: "array", of: { kind: "text" } }) });
    const partial = { name: "people_lower_name", unique: true, elements: [{ expression: "lower(name::text)", descending: true }, { column: "org_id" }], where: "org_id IS NOT NULL", using: null };
    const gin = { name: "people_tags", unique: false, elements: [{ column: "tags" }], where: null, using: "gin" };
    await kit.roundTrip(
      [
        { kind: "createIndex", table: "people", index: partial, ifNotExists: true },
        { kind: "createIndex", table: "people", index: gin, concurrently: true },
      ],
      [
        { kind: "dropIndex", table: "people", name: "people_lower_name", existing: partial },
        { kind: "dropIndex", table: "people", name: "people_tags", existing: gin, concurrently: true, ifExists: true },
      ],
      (after) => expect(findTable(after, "people").indexes).toEqual([partial, gin]),
    );
  });

  it("createPrimaryKey / createUniqueConstraint / createCheckConstraint <-> dropConstraint", async () => {
    await kit.apply({ kind: "createTable", table: table("links", [col("a", { kind: "integer" }, { nullable: false }), col("b", { kind: "integer" }, { nullable: false }), col("c", { kind: "integer" })]) });
    await kit.roundTrip(
      [
        { kind: "createPrimaryKey", table: "links", constraint: { name: "links_pk", columns: ["a", "b"] } },
        { kind: "createUniqueConstraint", table: "links", constraint: { name: "links_c_key", columns: ["c", "a"] } },
        { kind: "createCheckConstraint", table: "links", constraint: { name: "links_c_check", expression: "c > 0" } },
      ],
      [
        { kind: "dropConstraint", table: "links", name: "links_c_check", type: "check" },
        { kind: "dropConstraint", table: "links", name: "links_c_key", type: "unique" },
        { kind: "dropConstraint", table: "links", name: "links_pk", type: "primaryKey" },
      ],
      (after) => {
        const links = findTable(after, "links");
        expect(links.primaryKey).toEqual({ name: "links_pk", columns: ["a", "b"] });
        expect(links.uniques).toEqual([{ name: "links_c_key", columns: ["c", "a"] }]);
        expect(links.checks).toEqual([{ name: "links_c_check", expression: "c > 0" }]);
      },
    );
  });

  it("createForeignKey <-> dropConstraint: composite, actions, deferrable, across schemas", async () => {
    await kit.apply({ kind: "createTable", table: { ...orgs, schema: "sales" } });
    const fk = {
      name: "people_org_fk", columns: ["org_id", "region"], referencedSchema: "sales", referencedTable: "orgs", referencedColumns: ["id", "region"],
      onDelete: "CASCADE" as const, onUpdate: "SET NULL" as const, deferrable: true, initiallyDeferred: true,
    };
    const local = { name: "people_org_local", columns: ["org_id"], referencedSchema: null, referencedTable: "orgs", referencedColumns: ["id"], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false };
    await kit.roundTrip(
      [
        { kind: "createForeignKey", table: "people", constraint: fk },
        { kind: "createForeignKey", table: "people", constraint: { ...local, onDelete: "NO ACTION" } },
      ],
      [
        { kind: "dropConstraint", table: "people", name: "people_org_local", type: "foreignKey" },
        { kind: "dropConstraint", table: "people", name: "people_org_fk", type: "foreignKey", existing: { type: "foreignKey", constraint: fk } },
      ],
      (after) => expect(findTable(after, "people").foreignKeys).toEqual([fk, local]),
    );
  });

  it("dropConstraint <-> recreate from its existing state", async () => {
    const existing = { name: "orgs_id_region_key", columns: ["id", "region"] };
    await kit.roundTrip(
      [{ kind: "dropConstraint", table: "orgs", name: existing.name, type: "unique", existing: { type: "unique", constraint: existing } }],
      [{ kind: "createUniqueConstraint", table: "orgs", constraint: existing }],
      (after) => expect(findTable(after, "orgs").uniques).toEqual([]),
    );
  });

  it("createTableComment <-> dropTableComment, both ways", async () => {
    await kit.roundTrip(
      [{ kind: "createTableComment", table: "orgs", comment: "it's \\ all" }],
      [{ kind: "dropTableComment", table: "orgs", existingComment: "it's \\ all" }],
      (after) => expect(findTable(after, "orgs").comment).toBe("it's \\ all"),
    );
    await kit.roundTrip(
      [{ kind: "dropTableComment", table: "people", existingComment: "everyone" }],
      [{ kind: "createTableComment", table: "people", comment: "everyone" }],
      (after) => expect(findTable(after, "people").comment).toBeNull(),
    );
  });

  it("batchAlterTable <-> batchAlterTable of the inverses", async () => {
    const extra = col("extra", { kind: "integer" }, { default: { kind: "literal", value: 3 } });
    await kit.roundTrip(
      [
        {
          kind: "batchAlterTable", table: "orgs",
          operations: [
            { kind: "addColumn", table: "orgs", column: extra },
            { kind: "createIndex", table: "orgs", index: { name: "orgs_extra", unique: false, elements: [{ column: "extra" }], where: null, using: null } },
            { kind: "createCheckConstraint", table: "orgs", constraint: { name: "orgs_extra_check", expression: "extra < 10" } },
          ],
        },
      ],
      [
        {
          kind: "batchAlterTable", table: "orgs",
          operations: [
            { kind: "dropConstraint", table: "orgs", name: "orgs_extra_check", type: "check" },
            { kind: "dropIndex", table: "orgs", name: "orgs_extra" },
            { kind: "dropColumn", table: "orgs", column: "extra", existing: extra },
          ],
        },
      ],
      (after) => {
        const o = findTable(after, "orgs");
        expect(o.columns.at(-1)).toEqual(extra);
        expect(o.indexes.map((i) => i.name)).toEqual(["orgs_extra"]);
        expect(o.checks).toEqual([{ name: "orgs_extra_check", expression: "extra < 10" }]);
      },
    );
  });
});
