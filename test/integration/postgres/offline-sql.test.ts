/**
 * Offline `--sql` output: statements compiled without a database and rendered with inlineParams
 * must, when run as plain text, store exactly what the bound statements store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAvailable } from "../../helpers/databases.js";
import type { CompileContext } from "../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { sql } from "../../../src/core/sql.js";
import type { Operation } from "../../../src/operations/types.js";
import { openKit, type PgKit } from "./pg-test-kit.js";

const available = await serverAvailable("postgres");
const offline: CompileContext = { offline: true, tableState: () => undefined };

const tricky = ["o'k", "back\\slash", "$1 and $2", 'quote "d"', "ünï ☃", "", "-- not a comment", "E'x'"];

function ops(table: string): Operation[] {
  const columns = [
    { name: "id", type: { kind: "integer" as const } },
    { name: "label", type: { kind: "text" as const } },
    { name: "doc", type: { kind: "jsonb" as const } },
    { name: "tags", type: { kind: "array" as const, of: { kind: "text" as const } } },
    { name: "flag", type: { kind: "boolean" as const } },
    { name: "raw", type: { kind: "binary" as const } },
    { name: "at", type: { kind: "timestamp" as const, withTimezone: true } },
    { name: "big", type: { kind: "bigint" as const } },
  ];
  return [
    {
      kind: "createTable",
      table: {
        name: table,
        columns: columns.map((c) => ({ ...c, nullable: true })),
        foreignKeys: [],
        uniques: [],
        checks: [],
        indexes: [],
      },
    },
    {
      kind: "bulkInsert",
      table,
      columns,
      rows: tricky.map((label, i) => ({
        id: i,
        label,
        doc: { label, n: [i, null] },
        tags: [label, null, "x"],
        flag: i % 2 === 0,
        raw: Buffer.from([0, i, 255]),
        at: new Date(Date.UTC(2024, 0, i + 1, 12, 30)),
        big: 9007199254740993n + BigInt(i),
      })),
    },
  ];
}

describe.skipIf(!available)("postgres offline SQL", () => {
  let kit: PgKit;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("inlined statements store the same rows as bound ones", async () => {
    await kit.apply(...ops("bound"));
    for (const op of ops("inlined")) {
      for (const statement of await postgresDialect.compile(op, offline)) {
        await kit.conn.query(postgresDialect.inlineParams(statement));
      }
    }
    const read = (t: string) => kit.conn.query(`SELECT id, label, doc, tags, flag, raw, at, big::text AS big FROM ${t} ORDER BY id`);
    const bound = await read("bound");
    expect(bound.length).toBe(tricky.length);
    expect(await read("inlined")).toEqual(bound);
  });

  it("inlines execute fragments and leaves $n inside literals alone", async () => {
    const statements = await postgresDialect.compile({ kind: "execute", sql: sql`UPDATE bound SET label = ${"it's $1"} || '$2' WHERE id = ${3}` }, offline);
    await kit.conn.query(postgresDialect.inlineParams(statements[0]!));
    expect(await kit.conn.query("SELECT label FROM bound WHERE id = 3")).toEqual([{ label: "it's $1$2" }]);
  });
});
