/**
 * View options from the model's side and from each database's rows: the DSL keeps what it is
 * given and refuses what no view can have; MySQL's and PostgreSQL's catalog values turn into the
 * same neutral options (only those the database holds), and PostgreSQL refuses ALGORITHM.
 */
import { describe, expect, it } from "vitest";
import { sql } from "../../../src/core/sql.js";
import { isMigrateError, type MigrateError } from "../../../src/errors.js";
import { view } from "../../../src/model/objects.js";
import { viewOptionsKey } from "../../../src/catalog/objects/types.js";
import { createViewAlgorithm, viewOptionsOf as mysqlViewOptions } from "../../../src/dialects/mysql/reflect-objects.js";
import { viewOptionsOf as postgresViewOptions } from "../../../src/dialects/postgres/reflect-objects.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";

function thrown(fn: () => unknown): MigrateError {
  try {
    fn();
  } catch (error) {
    if (isMigrateError(error)) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("view(...) options", () => {
  it("keeps the options given, apart from schema and dependsOn", () => {
    const v = view("actor_info", sql`SELECT 1`, { security: "invoker", checkOption: "local", algorithm: "merge", dependsOn: ["table:.actor"] });
    expect(v.object).toEqual({ kind: "view", schema: null, name: "actor_info", definition: "SELECT 1", dependsOn: ["table:.actor"], viewOptions: { security: "invoker", checkOption: "local", algorithm: "merge" } });
  });

  it("holds no options when none is given, and keeps an explicit default as written", () => {
    expect(view("v", "SELECT 1").object).not.toHaveProperty("viewOptions");
    expect(view("v", "SELECT 1", { schema: "app" }).object).not.toHaveProperty("viewOptions");
    expect(view("v", "SELECT 1", { security: "definer" }).object.viewOptions).toEqual({ security: "definer" });
  });

  it("refuses a value no view can have, naming the view, the option and what it may be", () => {
    const error = thrown(() => view("v", "SELECT 1", { checkOption: "strict" as never }));
    expect(error.message).toBe('view v: checkOption is "strict", which is not a checkOption a view can have.');
    expect(error.hint).toBe('Write checkOption as one of "cascaded", "local", or leave it out for the database\'s default.');
  });
});

describe("viewOptionsKey", () => {
  it("folds the defaults away and keeps what differs", () => {
    expect(viewOptionsKey(undefined)).toBeNull();
    expect(viewOptionsKey({ security: "definer", algorithm: "undefined" })).toBeNull();
    expect(viewOptionsKey({ security: "invoker", checkOption: "cascaded", algorithm: "temptable" })).toBe("security=invoker check=cascaded algorithm=temptable");
  });
});

describe("reflected view options", () => {
  it("MySQL: reports only what differs from SQL SECURITY DEFINER, no check option and ALGORITHM=UNDEFINED", () => {
    expect(mysqlViewOptions({ security: "DEFINER", check_option: "NONE", algorithm: "UNDEFINED" })).toBeUndefined();
    expect(mysqlViewOptions({ security: "INVOKER", check_option: "LOCAL", algorithm: "MERGE" })).toEqual({ security: "invoker", checkOption: "local", algorithm: "merge" });
    expect(mysqlViewOptions({ security: "DEFINER", check_option: "CASCADED", algorithm: "TEMPTABLE" })).toEqual({ checkOption: "cascaded", algorithm: "temptable" });
    expect(mysqlViewOptions({ security: "DEFINER", check_option: "NONE", algorithm: null })).toBeUndefined();
  });

  it("MySQL: reads ALGORITHM from SHOW CREATE VIEW's text", () => {
    expect(createViewAlgorithm("CREATE ALGORITHM=TEMPTABLE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS select 1 AS `1`")).toBe("temptable");
    expect(createViewAlgorithm("CREATE ALGORITHM = merge DEFINER=`root`@`%` VIEW `v` AS select 1")).toBe("merge");
    expect(createViewAlgorithm("CREATE VIEW `v` AS select 'ALGORITHM=MERGE'")).toBeNull();
  });

  it("PostgreSQL: reports what reloptions hold, an explicit security_invoker=false as definer", () => {
    expect(postgresViewOptions({ security_invoker: null, check_option: null })).toBeUndefined();
    expect(postgresViewOptions({ security_invoker: true, check_option: "local" })).toEqual({ security: "invoker", checkOption: "local" });
    expect(postgresViewOptions({ security_invoker: false, check_option: "cascaded" })).toEqual({ security: "definer", checkOption: "cascaded" });
  });

  it("PostgreSQL refuses ALGORITHM, which is MySQL's, with one message", async () => {
    const error = await postgresDialect
      .compile({ kind: "createObject", object: { kind: "view", schema: null, name: "v", definition: "SELECT 1", viewOptions: { algorithm: "merge" } } }, { offline: true, tableState: () => undefined })
      .then(() => undefined, (e: unknown) => e);
    expect(isMigrateError(error), String(error)).toBe(true);
    expect((error as MigrateError).message).toBe('PostgreSQL views have no ALGORITHM (view v says algorithm: "merge").');
    expect((error as MigrateError).hint).toMatch(/Leave algorithm out/);
  });
});
