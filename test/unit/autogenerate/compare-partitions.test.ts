import { describe, expect, it } from "vitest";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { emptyTable, type DatabaseSchema, type TableSchema } from "../../../src/catalog/types.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { bigint, date, defineSchema, index, partition, schemaFromModel, table, text } from "../../../src/model/index.js";

const compare = (target: DatabaseSchema, actual: DatabaseSchema) => compareSchemas(target, actual, dialectCompareOptions(postgresDialect));
const events = table("events", { id: bigint().notNull(), happened: date().notNull(), note: text() }, { partitionBy: "RANGE (happened)" });
const y2020 = partition("events_2020", events, "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')", (t) => ({ indexes: [index([t.note], { name: "events_2020_note" })] }));
const model = (): DatabaseSchema => schemaFromModel(defineSchema({ tables: [y2020, events] }));

describe("partitions in the model and in compare", () => {
  it("builds a partition with its parent's columns, its bound and its own index, and creates it after its parent (dropped before it)", () => {
    const built = model().tables.find((t) => t.name === "events_2020")!;
    expect(built.partitionOf).toEqual({ schema: null, table: "events", bound: "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')" });
    expect(built.columns.map((c) => c.name)).toEqual(["id", "happened", "note"]);
    expect(built.indexes.map((ix) => ix.name)).toEqual(["events_2020_note"]);
    const up = compare(model(), { tables: [], enums: [] }).operations;
    expect(up.map((op) => (op.kind === "createTable" ? op.table.name : op.kind))).toEqual(["events", "events_2020"]);
    const down = compare({ tables: [], enums: [] }, model()).operations;
    expect(down.map((op) => (op.kind === "dropTable" ? op.table : op.kind))).toEqual(["events_2020", "events"]);
  });

  it("leaves a partition's columns to its parent: a new column is added once, to the parent", () => {
    const target = model();
    const actual = structuredClone(target);
    for (const t of target.tables) t.columns.push({ name: "extra", type: { kind: "integer" }, nullable: true });
    expect(compare(target, actual).operations.map((op) => `${op.kind} ${"table" in op ? String(op.table) : ""}`)).toEqual(["addColumn events"]);
  });

  it("reports a changed partition key or bound as unmanaged, with what to write", () => {
    const target = model();
    const actual = structuredClone(target);
    const byName = (s: DatabaseSchema, n: string): TableSchema => s.tables.find((t) => t.name === n)!;
    byName(actual, "events").partitionBy = "LIST (note)";
    byName(actual, "events_2020").partitionOf!.bound = "DEFAULT";
    const result = compare(target, actual);
    expect(result.operations).toEqual([]);
    expect(result.unmanaged).toEqual([
      expect.stringMatching(/^table events: the model says PARTITION BY RANGE \(happened\), the database holds PARTITION BY LIST \(note\); .*cannot be altered/),
      expect.stringMatching(/^table events_2020: the model says a partition of events FOR VALUES FROM .*, the database holds a partition of events DEFAULT; .*DETACH PARTITION/),
    ]);
    const plain = { ...emptyTable("events"), columns: byName(target, "events").columns };
    expect(compare(target, { tables: [plain, byName(target, "events_2020")], enums: [] }).unmanaged[0]).toMatch(/the database holds a table that is not partitioned/);
  });
});
