import { describe, expect, it } from "vitest";
import { planTransactions } from "../../../src/runtime/transaction-plan.js";

describe("planTransactions", () => {
  it("gives each revision its own transaction where DDL is transactional", () => {
    expect(planTransactions({ transactionalDdl: true, setting: "revision", stepTransactional: [true, true] }).steps).toEqual(["own", "own"]);
  });

  it("shares one transaction for the whole command, except revisions that opt out", () => {
    expect(planTransactions({ transactionalDdl: true, setting: "command", stepTransactional: [true, false, true] }).steps).toEqual(["shared", "none", "shared"]);
  });

  it("runs every revision outside a transaction where DDL commits on its own, whatever the setting", () => {
    for (const setting of ["revision", "command"] as const) {
      expect(planTransactions({ transactionalDdl: false, setting, stepTransactional: [true, true] }).steps).toEqual(["none", "none"]);
    }
  });

  it("lets a revision exporting transactional = false opt out", () => {
    expect(planTransactions({ transactionalDdl: true, setting: "revision", stepTransactional: [false, true] }).steps).toEqual(["none", "own"]);
  });
});
