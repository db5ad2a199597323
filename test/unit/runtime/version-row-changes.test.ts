/**
 * The version-row statements' placeholders: each statement numbered from $1 when it runs on its
 * own (stamp, a step outside a transaction, offline SQL), numbered on across all of them when they
 * join a log upsert in one statement.
 */
import { describe, expect, it } from "vitest";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import { versionRowChanges } from "../../../src/runtime/version-store.js";

const table = { name: "athanor_version", schema: null };

describe("versionRowChanges", () => {
  it("numbers each standalone statement from $1", () => {
    const merge = versionRowChanges(postgresDialect, table, ["b", "c", "d"], ["m"]);
    expect(merge).toEqual([
      { sql: 'UPDATE "athanor_version" SET "version_num" = $1 WHERE "version_num" = $2', params: ["m", "b"] },
      { sql: 'DELETE FROM "athanor_version" WHERE "version_num" = $1', params: ["c"] },
      { sql: 'DELETE FROM "athanor_version" WHERE "version_num" = $1', params: ["d"] },
    ]);
    const branch = versionRowChanges(postgresDialect, table, [], ["x", "y"]);
    expect(branch.map((s) => s.sql)).toEqual(['INSERT INTO "athanor_version" ("version_num") VALUES ($1)', 'INSERT INTO "athanor_version" ("version_num") VALUES ($1)']);
  });

  it("numbers on from `first` across the statements when asked", () => {
    const merge = versionRowChanges(postgresDialect, table, ["b", "c"], ["m", "n", "o"], 12);
    expect(merge.map((s) => s.sql)).toEqual([
      'UPDATE "athanor_version" SET "version_num" = $12 WHERE "version_num" = $13',
      'UPDATE "athanor_version" SET "version_num" = $14 WHERE "version_num" = $15',
      'INSERT INTO "athanor_version" ("version_num") VALUES ($16)',
    ]);
    expect(merge.flatMap((s) => s.params)).toEqual(["m", "b", "n", "c", "o"]);
  });
});
